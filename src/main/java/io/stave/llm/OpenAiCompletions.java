package io.stave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyStrings;
import java.time.Duration;

/**
 * A served ToolLLaMA (vLLM, llama.cpp server, TGI ...) through the OpenAI-compatible
 * {@code /v1/completions} endpoint, with the decoding settings of spec/toolbench.md §4.5.4.
 */
public final class OpenAiCompletions implements TextCompletion {

    private final String model;
    private final String baseUrl;
    private final double temperature;
    private final int maxNewTokens;
    private final HttpJson http;

    public OpenAiCompletions(String model, String baseUrl, String apiKey, double temperature, int maxNewTokens,
            int attempts, Duration pause, Duration timeout) {
        this.model = model;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.temperature = temperature;
        this.maxNewTokens = maxNewTokens;
        this.http = new HttpJson(apiKey, timeout, attempts, pause);
    }

    @Override
    public Completion complete(String prompt) {
        ObjectNode body = Json.NODES.objectNode();
        body.put("model", model);
        body.put("prompt", prompt);
        body.put("max_tokens", maxNewTokens);
        body.put("temperature", temperature);
        body.putArray("stop").add("</s>");
        HttpJson.Outcome outcome = http.post(baseUrl + "/completions", body);
        if (outcome.body() == null) {
            return Completion.failure(outcome.error());
        }
        JsonNode reply = outcome.body();
        JsonNode usage = reply.path("usage");
        String text = reply.path("choices").get(0).path("text").asText("");
        return new Completion(PyStrings.strip(text), usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0), null);
    }

    @Override
    public String id() {
        return "completions:" + model + "@" + baseUrl + ",temperature=" + temperature + ",max_new_tokens=" + maxNewTokens;
    }

    @Override
    public void close() {
        http.close();
    }
}
