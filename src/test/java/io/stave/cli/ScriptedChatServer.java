package io.stave.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI-compatible chat endpoint for tests: the first turn calls the first offered function
 * with empty arguments, a later turn calls Finish with an answer; in the {@code functions} style or
 * the {@code tools} style, whichever the request uses.
 */
final class ScriptedChatServer extends Dispatcher {

    final AtomicInteger calls = new AtomicInteger();
    private final long delayMs;

    ScriptedChatServer(long delayMs) {
        this.delayMs = delayMs;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        calls.incrementAndGet();
        JsonNode body = Json.parse(request.getBody().utf8());
        boolean tools = body.has("tools");
        boolean called = false;
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asText();
            called |= role.equals("function") || role.equals("tool");
        }
        JsonNode functions = tools ? body.path("tools") : body.path("functions");
        JsonNode first = tools ? functions.get(0).path("function") : functions.get(0);
        String name = called ? "Finish" : first.path("name").asText();
        String arguments = called ? "{\n  \"return_type\": \"give_answer\",\n  \"final_answer\": \"Here it is.\"\n}" : "{}";
        ObjectNode call = Json.NODES.objectNode();
        call.put("name", name);
        call.put("arguments", arguments);
        ObjectNode message = Json.NODES.objectNode();
        message.put("role", "assistant");
        if (called) {
            message.put("content", "I have what I need.");
        } else {
            message.putNull("content");
        }
        if (tools) {
            ObjectNode toolCall = message.putArray("tool_calls").addObject();
            toolCall.put("id", "call_" + calls.get());
            toolCall.put("type", "function");
            toolCall.set("function", call);
        } else {
            message.set("function_call", call);
        }
        ObjectNode reply = Json.NODES.objectNode();
        reply.putArray("choices").addObject().set("message", message);
        ObjectNode usage = reply.putObject("usage");
        usage.put("prompt_tokens", 100);
        usage.put("completion_tokens", 10);
        usage.put("total_tokens", 110);
        return new MockResponse.Builder().body(reply.toString()).bodyDelay(delayMs, TimeUnit.MILLISECONDS).build();
    }
}
