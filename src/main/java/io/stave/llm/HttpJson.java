package io.stave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs JSON to an OpenAI-compatible endpoint with ToolBench's retry rule (spec/toolbench.md §4.4):
 * up to {@code attempts} tries, a fixed pause between them; the last failure's text is returned,
 * never thrown, so the search records it as a failed call.
 */
final class HttpJson {

    private static final MediaType JSON = MediaType.get("application/json");

    /** The reply body, or the text of the last failure. */
    record Outcome(JsonNode body, String error) {}

    private final OkHttpClient client;
    private final String apiKey;
    private final int attempts;
    private final Duration pause;

    HttpJson(String apiKey, Duration timeout, int attempts, Duration pause) {
        this.client = new OkHttpClient.Builder().callTimeout(timeout).readTimeout(timeout).build();
        this.apiKey = apiKey;
        this.attempts = Math.max(1, attempts);
        this.pause = pause;
    }

    Outcome post(String url, ObjectNode body) {
        String error = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(body.toString(), JSON));
            if (apiKey != null && !apiKey.isBlank()) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            try (Response response = client.newCall(request.build()).execute()) {
                String text = response.body().string();
                if (response.isSuccessful()) {
                    JsonNode parsed = Json.MAPPER.readTree(text);
                    if (parsed.path("choices").isArray() && !parsed.path("choices").isEmpty()) {
                        return new Outcome(parsed, null);
                    }
                    error = "no choices in reply: " + text;
                } else {
                    error = "HTTP " + response.code() + ": " + text;
                }
            } catch (IOException e) {
                error = e.toString();
            }
            if (attempt < attempts) {
                sleep();
            }
        }
        return new Outcome(null, error);
    }

    private void sleep() {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
