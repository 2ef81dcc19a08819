package io.stave.eval;

import io.stave.bench.Group;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The six test groups' file names in the evaluators' order (§0.4). */
public final class Groups {

    public static final List<String> ALL = Arrays.stream(Group.values()).map(Group::fileName).toList();

    private Groups() {}

    /** The group a result file name starts with ({@code <group>_…}), if any. */
    public static Optional<String> prefixOf(String fileName) {
        return ALL.stream().filter(g -> fileName.startsWith(g + "_")).findFirst();
    }
}
