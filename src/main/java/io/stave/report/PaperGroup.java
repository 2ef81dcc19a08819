package io.stave.report;

import io.stave.BadInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * The six ToolBench test groups in the papers' column order (I1-Inst, I1-Tool, I1-Cat, I2-Inst,
 * I2-Cat, I3-Inst), with their file names and table labels (spec/toolbench.md §0.4).
 */
public enum PaperGroup {
    G1_INSTRUCTION("G1_instruction", "I1-Inst"),
    G1_TOOL("G1_tool", "I1-Tool"),
    G1_CATEGORY("G1_category", "I1-Cat"),
    G2_INSTRUCTION("G2_instruction", "I2-Inst"),
    G2_CATEGORY("G2_category", "I2-Cat"),
    G3_INSTRUCTION("G3_instruction", "I3-Inst");

    /** The key of the Average column in the published file. */
    public static final String AVERAGE_KEY = "Avg";

    private final String key;
    private final String label;

    PaperGroup(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The group file name ({@code G1_instruction}), used in answers and result keys. */
    public String key() {
        return key;
    }

    /** The paper's column label ({@code I1-Inst}), the group key of the published file. */
    public String label() {
        return label;
    }

    /**
     * Reads any name a group goes by: the file name ({@code G1_instruction}), the label with or
     * without its final dot ({@code I1-Inst}, {@code I1-Inst.}, {@code I1-Tool.}), any case.
     */
    public static Optional<PaperGroup> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (wanted.endsWith(".")) {
            wanted = wanted.substring(0, wanted.length() - 1);
        }
        for (PaperGroup group : values()) {
            if (group.key.toLowerCase(Locale.ROOT).equals(wanted) || group.label.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    public static PaperGroup of(String name) {
        return find(name).orElseThrow(() -> new BadInputException("group \"" + name
                + "\": expected one of G1_instruction, G1_tool, G1_category, G2_instruction, G2_category,"
                + " G3_instruction (or their labels I1-Inst … I3-Inst)"));
    }

    /** True for the names of the Average column: {@code Avg}, {@code Average}. */
    public static boolean isAverage(String name) {
        return name != null && (name.strip().equalsIgnoreCase(AVERAGE_KEY) || name.strip().equalsIgnoreCase("Average"));
    }
}
