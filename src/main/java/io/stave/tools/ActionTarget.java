package io.stave.tools;

import io.stave.bench.Api;
import io.stave.bench.schema.ToolFunction;

/**
 * One function offered to the model and the API behind it (toolbench.md §3.2: the mapping
 * {@code name → pure_api_name} and the category / standard tool name kept for the tool call).
 *
 * @param api the API's documentation (its {@code template_response} feeds the simulator), or null
 */
public record ActionTarget(String name, String category, String toolName, String apiName, Api api) {

    /** The target of a function built by {@code FunctionSchemas}. */
    public static ActionTarget of(ToolFunction function, Api api) {
        return new ActionTarget(function.name(), function.categoryName(), function.standardToolName(),
                function.pureApiName(), api);
    }
}
