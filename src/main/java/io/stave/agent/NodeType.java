package io.stave.agent;

/** The three kinds of search-tree node ToolBench writes (spec/toolbench.md §2.6, §6.1). */
public enum NodeType {
    /** The root, and every tool-call argument node (it carries the observation). */
    ACTION_INPUT("Action Input"),
    /** The assistant's text of a turn. */
    THOUGHT("Thought"),
    /** The called function's name. */
    ACTION("Action");

    private final String label;

    NodeType(String label) {
        this.label = label;
    }

    /** The {@code node_type} string of answer files. */
    public String label() {
        return label;
    }

    public static NodeType fromLabel(String label) {
        for (NodeType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("node_type must be Action Input, Thought or Action: " + label);
    }
}
