package io.stave.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import io.stave.store.CacheEntry;
import io.stave.store.CacheMode;
import io.stave.store.KeyedCache;
import io.stave.store.Provenance;
import io.stave.store.SqliteDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every model call through the SQLite LLM cache (harness.md §5): key = backend id (model and decoding
 * settings), the whole request (messages with their validity, functions, profile, ranking flag) and
 * the trial index. Failed calls are not stored, so a resumed run asks again.
 */
public final class CachingBackend implements Backend {

    public static final String TABLE = "llm_cache";

    private final Backend inner;
    private final KeyedCache cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    private final SqliteDatabase owned;

    public CachingBackend(Backend inner, KeyedCache cache) {
        this(inner, cache, null);
    }

    private CachingBackend(Backend inner, KeyedCache cache, SqliteDatabase owned) {
        this.inner = inner;
        this.cache = cache;
        this.owned = owned;
    }

    /** A cache in its own SQLite file, closed with this backend. */
    public static CachingBackend open(Backend inner, Path file, CacheMode mode) {
        SqliteDatabase database = SqliteDatabase.open(file);
        return new CachingBackend(inner, new KeyedCache(database, TABLE, mode), database);
    }

    @Override
    public String id() {
        return inner.id();
    }

    @Override
    public void beginEpisode(String episode) {
        inner.beginEpisode(episode);
    }

    /** The cache key object of a request. */
    ObjectNode key(ChatRequest request) {
        ObjectNode key = Json.NODES.objectNode();
        key.put("kind", "llm");
        key.put("backend", inner.id());
        ArrayNode messages = key.putArray("messages");
        for (Message message : request.messages()) {
            messages.add(message.toJson());
        }
        key.set("functions", request.functions().toJson());
        key.put("profile", request.profile().key());
        key.put("function_call_none", request.noFunctionCall());
        key.put("trial_index", request.trial());
        return key;
    }

    @Override
    public Reply complete(ChatRequest request) {
        ObjectNode key = key(request);
        Optional<CacheEntry> hit = cache.get(key);
        if (hit.isPresent()) {
            hits.incrementAndGet();
            return decode(hit.get().value());
        }
        misses.incrementAndGet();
        long start = System.nanoTime();
        Reply reply = inner.complete(request);
        if (reply.errorCode() == 0) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            cache.put(key, encode(reply).toString(), Provenance.of("live").withLatencyMs(latency)
                    .withTokens(reply.promptTokens(), reply.completionTokens()));
        }
        return reply;
    }

    static ObjectNode encode(Reply reply) {
        ObjectNode json = Json.NODES.objectNode();
        json.set("message", reply.message().toJson());
        json.put("error_code", reply.errorCode());
        json.put("prompt_tokens", reply.promptTokens());
        json.put("completion_tokens", reply.completionTokens());
        return json;
    }

    static Reply decode(String value) {
        try {
            JsonNode json = Json.MAPPER.readTree(value);
            return new Reply(Message.fromJson(json.path("message")), json.path("error_code").asInt(),
                    json.path("prompt_tokens").asLong(), json.path("completion_tokens").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    @Override
    public void close() {
        inner.close();
        if (owned != null) {
            owned.close();
        }
    }
}
