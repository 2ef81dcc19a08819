package io.stave.tools;

import io.stave.bench.Api;

/**
 * One tool call as the agent makes it (toolbench.md §5.1, §7.1).
 *
 * @param category the API's {@code category_name} exactly as in the query (not standardised)
 * @param toolName the standard tool name, e.g. {@code keyword_analysis}
 * @param apiName the pure API name {@code change_name(standardize(api_name))}, e.g. {@code popularsitesforquery}
 * @param functionName the function name as the model called it
 * @param arguments the raw argument string as the model wrote it (never re-encoded)
 * @param api the API's documentation from the query (its {@code template_response}), or null
 * @param episode the recording this call belongs to ({@code <group>/<qid>_<method>}), or null; a cache
 *     imported from answer files replays exactly what that episode saw
 */
public record ToolCall(
        String category, String toolName, String apiName, String functionName, String arguments, Api api,
        String episode) {

    public ToolCall {
        category = category == null ? "" : category;
        arguments = arguments == null ? "" : arguments;
    }

    public static ToolCall of(String category, String toolName, String apiName, String arguments) {
        return new ToolCall(category, toolName, apiName, apiName + "_for_" + toolName, arguments, null, null);
    }

    public ToolCall withEpisode(String episode) {
        return new ToolCall(category, toolName, apiName, functionName, arguments, api, episode);
    }

    public ToolCall withApi(Api api) {
        return new ToolCall(category, toolName, apiName, functionName, arguments, api, episode);
    }

    public ToolCall withFunctionName(String functionName) {
        return new ToolCall(category, toolName, apiName, functionName, arguments, api, episode);
    }
}
