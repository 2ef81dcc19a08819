package io.stave.eval.winrate;

import java.util.List;

/**
 * The rounds of one query: how many the reference and the candidate won, and which rounds were
 * completed by a judgement ({@code complete}) rather than a shortcut or not at all.
 */
public record QueryPreference(String qid, int referenceWins, int candidateWins, List<Boolean> roundsComplete) {

    public QueryPreference {
        roundsComplete = List.copyOf(roundsComplete);
    }

    public enum Outcome {
        WIN,
        TIE,
        LOSS
    }

    /** The candidate's result: more rounds won than the reference is a win (§9.5). */
    public Outcome outcome() {
        return candidateWins > referenceWins ? Outcome.WIN : candidateWins < referenceWins ? Outcome.LOSS : Outcome.TIE;
    }

    /** The CSV's {@code preference_label}: 1 reference better, 2 candidate better, 3 equal. */
    public int preferenceLabel() {
        return switch (outcome()) {
            case LOSS -> 1;
            case WIN -> 2;
            case TIE -> 3;
        };
    }
}
