package io.stave.bench.chat;

/**
 * One element of an assistant message's {@code tool_calls} (OpenAI {@code tools} API; its type is always {@code function}).
 *
 * @param id       the call id that the tool message answers
 * @param function the call
 */
public record ToolCall(String id, FunctionCall function) {}
