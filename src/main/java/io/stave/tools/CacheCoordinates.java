package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.Names;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyRepr;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where StableToolBench keeps a reply (toolbench.md §7.4 steps 1, 3, 4): the file
 * {@code <category>/<toolDir>/<apiName>.json} and, inside it, the key {@code py_str(parsed tool_input)}.
 * stave's tool cache hashes exactly these four strings (harness.md §5), so a StableToolBench cache
 * imports one to one.
 */
public record CacheCoordinates(String category, String toolDir, String apiName, String key) {

    /** The key object hashed into the SQLite cache key. */
    public Map<String, Object> keyObject() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kind", "tool");
        key.put("category", category);
        key.put("tool_dir", toolDir);
        key.put("api_name", apiName);
        key.put("key", this.key);
        return key;
    }

    /** Reads coordinates back from a stored key object. */
    public static CacheCoordinates fromKeyObject(JsonNode key) {
        return new CacheCoordinates(key.path("category").asText(), key.path("tool_dir").asText(),
                key.path("api_name").asText(), key.path("key").asText());
    }

    /**
     * The coordinates of a call, or null when its arguments are not JSON (the server then answers
     * "Tool input parse error..." without looking anything up).
     */
    public static CacheCoordinates of(ToolCall call) {
        JsonNode input = parseToolInput(call.arguments());
        if (input == null) {
            return null;
        }
        String category = Names.standardizeCategory(call.category());
        String apiName = Names.changeName(Names.standardize(call.apiName()));
        int cut = apiName.indexOf("_for_" + call.toolName());
        if (cut >= 0) {
            apiName = apiName.substring(0, cut);
        }
        String toolDir = call.toolName().endsWith("_for_" + category)
                ? call.toolName()
                : Names.standardize(call.toolName()) + "_for_" + category;
        return new CacheCoordinates(category, toolDir, apiName, PyRepr.str(input));
    }

    /** The decoded tool input: {@code ""} is {@code {}}; anything that is not JSON is null. */
    static JsonNode parseToolInput(String arguments) {
        if (arguments.isEmpty()) {
            return Json.NODES.objectNode();
        }
        try {
            return Json.parse(arguments);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
