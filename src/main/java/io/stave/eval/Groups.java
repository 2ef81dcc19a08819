package io.stave.eval;

import java.util.List;
import java.util.Optional;

/** The six test groups in the evaluators' order (§0.4). */
public final class Groups {

    public static final List<String> ALL = List.of(
            "G1_instruction", "G1_category", "G1_tool", "G2_instruction", "G2_category", "G3_instruction");

    private Groups() {}

    /** The group a result file name starts with ({@code <group>_…}), if any. */
    public static Optional<String> prefixOf(String fileName) {
        return ALL.stream().filter(g -> fileName.startsWith(g + "_")).findFirst();
    }
}
