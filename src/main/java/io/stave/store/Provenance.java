package io.stave.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a cached value came from, stored beside it (harness.md §5): the source ({@code live},
 * {@code cache-import}, {@code simulated}, {@code mirrorapi}, {@code local}), the latency, the
 * token counts and the request (its secrets are removed before it is stored).
 */
public record Provenance(String source, long latencyMs, long promptTokens, long completionTokens, JsonNode request) {

    public static Provenance of(String source) {
        return new Provenance(source, 0, 0, 0, null);
    }

    public Provenance withLatencyMs(long latencyMs) {
        return new Provenance(source, latencyMs, promptTokens, completionTokens, request);
    }

    public Provenance withTokens(long promptTokens, long completionTokens) {
        return new Provenance(source, latencyMs, promptTokens, completionTokens, request);
    }

    public Provenance withRequest(JsonNode request) {
        return new Provenance(source, latencyMs, promptTokens, completionTokens, request);
    }
}
