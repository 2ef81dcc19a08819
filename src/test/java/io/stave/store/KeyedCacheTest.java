package io.stave.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedCacheTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a_stored_value_is_read_back_with_its_provenance_after_reopening() throws Exception {
        Path file = dir.resolve("llm.sqlite");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            KeyedCache cache = new KeyedCache(db, "llm_cache");
            cache.put(Map.of("kind", "llm", "prompt", "hi"), "{\"text\":\"hello\"}",
                    Provenance.of("live").withLatencyMs(42).withTokens(3, 5)
                            .withRequest(MAPPER.readTree("{\"model\":\"m\",\"api_key\":\"sk-secret-value\"}")));
        }
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            KeyedCache cache = new KeyedCache(db, "llm_cache");
            CacheEntry entry = cache.get(Map.of("prompt", "hi", "kind", "llm")).orElseThrow();
            assertThat(entry.value()).isEqualTo("{\"text\":\"hello\"}");
            assertThat(entry.source()).isEqualTo("live");
            assertThat(entry.latencyMs()).isEqualTo(42);
            assertThat(entry.promptTokens()).isEqualTo(3);
            assertThat(entry.completionTokens()).isEqualTo(5);
            assertThat(entry.request()).isEqualTo("{\"model\":\"m\"}");
            assertThat(entry.keyJson()).isEqualTo("{\"kind\":\"llm\",\"prompt\":\"hi\"}");
            assertThat(entry.key()).isEqualTo(CanonicalJson.sha256Hex(entry.keyJson()));
            assertThat(entry.staveVersion()).isNotBlank();
            assertThat(cache.get(Map.of("kind", "llm", "prompt", "other"))).isEmpty();
        }
    }

    @Test
    void overwriting_a_key_keeps_its_original_position() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("c.sqlite"))) {
            KeyedCache cache = new KeyedCache(db, "t");
            cache.put("a", "1", Provenance.of("live"));
            cache.put("b", "2", Provenance.of("live"));
            cache.put("a", "3", Provenance.of("simulated"));
            List<String> values = new ArrayList<>();
            cache.forEach(e -> values.add(e.value()));
            assertThat(values).containsExactly("3", "2");
            assertThat(cache.size()).isEqualTo(2);
        }
    }

    @Test
    void read_only_mode_never_writes_and_refresh_mode_never_reads() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("m.sqlite"))) {
            new KeyedCache(db, "t").put("k", "\"v\"", Provenance.of("live"));
            KeyedCache readOnly = new KeyedCache(db, "t", CacheMode.RO);
            readOnly.put("k2", "\"w\"", Provenance.of("live"));
            assertThat(readOnly.get("k")).isPresent();
            assertThat(readOnly.get("k2")).isEmpty();
            KeyedCache refresh = new KeyedCache(db, "t", CacheMode.REFRESH);
            assertThat(refresh.get("k")).isEmpty();
            refresh.put("k", "\"new\"", Provenance.of("live"));
            assertThat(readOnly.get("k").orElseThrow().value()).isEqualTo("\"new\"");
        }
    }

    @Test
    void concurrent_writers_in_one_process_share_the_single_writer_and_lose_nothing() throws Exception {
        Path file = dir.resolve("shared.sqlite");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SqliteDatabase first = SqliteDatabase.open(file); SqliteDatabase second = SqliteDatabase.open(file)) {
            assertThat(second).isSameAs(first);
            KeyedCache a = new KeyedCache(first, "t");
            KeyedCache b = new KeyedCache(second, "t");
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                jobs.add(pool.submit(() -> {
                    KeyedCache cache = n % 2 == 0 ? a : b;
                    cache.put("key-" + n, Integer.toString(n), Provenance.of("live"));
                    assertThat(cache.get("key-" + n)).isPresent();
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
            assertThat(a.size()).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_file_is_in_wal_mode() {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("w.sqlite"))) {
            String mode = db.read(c -> {
                try (var s = c.createStatement(); var r = s.executeQuery("PRAGMA journal_mode")) {
                    r.next();
                    return r.getString(1);
                }
            });
            assertThat(mode).isEqualToIgnoringCase("wal");
        }
    }
}
