package io.stave.store;

import java.time.Instant;

/**
 * One row of a keyed cache table.
 *
 * @param seq insertion number; the first insert of a key fixes it, so exports keep the original order
 * @param key lowercase hex SHA-256 of {@code keyJson}
 * @param keyJson the canonical JSON that was hashed (kept so a cache can be listed and exported)
 * @param value the cached value, JSON text
 * @param request the request JSON with secrets removed, or {@code null}
 */
public record CacheEntry(
        long seq,
        String key,
        String keyJson,
        String value,
        Instant createdAt,
        String source,
        long latencyMs,
        long promptTokens,
        long completionTokens,
        String request,
        String staveVersion) {}
