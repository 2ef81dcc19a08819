package io.stave.bench.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One API as a function offered to the model, with what the tool call needs (spec/toolbench.md §3.2, §7.1).
 *
 * @param name             the function name ({@code <pure api name>_for_<standard tool name>}, last 64 code points)
 * @param pureApiName      {@code change_name(standardize(api_name))}, sent to the tool server
 * @param categoryName     the API's category
 * @param standardToolName the standard tool name
 * @param schema           the plain function object {@code {"name", "description", "parameters"}}
 */
public record ToolFunction(String name, String pureApiName, String categoryName, String standardToolName, ObjectNode schema) {}
