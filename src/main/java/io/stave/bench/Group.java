package io.stave.bench;

import io.stave.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The six ToolBench test groups (spec/toolbench.md §0.4) in the evaluators' order, with their file
 * names and the table labels of the papers.
 */
public enum Group {
    G1_INSTRUCTION("G1_instruction", "I1-Inst"),
    G1_CATEGORY("G1_category", "I1-Cat"),
    G1_TOOL("G1_tool", "I1-Tool"),
    G2_INSTRUCTION("G2_instruction", "I2-Inst"),
    G2_CATEGORY("G2_category", "I2-Cat"),
    G3_INSTRUCTION("G3_instruction", "I3-Inst");

    private final String fileName;
    private final String label;

    Group(String fileName, String label) {
        this.fileName = fileName;
        this.label = label;
    }

    /** The name used in file names and result keys, e.g. {@code G1_instruction}. */
    public String fileName() {
        return fileName;
    }

    /** The paper's column label, e.g. {@code I1-Inst}. */
    public String label() {
        return label;
    }

    /** True for a group name or paper alias (case-insensitive; a trailing dot as in "I1-Inst." is allowed). */
    public static boolean isName(String text) {
        return find(text).isPresent();
    }

    /** The group named by its file name or its paper alias. */
    public static Group parse(String text) {
        return find(text).orElseThrow(() -> new BadInputException("suite '" + text + "': expected one of " + names()));
    }

    public static List<String> names() {
        return Arrays.stream(values()).flatMap(g -> Stream.of(g.fileName, g.label)).toList();
    }

    /** The group a name stands for: file name or paper label, any case, with or without a final dot. */
    public static Optional<Group> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        for (Group group : values()) {
            if (group.fileName.equalsIgnoreCase(name) || group.label.equalsIgnoreCase(name)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
