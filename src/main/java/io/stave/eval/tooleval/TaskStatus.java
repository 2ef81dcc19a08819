package io.stave.eval.tooleval;

/** ToolEval's verdict on a task; files write it as {@code TaskStatus.Solvable} etc. */
public enum TaskStatus {
    Unsure,
    Unsolvable,
    Solvable;

    public String label() {
        return "TaskStatus." + name();
    }

    public static TaskStatus fromLabel(String label) {
        for (TaskStatus s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        return null;
    }
}
