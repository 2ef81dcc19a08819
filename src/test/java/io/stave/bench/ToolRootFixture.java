package io.stave.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Names;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a small {@code toolenv/tools} root (spec/toolbench.md §2.4) documenting the APIs of some
 * queries, since the shared folder has no tool files.
 */
public final class ToolRootFixture {

    private ToolRootFixture() {}

    /**
     * One tool file per (category, tool) of the queries, named {@code standardize(tool_name)}.
     *
     * @param descriptions tool_description per standard tool name (absent: no such key in the file)
     */
    public static Path write(Path root, List<Query> queries, Map<String, String> descriptions) {
        Map<Path, ObjectNode> files = new LinkedHashMap<>();
        for (Query query : queries) {
            for (Api api : query.apis()) {
                String standard = Names.standardize(api.toolName());
                Path file = root.resolve(api.categoryName()).resolve(standard + ".json");
                ObjectNode doc = files.computeIfAbsent(file, f -> {
                    ObjectNode d = Json.NODES.objectNode();
                    d.put("tool_name", api.toolName());
                    if (descriptions.containsKey(standard)) {
                        d.put("tool_description", descriptions.get(standard));
                    }
                    d.put("title", api.toolName());
                    d.putArray("api_list");
                    d.put("standardized_name", standard);
                    return d;
                });
                ArrayNode apis = (ArrayNode) doc.get("api_list");
                boolean present = false;
                for (var existing : apis) {
                    present |= existing.get("name").textValue().equals(api.name());
                }
                if (!present) {
                    apis.add(apiJson(api));
                }
            }
        }
        try {
            for (Map.Entry<Path, ObjectNode> entry : files.entrySet()) {
                Files.createDirectories(entry.getKey().getParent());
                Files.writeString(entry.getKey(), PyJson.dumpsIndent(entry.getValue(), 4));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private static ObjectNode apiJson(Api api) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("name", api.name());
        json.put("url", "");
        json.put("description", api.description());
        json.put("method", api.method());
        json.set("required_parameters", parameters(api.required()));
        json.set("optional_parameters", parameters(api.optional()));
        return json;
    }

    private static ArrayNode parameters(List<Parameter> parameters) {
        ArrayNode array = Json.NODES.arrayNode();
        for (Parameter p : parameters) {
            ObjectNode json = array.addObject();
            json.put("name", p.name());
            json.put("type", p.type());
            json.put("description", p.description());
            json.set("default", p.defaultValue());
        }
        return array;
    }
}
