package io.stave.bench;

import io.stave.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The test queries of one group: the query file filtered by the group's test-id set (spec/toolbench.md §2.2).
 *
 * @param group   the group, or {@code null} for a query file that is not a named group
 * @param queries in file order
 * @param source  the query file
 */
public record Suite(Group group, List<Query> queries, Path source) {

    public Suite {
        queries = List.copyOf(queries);
    }

    /** The group's file name ({@code G1_instruction}), or the query file's name without {@code .json}. */
    public String name() {
        return group != null ? group.fileName() : source.getFileName().toString().replaceFirst("\\.json$", "");
    }

    public Optional<Query> find(String id) {
        return queries.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /** The query with this id, or a {@link BadInputException} naming the file. */
    public Query get(String id) {
        return find(id).orElseThrow(() -> BadInputException.at(source, "$[*].query_id",
                "a query with id " + id + " (the file has " + queries.size() + " queries)"));
    }
}
