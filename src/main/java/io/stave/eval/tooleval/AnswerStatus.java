package io.stave.eval.tooleval;

/** ToolEval's verdict on an answer; files write it as {@code AnswerStatus.Solved} etc. */
public enum AnswerStatus {
    Unsure,
    Unsolved,
    Solved;

    /** {@code str(AnswerStatus.X)} as the result files hold it. */
    public String label() {
        return "AnswerStatus." + name();
    }

    /** Reads {@code AnswerStatus.X}; null for anything else (the original's mapping then fails over to "unknown"). */
    public static AnswerStatus fromLabel(String label) {
        for (AnswerStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
