package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * An OpenAI-compatible chat endpoint ({@code POST <base>/chat/completions}), configured as
 * StableToolBench's simulator calls it: temperature 0, at most 1024 tokens, a JSON-object reply
 * (toolbench.md §7.4 step 6). Retries and the circuit breaker come from {@link HttpSettings}.
 */
public final class OpenAiChatCompleter implements ChatCompleter, AutoCloseable {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    private static final MediaType JSON = MediaType.get("application/json");

    private final String model;
    private final String baseUrl;
    private final String apiKey;
    private final ResilientHttp http;

    /** @param apiKey the key from {@code OPENAI_API_KEY}, or null for a local server that needs none */
    public OpenAiChatCompleter(String model, String baseUrl, String apiKey, HttpSettings settings,
            ExecutorCounters counters) {
        this.model = model;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.http = settings.http(counters);
    }

    @Override
    public String complete(List<Message> messages) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("model", model);
        ArrayNode list = body.putArray("messages");
        for (Message message : messages) {
            list.addObject().put("role", message.role()).put("content", message.content());
        }
        body.put("temperature", 0);
        body.put("max_tokens", 1024);
        body.putObject("response_format").put("type", "json_object");
        Request.Builder request = new Request.Builder()
                .url(baseUrl + "/chat/completions")
                .post(RequestBody.create(body.toString(), JSON));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpOutcome outcome = http.send(request.build());
        if (!(outcome instanceof HttpOutcome.Reply reply) || reply.status() != 200) {
            throw new IllegalStateException("chat completion failed: " + describe(outcome));
        }
        JsonNode content = Json.parse(reply.body()).path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new IllegalStateException("chat completion reply has no choices[0].message.content");
        }
        return content.textValue();
    }

    private static String describe(HttpOutcome outcome) {
        return switch (outcome) {
            case HttpOutcome.Reply reply -> "HTTP " + reply.status();
            case HttpOutcome.Timeout timeout -> "timeout";
            case HttpOutcome.Failure failure -> failure.message();
            case HttpOutcome.CircuitOpen open -> "circuit breaker open";
        };
    }

    @Override
    public void close() {
        http.close();
    }
}
