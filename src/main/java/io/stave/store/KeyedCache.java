package io.stave.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A keyed cache table inside a {@link SqliteDatabase}, shared by the tool, LLM and judge caches
 * (harness.md §5): key = SHA-256 of the canonical JSON of a key object, value = JSON text, plus
 * created_at, source, latency, tokens, the request (secrets removed) and the stave version.
 *
 * <p>The key object is stored beside its hash so a table can be listed, exported and counted by
 * any of its coordinates ({@code json_extract(key_json, '$.api_name')}). A key keeps the insertion
 * number of its first write, so an export replays the original order.
 */
public final class KeyedCache {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String COLUMNS = "seq, key, key_json, value, created_at, source, latency_ms,"
            + " prompt_tokens, completion_tokens, request, stave_version";

    /** One value to store: its key object, its JSON text and where it came from. */
    public record Put(Object key, String value, Provenance provenance) {}

    private final SqliteDatabase database;
    private final String table;
    private final CacheMode mode;

    public KeyedCache(SqliteDatabase database, String table, CacheMode mode) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table name must match " + TABLE_NAME + ": " + table);
        }
        this.database = database;
        this.table = table;
        this.mode = mode;
        if (mode != CacheMode.OFF) {
            database.write(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                            + "seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE,"
                            + " key_json TEXT NOT NULL, value TEXT NOT NULL, created_at TEXT NOT NULL,"
                            + " source TEXT NOT NULL, latency_ms INTEGER NOT NULL DEFAULT 0,"
                            + " prompt_tokens INTEGER NOT NULL DEFAULT 0,"
                            + " completion_tokens INTEGER NOT NULL DEFAULT 0,"
                            + " request TEXT, stave_version TEXT NOT NULL)");
                }
                return null;
            });
        }
    }

    public KeyedCache(SqliteDatabase database, String table) {
        this(database, table, CacheMode.RW);
    }

    public SqliteDatabase database() {
        return database;
    }

    public String table() {
        return table;
    }

    public CacheMode mode() {
        return mode;
    }

    /** The stored key of a key object. */
    public static String keyOf(Object key) {
        return CanonicalJson.sha256Key(key);
    }

    /** The entry for {@code key}, or empty on a miss (always empty in modes {@code off} and {@code refresh}). */
    public Optional<CacheEntry> get(Object key) {
        if (!mode.reads()) {
            return Optional.empty();
        }
        String hash = keyOf(key);
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM " + table + " WHERE key = ?")) {
                select.setString(1, hash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Stores {@code value} under {@code key} (replacing an earlier value, keeping its position) and
     * returns once committed. Does nothing in modes {@code ro} and {@code off}.
     */
    public void put(Object key, String value, Provenance provenance) {
        putAll(List.of(new Put(key, value, provenance)));
    }

    /** Stores many values in one transaction (imports). */
    public void putAll(List<Put> puts) {
        if (!mode.writes() || puts.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(puts.size());
        String now = Instant.now().toString();
        for (Put put : puts) {
            String keyJson = CanonicalJson.of(put.key());
            Provenance p = put.provenance();
            String request = p.request() == null ? null : Secrets.redact(p.request()).toString();
            rows.add(new Object[] {CanonicalJson.sha256Hex(keyJson), keyJson, put.value(), now, p.source(),
                p.latencyMs(), p.promptTokens(), p.completionTokens(), request, StaveVersion.get()});
        }
        database.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (key, key_json, value, created_at, source, latency_ms, prompt_tokens, completion_tokens,"
                    + " request, stave_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT(key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,"
                    + " source = excluded.source, latency_ms = excluded.latency_ms,"
                    + " prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens,"
                    + " request = excluded.request, stave_version = excluded.stave_version")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Number of entries. */
    public long size() {
        if (mode == CacheMode.OFF) {
            return 0;
        }
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Visits every entry in insertion order. */
    public void forEach(Consumer<CacheEntry> visitor) {
        if (mode == CacheMode.OFF) {
            return;
        }
        database.read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM " + table + " ORDER BY seq")) {
                while (rows.next()) {
                    visitor.accept(entry(rows));
                }
            }
            return null;
        });
    }

    /** Reads the rows of a query against this cache's table; {@code {table}} in the SQL names it. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Runs a read-only query (e.g. counts for {@code cache stats}) against this cache's table. */
    public <T> T query(String sql, RowReader<T> reader) {
        String resolved = sql.replace("{table}", table);
        return database.read(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(resolved)) {
                return reader.read(rows);
            }
        });
    }

    /** The key object of an entry, parsed back from its canonical JSON. */
    public static JsonNode keyObject(CacheEntry entry) {
        try {
            return MAPPER.readTree(entry.keyJson());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("corrupt key_json in cache row " + entry.seq(), e);
        }
    }

    private static CacheEntry entry(ResultSet row) throws SQLException {
        return new CacheEntry(row.getLong("seq"), row.getString("key"), row.getString("key_json"),
                row.getString("value"), Instant.parse(row.getString("created_at")), row.getString("source"),
                row.getLong("latency_ms"), row.getLong("prompt_tokens"), row.getLong("completion_tokens"),
                row.getString("request"), row.getString("stave_version"));
    }
}
