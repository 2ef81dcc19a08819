package io.stave.eval.passrate;

import io.stave.eval.tooleval.AnswerStatus;
import io.stave.eval.tooleval.TaskStatus;

/**
 * One evaluation run of one answer: the answer status (and, for v2, the task status, the
 * passed/failed label after the Unsure coin, the combined reason and the hallucination flag).
 * {@code taskStatus} and {@code label} are null where the rule or the file has none.
 */
public record RunVerdict(
        int run, AnswerStatus answerStatus, TaskStatus taskStatus, String label, String reason, boolean notHallucinate) {

    public static final String PASSED = "passed";
    public static final String FAILED = "failed";

    /** SoPR's credit for this run: Solved 1, Unsure ½, Unsolved 0. */
    public double score() {
        return switch (answerStatus) {
            case Solved -> 1.0;
            case Unsure -> 0.5;
            case Unsolved -> 0.0;
        };
    }
}
