package io.stave.bench.data;

import io.stave.BadInputException;
import io.stave.bench.Group;
import io.stave.bench.Query;
import io.stave.bench.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds and loads suites. A group's queries live in {@code <data>/solvable_queries/test_instruction/<group>.json}
 * (StableToolBench; {@code stave data fetch} puts it under {@code <data>/stabletoolbench-solvable/}),
 * {@code <data>/test_instruction/<group>.json} or {@code <data>/data/test_instruction/<group>.json}
 * (ToolBench {@code data.zip}); the sibling {@code test_query_ids/<group>.json}, when present, selects the
 * test set (spec/toolbench.md §2.2).
 */
public final class Suites {

    private static final List<String> LAYOUTS = List.of(
            "solvable_queries", "stabletoolbench-solvable/solvable_queries", ".", "data");

    private Suites() {}

    /**
     * Loads {@code queries}: a suite name or paper alias (looked up under {@code dataDir}) or a query file.
     *
     * @param toolRoot documents minimal-format entries; may be {@code null}
     */
    public static Suite resolve(String queries, Path dataDir, ToolRoot toolRoot) {
        Path file = Path.of(queries);
        if (Group.isName(queries) && !Files.exists(file)) {
            return load(dataDir, Group.parse(queries), toolRoot);
        }
        if (!Files.exists(file)) {
            throw BadInputException.at(file, "$", "an existing query file, or a suite name (one of "
                    + String.join(", ", Group.names()) + ") with --data");
        }
        return fromFile(file, toolRoot);
    }

    /** The test queries of a group under a data directory. */
    public static Suite load(Path dataDir, Group group, ToolRoot toolRoot) {
        for (String layout : LAYOUTS) {
            Path file = dataDir.resolve(layout).resolve("test_instruction").resolve(group.fileName() + ".json").normalize();
            if (Files.isRegularFile(file)) {
                return fromFile(file, toolRoot);
            }
        }
        throw BadInputException.at(dataDir.resolve("solvable_queries/test_instruction/" + group.fileName() + ".json"),
                "$", "the query file of suite " + group.fileName() + " (" + group.label()
                        + ") under " + dataDir + " (solvable_queries/test_instruction/ or test_instruction/)");
    }

    /** A query file, filtered by its sibling {@code ../test_query_ids/<same name>} when that exists. */
    public static Suite fromFile(Path file, ToolRoot toolRoot) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        Group group = Group.isName(name) && name.startsWith("G") ? Group.parse(name) : null;
        List<Query> queries = QueryFiles.read(file, toolRoot);
        Path parent = file.toAbsolutePath().getParent();
        Path idsFile = parent.resolveSibling("test_query_ids").resolve(file.getFileName());
        if (!parent.getFileName().toString().equals("test_instruction") || !Files.isRegularFile(idsFile)) {
            return new Suite(group, queries, file);
        }
        return new Suite(group, select(queries, QueryIds.read(idsFile), file, idsFile), file);
    }

    private static List<Query> select(List<Query> queries, Set<String> ids, Path file, Path idsFile) {
        List<Query> selected = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>(ids);
        for (Query query : queries) {
            if (ids.contains(query.id())) {
                selected.add(query);
                missing.remove(query.id());
            }
        }
        if (!missing.isEmpty()) {
            throw BadInputException.at(idsFile, "$", "only ids present in " + file + "; missing there: " + missing);
        }
        return selected;
    }
}
