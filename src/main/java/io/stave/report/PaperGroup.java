package io.stave.report;

import io.stave.BadInputException;
import io.stave.bench.Group;
import java.util.Arrays;
import java.util.Optional;

/**
 * The six ToolBench test groups in the papers' column order (I1-Inst, I1-Tool, I1-Cat, I2-Inst,
 * I2-Cat, I3-Inst), with their file names and table labels (spec/toolbench.md §0.4).
 */
public enum PaperGroup {
    G1_INSTRUCTION(Group.G1_INSTRUCTION),
    G1_TOOL(Group.G1_TOOL),
    G1_CATEGORY(Group.G1_CATEGORY),
    G2_INSTRUCTION(Group.G2_INSTRUCTION),
    G2_CATEGORY(Group.G2_CATEGORY),
    G3_INSTRUCTION(Group.G3_INSTRUCTION);

    /** The key of the Average column in the published file. */
    public static final String AVERAGE_KEY = "Avg";

    private final Group group;

    PaperGroup(Group group) {
        this.group = group;
    }

    /** The group file name ({@code G1_instruction}), used in answers and result keys. */
    public String key() {
        return group.fileName();
    }

    /** The paper's column label ({@code I1-Inst}), the group key of the published file. */
    public String label() {
        return group.label();
    }

    /**
     * Reads any name a group goes by: the file name ({@code G1_instruction}), the label with or
     * without its final dot ({@code I1-Inst}, {@code I1-Inst.}, {@code I1-Tool.}), any case.
     */
    public static Optional<PaperGroup> find(String name) {
        return Group.find(name).flatMap(g -> Arrays.stream(values()).filter(p -> p.group == g).findFirst());
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
