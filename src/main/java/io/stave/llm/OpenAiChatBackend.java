package io.stave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Profile;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.chat.ToolCall;
import io.stave.bench.prompt.OpenAiPrompt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code openai:MODEL[@BASE_URL]}: a chat model with function calling on any OpenAI-compatible server
 * (spec/toolbench.md §4.4). The ToolBench profile sends {@code functions} and reads
 * {@code function_call}; the StableToolBench profile sends {@code tools} and reads {@code tool_calls}
 * (several calls per turn, executed in order). Bytes on the wire matter here, so this is a thin
 * OkHttp client rather than langchain4j (harness.md §12).
 */
public final class OpenAiChatBackend implements Backend {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final String model;
    private final String baseUrl;
    private final Double temperature;
    private final int maxTokens;
    private final HttpJson http;

    /**
     * @param temperature {@code null} leaves it unset (the API default 1.0, as ToolBench does)
     * @param attempts    tries per call (ToolBench: 6)
     * @param pause       between tries (ToolBench: 15 s)
     */
    public OpenAiChatBackend(String model, String baseUrl, String apiKey, Double temperature, int maxTokens,
            int attempts, Duration pause, Duration timeout) {
        this.model = model;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.temperature = temperature;
        this.maxTokens = maxTokens;
        this.http = new HttpJson(apiKey, timeout, attempts, pause);
    }

    @Override
    public String id() {
        return "openai:" + model + "@" + baseUrl + ",temperature=" + temperature + ",max_tokens=" + maxTokens;
    }

    /** The request body as sent. */
    ObjectNode body(ChatRequest request) {
        ObjectNode body = OpenAiPrompt.request(request.messages(), request.functions(), request.profile());
        ObjectNode sent = body.objectNode();
        sent.put("model", model);
        sent.setAll(body);
        sent.put("max_tokens", maxTokens);
        sent.put("frequency_penalty", 0);
        sent.put("presence_penalty", 0);
        if (temperature != null) {
            sent.put("temperature", temperature);
        }
        if (request.noFunctionCall()) {
            sent.put(request.profile() == Profile.STABLETOOLBENCH ? "tool_choice" : "function_call", "none");
        }
        return sent;
    }

    @Override
    public Reply complete(ChatRequest request) {
        HttpJson.Outcome outcome = http.post(baseUrl + "/chat/completions", body(request));
        if (outcome.body() == null) {
            return Reply.failure(outcome.error());
        }
        JsonNode reply = outcome.body();
        JsonNode message = reply.path("choices").get(0).path("message");
        String content = message.hasNonNull("content") ? message.get("content").asText() : null;
        JsonNode usage = reply.path("usage");
        long prompt = usage.path("prompt_tokens").asLong(0);
        long completion = usage.path("completion_tokens").asLong(usage.path("total_tokens").asLong(0) - prompt);
        return new Reply(assistant(content, message), 0, prompt, completion);
    }

    private static Message assistant(String content, JsonNode message) {
        JsonNode functionCall = message.get("function_call");
        if (functionCall != null && functionCall.isObject()) {
            return Message.assistant(content, call(functionCall));
        }
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode toolCall : message.path("tool_calls")) {
            calls.add(new ToolCall(toolCall.path("id").asText(), call(toolCall.path("function"))));
        }
        return calls.isEmpty() ? Message.assistant(content, null) : Message.assistantWithTools(content, calls);
    }

    /** ToolBench keeps only the last {@code .}-separated segment of a returned name. */
    private static FunctionCall call(JsonNode json) {
        String name = json.path("name").asText();
        if (name.contains(".")) {
            name = name.substring(name.lastIndexOf('.') + 1);
        }
        return new FunctionCall(name, json.path("arguments").asText(""));
    }

    @Override
    public void close() {
        http.close();
    }
}
