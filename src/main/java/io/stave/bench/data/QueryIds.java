package io.stave.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** A {@code test_query_ids/<group>.json} file: an object whose keys are the test set (spec/toolbench.md §2.2). */
public final class QueryIds {

    private QueryIds() {}

    public static Set<String> read(Path file) {
        JsonNode root = JsonFields.readFile(file);
        if (!root.isObject()) {
            throw BadInputException.at(file, "$", "an object keyed by query id, e.g. {\"588\": 0}");
        }
        Set<String> ids = new LinkedHashSet<>();
        root.fieldNames().forEachRemaining(ids::add);
        return ids;
    }
}
