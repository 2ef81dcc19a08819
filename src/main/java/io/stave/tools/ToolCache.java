package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyRepr;
import io.stave.store.CacheEntry;
import io.stave.store.CacheMode;
import io.stave.store.KeyedCache;
import io.stave.store.Provenance;
import io.stave.store.SqliteDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The tool cache (harness.md §5): one SQLite table holding two kinds of entries.
 *
 * <ul>
 *   <li><b>replies</b>, keyed by StableToolBench's coordinates ({@link CacheCoordinates}); the value is the
 *       server's reply object {@code {"error", "response"}}, as StableToolBench's cache files hold it;
 *   <li><b>recordings</b>, imported from answer files: the exact observation an episode saw for the
 *       n-th identical call (same function name, same arguments), so that replaying the episode gives
 *       back every recorded string even where the server answered the same call differently twice.
 *       A second, episode-free recording (the first one seen) serves calls of other episodes.
 * </ul>
 */
public final class ToolCache implements AutoCloseable {

    static final String TABLE = "tool_cache";

    /** A reply entry as stored. */
    public record StoredReply(CacheCoordinates coordinates, JsonNode reply, String source) {}

    /** A recorded observation as stored. */
    public record StoredRecording(String text, int status, String source) {}

    private final SqliteDatabase database;
    private final KeyedCache cache;

    private ToolCache(SqliteDatabase database, CacheMode mode) {
        this.database = database;
        this.cache = new KeyedCache(database, TABLE, mode);
    }

    public static ToolCache open(Path file, CacheMode mode) {
        return new ToolCache(SqliteDatabase.open(file), mode);
    }

    public static ToolCache open(Path file) {
        return open(file, CacheMode.RW);
    }

    public KeyedCache table() {
        return cache;
    }

    public Optional<StoredReply> reply(CacheCoordinates coordinates) {
        return cache.get(coordinates.keyObject())
                .map(entry -> new StoredReply(coordinates, Json.parse(entry.value()), entry.source()));
    }

    public void putReply(CacheCoordinates coordinates, JsonNode reply, Provenance provenance) {
        cache.put(coordinates.keyObject(), reply.toString(), provenance);
    }

    /** Stores many replies in one transaction, in order (imports). */
    public void putReplies(List<StoredReply> replies, Provenance provenance) {
        List<KeyedCache.Put> puts = new ArrayList<>(replies.size());
        for (StoredReply reply : replies) {
            puts.add(new KeyedCache.Put(reply.coordinates().keyObject(), reply.reply().toString(), provenance));
        }
        cache.putAll(puts);
    }

    /** The recording of the {@code occurrence}-th identical call of {@code episode} (episode null: any episode). */
    public Optional<StoredRecording> recording(String episode, String function, String arguments, int occurrence) {
        return cache.get(recordingKey(episode, function, arguments, occurrence)).map(entry -> {
            JsonNode value = Json.parse(entry.value());
            return new StoredRecording(value.path("observation").asText(), value.path("status").asInt(),
                    entry.source());
        });
    }

    /** One recorded observation to import. */
    public record Recording(String episode, String function, String arguments, int occurrence, String text,
            int status) {}

    /** Stores recordings in one transaction; the episode-free entry keeps the first recording of a call. */
    public void putRecordings(List<Recording> recordings, Provenance provenance) {
        List<KeyedCache.Put> puts = new ArrayList<>();
        Map<String, Recording> firstOfCall = new LinkedHashMap<>();
        for (Recording r : recordings) {
            ObjectNode value = Json.NODES.objectNode();
            value.put("observation", r.text());
            value.put("status", r.status());
            puts.add(new KeyedCache.Put(recordingKey(r.episode(), r.function(), r.arguments(), r.occurrence()),
                    value.toString(), provenance));
            String call = recordingArguments(r.arguments()) + "\u0000" + r.function();
            if (!firstOfCall.containsKey(call)
                    && cache.get(recordingKey(null, r.function(), r.arguments(), 0)).isEmpty()) {
                firstOfCall.put(call, r);
                puts.add(new KeyedCache.Put(recordingKey(null, r.function(), r.arguments(), 0), value.toString(),
                        provenance));
            }
        }
        cache.putAll(puts);
    }

    /**
     * The first {@code limit} replies stored for one API, in insertion order: the examples the
     * StableToolBench simulator shows the LLM (§7.4 step 6).
     */
    public List<StoredReply> examples(String category, String toolDir, String apiName, int limit) {
        return cache.query("SELECT key_json, value, source FROM {table}"
                + " WHERE json_extract(key_json, '$.kind') = 'tool'"
                + " AND json_extract(key_json, '$.category') = " + sqlString(category)
                + " AND json_extract(key_json, '$.tool_dir') = " + sqlString(toolDir)
                + " AND json_extract(key_json, '$.api_name') = " + sqlString(apiName)
                + " ORDER BY seq LIMIT " + limit, rows -> {
                    List<StoredReply> examples = new ArrayList<>();
                    while (rows.next()) {
                        examples.add(new StoredReply(CacheCoordinates.fromKeyObject(Json.parse(rows.getString(1))),
                                Json.parse(rows.getString(2)), rows.getString(3)));
                    }
                    return examples;
                });
    }

    /** Visits every reply entry in insertion order (exports). */
    public void forEachReply(Consumer<StoredReply> visitor) {
        cache.forEach(entry -> {
            JsonNode key = KeyedCache.keyObject(entry);
            if ("tool".equals(key.path("kind").asText())) {
                visitor.accept(new StoredReply(CacheCoordinates.fromKeyObject(key), Json.parse(entry.value()),
                        entry.source()));
            }
        });
    }

    /** Visits every row (statistics). */
    public void forEachEntry(Consumer<CacheEntry> visitor) {
        cache.forEach(visitor);
    }

    /** The argument part of a recording key: {@code py_str} of the parsed arguments, or the raw text. */
    static String recordingArguments(String arguments) {
        try {
            return "py:" + PyRepr.str(arguments.isEmpty() ? Json.NODES.objectNode() : Json.parseLenient(arguments));
        } catch (RuntimeException e) {
            return "raw:" + arguments;
        }
    }

    private static Map<String, Object> recordingKey(String episode, String function, String arguments,
            int occurrence) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kind", "tool-recording");
        key.put("episode", episode);
        key.put("function", function);
        key.put("arguments", recordingArguments(arguments));
        key.put("occurrence", episode == null ? 0 : occurrence);
        return key;
    }

    private static String sqlString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        database.close();
    }
}
