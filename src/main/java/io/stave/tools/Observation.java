package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a tool call gives back to the model.
 *
 * @param text the exact observation string the model sees
 * @param status the status code of toolbench.md §5.4 (0–12)
 * @param source where the text came from
 * @param latencyMs time spent producing it
 * @param cacheHit true when replayed from the tool cache
 * @param simulated true when the reply was made up (schema or LLM simulation), even when replayed
 * @param reply the server's reply object when there was one ({@code {"error", "response"}}); the tool
 *     cache stores this, not the cut text
 */
public record Observation(
        String text, int status, ObservationSource source, long latencyMs, boolean cacheHit, boolean simulated,
        JsonNode reply) {

    public static Observation local(String text, int status) {
        return new Observation(text, status, ObservationSource.LOCAL, 0, false, false, null);
    }

    public Observation withText(String newText) {
        return new Observation(newText, status, source, latencyMs, cacheHit, simulated, reply);
    }

    public Observation withLatencyMs(long newLatencyMs) {
        return new Observation(text, status, source, newLatencyMs, cacheHit, simulated, reply);
    }

    /** The same observation as it comes back from the cache. */
    public Observation asCacheHit() {
        return new Observation(text, status, ObservationSource.CACHE, latencyMs, true, simulated, reply);
    }
}
