package io.stave.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.Api;
import io.stave.bench.Query;
import io.stave.bench.RelevantApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads query files (spec/toolbench.md §2.1, §2.3): the full format of ToolBench/StableToolBench test
 * and training files, whose {@code api_list} entries carry their documentation, and the minimal
 * inference format, whose entries only name the API and are documented from a tool root.
 */
public final class QueryFiles {

    private static final Logger log = LoggerFactory.getLogger(QueryFiles.class);

    private QueryFiles() {}

    /** Reads a file whose entries are all documented (no tool root). */
    public static List<Query> read(Path file) {
        return read(file, null);
    }

    /**
     * Reads a query file.
     *
     * @param toolRoot documents minimal entries; may be {@code null} when every entry is documented
     */
    public static List<Query> read(Path file, ToolRoot toolRoot) {
        JsonNode root = JsonFields.readFile(file);
        if (!root.isArray()) {
            throw BadInputException.at(file, "$", "an array of query objects");
        }
        List<Query> queries = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            queries.add(query(root.get(i), i, file, toolRoot));
        }
        return queries;
    }

    private static Query query(JsonNode node, int index, Path file, ToolRoot toolRoot) {
        String path = "$[" + index + "]";
        JsonFields.object(node, file, path);
        String text = JsonFields.text(node, "query", file, path);
        String id = id(node, index, file, path);
        if (!node.has("api_list")) {
            throw BadInputException.at(file, path + ".api_list",
                    "an array of APIs (open-domain queries without api_list need a retriever, which stave does not offer)");
        }
        JsonNode list = JsonFields.array(node, "api_list", file, path);
        List<Api> apis = new ArrayList<>(list.size());
        for (int j = 0; j < list.size(); j++) {
            String at = path + ".api_list[" + j + "]";
            JsonNode entry = JsonFields.object(list.get(j), file, at);
            if (documented(entry)) {
                apis.add(ApiReader.fromQueryEntry(entry, file, at));
            } else {
                lookUp(entry, file, at, toolRoot).ifPresent(apis::add);
            }
        }
        return new Query(id, text, apis, relevant(node, file, path));
    }

    /** ToolBench uses the position in the file when a query has no {@code query_id}. */
    private static String id(JsonNode node, int index, Path file, String path) {
        JsonNode id = node.get("query_id");
        if (id == null) {
            return Integer.toString(index);
        }
        if (!id.isIntegralNumber()) {
            throw BadInputException.at(file, path + ".query_id", "an integer");
        }
        return id.bigIntegerValue().toString();
    }

    private static boolean documented(JsonNode entry) {
        return entry.has("api_description") || entry.has("required_parameters") || entry.has("optional_parameters");
    }

    /** A minimal entry (§2.3): documented from the tool file; an API the file lacks is dropped, as ToolBench does. */
    private static Optional<Api> lookUp(JsonNode entry, Path file, String path, ToolRoot toolRoot) {
        String category = JsonFields.text(entry, "category_name", file, path);
        String tool = JsonFields.text(entry, "tool_name", file, path);
        String apiName = JsonFields.text(entry, "api_name", file, path);
        if (toolRoot == null) {
            throw BadInputException.at(file, path,
                    "api_description and the parameter lists, or a tool root (--tools-root) documenting API '" + apiName + "'");
        }
        Optional<Api> api = toolRoot.api(category, tool, apiName);
        if (api.isEmpty()) {
            log.warn("{}: {}: API '{}' is not documented in {}; dropped as ToolBench does",
                    file, path, apiName, toolRoot.tool(category, tool).file());
        }
        return api;
    }

    private static List<RelevantApi> relevant(JsonNode node, Path file, String path) {
        JsonNode list = node.get("relevant APIs");
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw BadInputException.at(file, path + "['relevant APIs']", "an array of [tool_name, api_name] pairs");
        }
        List<RelevantApi> pairs = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode pair = list.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                throw BadInputException.at(file, path + "['relevant APIs'][" + i + "]", "a [tool_name, api_name] pair of strings");
            }
            pairs.add(new RelevantApi(pair.get(0).textValue(), pair.get(1).textValue()));
        }
        return pairs;
    }
}
