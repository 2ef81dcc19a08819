package io.stave.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StableToolBench cache folders: import, lookup with its key, export byte for byte, misses. */
class StbCacheTest {

    @TempDir
    Path dir;

    static Path fixture() throws URISyntaxException {
        return Path.of(StbCacheTest.class.getResource("/stb-cache").toURI());
    }

    private Path imported() throws Exception {
        Path cacheFile = dir.resolve("tools.sqlite");
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            StbCacheFiles.Counts counts = StbCacheFiles.importFolder(fixture(), cache);
            assertThat(counts.files()).isEqualTo(2);
            assertThat(counts.entries()).isEqualTo(4);
        }
        return cacheFile;
    }

    @Test
    void export_of_an_imported_stabletoolbench_cache_is_byte_identical() throws Exception {
        Path cacheFile = imported();
        Path out = dir.resolve("out");
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            StbCacheFiles.exportFolder(cache, out);
        }
        List<Path> originals = StbCacheFiles.jsonFiles(fixture());
        assertThat(StbCacheFiles.jsonFiles(out)).hasSameSizeAs(originals);
        for (Path original : originals) {
            Path exported = out.resolve(fixture().relativize(original).toString());
            assertThat(Files.readAllBytes(exported)).as(exported.toString()).isEqualTo(Files.readAllBytes(original));
        }
    }

    @Test
    void the_worked_example_call_is_answered_from_its_stabletoolbench_key() throws Exception {
        Path cacheFile = imported();
        try (Executor executor = ToolsSpec.builder().build().open("cache:" + cacheFile)) {
            // The model's raw arguments, with its own whitespace: the key is py_str of the parsed input.
            Observation observation = executor.execute(ToolCall.of("Data", "keyword_analysis", "popularsitesforquery",
                    "{\n  \"q\": \"birthday party ideas\"\n}"));
            assertThat(observation.text()).isEqualTo("{\"error\": \"\", \"response\": \"[{\\\"name\\\":\\\"pinterest.com\\\","
                    + "\\\"score\\\":0.087}, {\\\"name\\\":\\\"partycity.com\\\",\\\"score\\\":0.051}]\"}");
            assertThat(observation.status()).isZero();
            assertThat(observation.cacheHit()).isTrue();
            assertThat(observation.simulated()).isFalse();

            Observation typed = executor.execute(ToolCall.of("Data", "keyword_analysis", "popularsitesforquery",
                    "{\"q\": \"caf\\u00e9 near me\", \"limit\": 10, \"flag\": true}"));
            assertThat(typed.text()).isEqualTo("{\"error\": \"\", \"response\": {\"sites\": [\"yelp.com\", \"maps.google.com\"],"
                    + " \"score\": 1e-05, \"big\": 1.5e+16, \"x\": 1000.0}}");

            Observation empty = executor.execute(ToolCall.of("Data", "keyword_analysis", "popularsitesforquery", ""));
            assertThat(empty.status()).isEqualTo(StatusCodes.MESSAGE_ERROR);

            // Category "Sports, Media/News" is standardised to the folder name.
            Observation messi = executor.execute(ToolCall.of("Sports, Media/News", "theclique", "transfermarkt_search",
                    "{\"name\": \"Lionel Messi\"}"));
            assertThat(messi.text()).isEqualTo("{\"error\": \"\", \"response\": \"Lionel Messi \\u2014 born 24 June 1987 in Rosario"
                    + " \\ud83d\\ude00\"}");
        }
    }

    @Test
    void an_offline_miss_says_so_and_calls_nothing() throws Exception {
        Path cacheFile = imported();
        try (Executor executor = ToolsSpec.builder().build().open("cache:" + cacheFile + ",miss=error")) {
            Observation miss = executor.execute(ToolCall.of("Data", "keyword_analysis", "popularsitesforquery",
                    "{\"q\": \"something else\"}"));
            assertThat(miss.text()).isEqualTo("{\"error\": \"Cache miss error... no cached response for"
                    + " Data/keyword_analysis_for_Data/popularsitesforquery.json key {'q': 'something else'}\", \"response\": \"\"}");
            assertThat(miss.status()).isEqualTo(12);
            assertThat(miss.source()).isEqualTo(ObservationSource.MISS);
            assertThat(executor.counters().get("miss")).isEqualTo(1);
            Observation unparsable = executor.execute(ToolCall.of("Data", "keyword_analysis", "popularsitesforquery", "{q"));
            assertThat(unparsable.text()).isEqualTo("{\"error\": \"Tool input parse error...\\n\", \"response\": \"\"}");
        }
    }

    @Test
    void a_miss_goes_upstream_once_then_replays_without_a_request_and_keeps_no_key() throws Exception {
        String key = "tb-" + UUID.randomUUID();
        Path cacheFile = dir.resolve("live.sqlite");
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("{\"error\": \"\", \"response\": \"fresh\"}").build());
            ToolCall call = ToolCall.of("Data", "keyword_analysis", "querykeywords", "{\"q\": \"x\"}");
            try (Executor executor = ToolsSpec.builder().environment(Map.of("TOOLBENCH_KEY", key)::get).build()
                    .open("cache:" + cacheFile + ",miss=toolbench:" + server.url("/rapidapi") + ",rate=0")) {
                Observation live = executor.execute(call);
                Observation replay = executor.execute(call);
                assertThat(live.source()).isEqualTo(ObservationSource.LIVE);
                assertThat(replay.source()).isEqualTo(ObservationSource.CACHE);
                assertThat(replay.text()).isEqualTo(live.text()).isEqualTo("{\"error\": \"\", \"response\": \"fresh\"}");
                assertThat(server.getRequestCount()).isEqualTo(1);
                assertThat(executor.counters().snapshot()).containsEntry("source.live", 1L).containsEntry("source.cache", 1L)
                        .containsEntry("miss", 1L).containsEntry("status.0", 2L);
            }
        }
        assertThat(filesContain(dir, key)).isFalse();
    }

    static boolean filesContain(Path folder, String text) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }
}
