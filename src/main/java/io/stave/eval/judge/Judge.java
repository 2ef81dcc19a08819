package io.stave.eval.judge;

/**
 * An evaluator backend: answers one ToolEval function call. Implementations: an OpenAI-compatible
 * API ({@code openai:MODEL[@BASE_URL]}), published labels ({@code recorded:DIR}); the SQLite cache
 * wraps any of them.
 */
public interface Judge {

    /** @throws JudgeException when no usable reply could be obtained */
    JudgeReply call(JudgeCall call);

    /**
     * The exact request this call sends (for the cache key and the audit trail), or null for a
     * judge whose answers are not worth caching (recorded labels).
     */
    default com.fasterxml.jackson.databind.JsonNode request(JudgeCall call) {
        return null;
    }

    /** The judge's identity for provenance and cache keys, e.g. {@code openai:gpt-3.5-turbo-16k}; never a key. */
    String id();
}
