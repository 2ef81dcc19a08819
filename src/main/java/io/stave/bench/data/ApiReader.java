package io.stave.bench.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.Api;
import io.stave.bench.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parses documented API entries: query-file {@code api_list} entries and tool-file {@code api_list} elements. */
final class ApiReader {

    private ApiReader() {}

    /** A query file entry: {@code category_name, tool_name, api_name, api_description, *_parameters}. */
    static Api fromQueryEntry(JsonNode entry, Path file, String path) {
        return new Api(
                JsonFields.text(entry, "category_name", file, path),
                JsonFields.text(entry, "tool_name", file, path),
                JsonFields.text(entry, "api_name", file, path),
                JsonFields.text(entry, "api_description", file, path),
                JsonFields.optionalText(entry, "method"),
                parameters(entry, "required_parameters", file, path),
                parameters(entry, "optional_parameters", file, path),
                entry.get("template_response"));
    }

    /** A tool file element ({@code name, description, ...}) as the API record ToolBench builds from it (§2.3). */
    static Api fromToolDoc(JsonNode element, String categoryName, String toolName, Path file, String path) {
        return new Api(
                categoryName,
                toolName,
                JsonFields.text(element, "name", file, path),
                JsonFields.text(element, "description", file, path),
                JsonFields.optionalText(element, "method"),
                parameters(element, "required_parameters", file, path),
                parameters(element, "optional_parameters", file, path),
                element.get("template_response"));
    }

    private static List<Parameter> parameters(JsonNode entry, String field, Path file, String path) {
        JsonNode array = JsonFields.array(entry, field, file, path);
        List<Parameter> parameters = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = path + "." + field + "[" + i + "]";
            JsonNode p = JsonFields.object(array.get(i), file, at);
            parameters.add(new Parameter(
                    JsonFields.text(p, "name", file, at),
                    JsonFields.text(p, "type", file, at),
                    JsonFields.text(p, "description", file, at),
                    JsonFields.present(p, "default", file, at)));
        }
        return parameters;
    }
}
