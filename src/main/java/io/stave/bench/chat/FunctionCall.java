package io.stave.bench.chat;

/**
 * A call the assistant asks for.
 *
 * @param name      the function name exactly as the model produced it
 * @param arguments the raw argument string (normally a JSON text, not necessarily valid)
 */
public record FunctionCall(String name, String arguments) {}
