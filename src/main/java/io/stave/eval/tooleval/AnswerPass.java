package io.stave.eval.tooleval;

/** The outcome of {@code is_passed} (§9.3). */
public enum AnswerPass {
    Unsure,
    Failed,
    Passed;

    /** The table of §9.3: Solved passes; Unsolvable tasks pass; the rest by task status. */
    public static AnswerPass of(AnswerStatus answer, TaskStatus task) {
        if (answer == AnswerStatus.Solved) {
            return Passed;
        }
        return switch (task) {
            case Solvable -> answer == AnswerStatus.Unsolved ? Failed : Unsure;
            case Unsure -> Unsure;
            case Unsolvable -> Passed;
        };
    }
}
