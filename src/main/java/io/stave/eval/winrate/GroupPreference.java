package io.stave.eval.winrate;

import java.util.List;

/**
 * Win rate of a candidate against a reference on one group (§9.5, §9.7): wins, ties and losses
 * over the test ids, with both tie rules.
 */
public record GroupPreference(String group, String reference, String candidate, List<QueryPreference> queries,
        List<String> notJudged) {

    public GroupPreference {
        queries = List.copyOf(queries);
        notJudged = List.copyOf(notJudged);
    }

    /** How a tie counts in the headline win rate. */
    public enum TieRule {
        LOSS,
        HALF
    }

    public long count(QueryPreference.Outcome outcome) {
        return queries.stream().filter(q -> q.outcome() == outcome).count();
    }

    public int wins() {
        return (int) count(QueryPreference.Outcome.WIN);
    }

    public int ties() {
        return (int) count(QueryPreference.Outcome.TIE);
    }

    public int losses() {
        return (int) count(QueryPreference.Outcome.LOSS);
    }

    /** {@code wins / n}, the released code's rule. */
    public double winRateTiesAsLoss() {
        return queries.isEmpty() ? 0.0 : (double) wins() / queries.size();
    }

    /** {@code (wins + ties/2) / n}. */
    public double winRateTiesAsHalf() {
        return queries.isEmpty() ? 0.0 : (wins() + ties() / 2.0) / queries.size();
    }

    public double winRate(TieRule rule) {
        return rule == TieRule.HALF ? winRateTiesAsHalf() : winRateTiesAsLoss();
    }

    public double tieRate() {
        return queries.isEmpty() ? 0.0 : (double) ties() / queries.size();
    }
}
