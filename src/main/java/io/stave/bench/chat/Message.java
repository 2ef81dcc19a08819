package io.stave.bench.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat message as agents, LLM backends and answer files share it (spec/toolbench.md §2.6).
 *
 * @param role         who speaks
 * @param content      the text; {@code null} for an assistant turn that only calls a function
 * @param functionCall the call of an assistant turn in the {@code functions} style, or {@code null}
 * @param toolCalls    the calls of an assistant turn in the {@code tools} style (empty otherwise)
 * @param name         the called function's name on a function or tool result, else {@code null}
 * @param toolCallId   the answered call's id on a tool result, else {@code null}
 * @param valid        {@code false} for a DFSDT diversity prompt: kept in the history and in
 *                     ToolLLaMA prompts, but never sent to OpenAI models (§4.4, §4.8)
 */
public record Message(
        Role role, String content, FunctionCall functionCall, List<ToolCall> toolCalls, String name, String toolCallId,
        boolean valid) {

    public Message {
        toolCalls = List.copyOf(toolCalls);
    }

    public static Message system(String content) {
        return new Message(Role.SYSTEM, content, null, List.of(), null, null, true);
    }

    public static Message user(String content) {
        return new Message(Role.USER, content, null, List.of(), null, null, true);
    }

    /** An assistant turn in the {@code functions} style; {@code call} may be {@code null}. */
    public static Message assistant(String content, FunctionCall call) {
        return new Message(Role.ASSISTANT, content, call, List.of(), null, null, true);
    }

    /** An assistant turn in the {@code tools} style. */
    public static Message assistantWithTools(String content, List<ToolCall> calls) {
        return new Message(Role.ASSISTANT, content, null, calls, null, null, true);
    }

    /** A function result ({@code functions} style). */
    public static Message function(String name, String content) {
        return new Message(Role.FUNCTION, content, null, List.of(), name, null, true);
    }

    /** A tool result ({@code tools} style). */
    public static Message tool(String name, String content, String toolCallId) {
        return new Message(Role.TOOL, content, null, List.of(), name, toolCallId, true);
    }

    /** The same message marked {@code "valid": false}. */
    public Message invalid() {
        return new Message(role, content, functionCall, toolCalls, name, toolCallId, false);
    }

    /** The first call of an assistant turn in either style, or {@code null}. */
    public FunctionCall call() {
        if (functionCall != null) {
            return functionCall;
        }
        return toolCalls.isEmpty() ? null : toolCalls.getFirst().function();
    }

    /**
     * The message as ToolBench writes it: keys {@code role, content, function_call | tool_calls}
     * for the assistant, {@code role, name, content[, tool_call_id]} for results, and
     * {@code "valid": false} last on an invalid message.
     */
    public ObjectNode toJson() {
        ObjectNode json = Json.NODES.objectNode();
        json.put("role", role.wire());
        switch (role) {
            case FUNCTION, TOOL -> {
                json.put("name", name);
                json.put("content", content);
                if (toolCallId != null) {
                    json.put("tool_call_id", toolCallId);
                }
            }
            case ASSISTANT -> {
                json.put("content", content);
                if (functionCall != null) {
                    json.set("function_call", callJson(functionCall));
                }
                if (!toolCalls.isEmpty()) {
                    ArrayNode calls = json.putArray("tool_calls");
                    for (ToolCall call : toolCalls) {
                        ObjectNode element = calls.addObject();
                        element.put("id", call.id());
                        element.put("type", "function");
                        element.set("function", callJson(call.function()));
                    }
                }
            }
            case SYSTEM, USER -> json.put("content", content);
        }
        if (!valid) {
            json.put("valid", false);
        }
        return json;
    }

    /**
     * Reads a message of an answer file or a request; a missing {@code content} reads as {@code null}.
     *
     * @throws IllegalArgumentException when the role is missing or unknown
     */
    public static Message fromJson(JsonNode json) {
        Role role = Role.fromWire(json.path("role").asText(""));
        if (role == null) {
            throw new IllegalArgumentException("message role must be system, user, assistant, function or tool: "
                    + json.path("role"));
        }
        List<ToolCall> toolCalls = new ArrayList<>();
        for (JsonNode call : json.path("tool_calls")) {
            toolCalls.add(new ToolCall(text(call, "id"), call(call.path("function"))));
        }
        JsonNode functionCall = json.get("function_call");
        return new Message(
                role,
                text(json, "content"),
                functionCall == null || functionCall.isNull() ? null : call(functionCall),
                toolCalls,
                text(json, "name"),
                text(json, "tool_call_id"),
                json.path("valid").asBoolean(true));
    }

    private static FunctionCall call(JsonNode json) {
        return new FunctionCall(text(json, "name"), text(json, "arguments"));
    }

    private static ObjectNode callJson(FunctionCall call) {
        ObjectNode json = Json.NODES.objectNode();
        json.put("name", call.name());
        json.put("arguments", call.arguments());
        return json;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
