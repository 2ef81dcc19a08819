package io.stave.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.Api;
import io.stave.bench.Names;
import io.stave.bench.ToolCatalog;
import io.stave.bench.ToolInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tool descriptions from a JSON object {@code {"<standard tool name>": "<tool_description>", ...}},
 * for data sets shipped without tool files (spec/toolbench.md §2.4). A tool missing from the map
 * keeps {@code standardize(tool_name)} and prints {@code None}.
 */
public final class DescriptionMap implements ToolCatalog {

    private final Map<String, String> descriptions;

    public DescriptionMap(Map<String, String> descriptions) {
        this.descriptions = new LinkedHashMap<>(descriptions);
    }

    public static DescriptionMap read(Path file) {
        JsonNode root = JsonFields.object(JsonFields.readFile(file), file, "$");
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!entry.getValue().isTextual() && !entry.getValue().isNull()) {
                throw BadInputException.at(file, "$['" + entry.getKey() + "']", "a string (the tool description) or null");
            }
            map.put(entry.getKey(), entry.getValue().textValue());
        }
        return new DescriptionMap(map);
    }

    @Override
    public ToolInfo toolOf(Api api) {
        String standardName = Names.standardize(api.toolName());
        return new ToolInfo(standardName, descriptions.get(standardName));
    }
}
