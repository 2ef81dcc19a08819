package io.stave.agent.retrieval;

import io.stave.bench.Api;
import io.stave.bench.Parameter;
import io.stave.bench.py.PyJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text embedded for one API, as ToolBench's retriever builds its corpus
 * ({@code toolbench/utils.py: process_retrieval_ducoment}):
 *
 * <pre>
 * category_name, tool_name, api_name, api_description, required_params: json.dumps(required_parameters),
 * optional_params: json.dumps(optional_parameters), return_schema: json.dumps(template_response)
 * </pre>
 *
 * (one line; a missing {@code template_response} dumps as {@code ""}, as {@code doc.get(key, '')} does).
 * Parameters are dumped with their keys in the files' order: {@code name, type, description, default}.
 */
public final class ApiDocuments {

    private ApiDocuments() {}

    public static String text(Api api) {
        return orEmpty(api.categoryName()) + ", " + orEmpty(api.toolName()) + ", " + orEmpty(api.name()) + ", "
                + orEmpty(api.description())
                + ", required_params: " + PyJson.dumps(parameters(api.required()))
                + ", optional_params: " + PyJson.dumps(parameters(api.optional()))
                + ", return_schema: " + PyJson.dumps(api.templateResponse() == null ? "" : api.templateResponse());
    }

    private static List<Map<String, Object>> parameters(List<Parameter> parameters) {
        return parameters.stream().map(ApiDocuments::parameter).toList();
    }

    private static Map<String, Object> parameter(Parameter p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", p.name());
        json.put("type", p.type());
        json.put("description", p.description());
        json.put("default", p.defaultValue());
        return json;
    }

    /** Python's {@code x or ''}. */
    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
