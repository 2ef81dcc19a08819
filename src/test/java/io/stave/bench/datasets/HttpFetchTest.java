package io.stave.bench.datasets;

import io.stave.Sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback server that serves the real shared files under their upstream paths. */
class HttpFetchTest {

    private static final String PREFIX = "https://raw.githubusercontent.com/";

    @TempDir
    Path data;

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    /** Bodies served for paths outside the manifest (an unpinned archive). */
    private final Map<String, byte[]> extra = new ConcurrentHashMap<>();
    private DatasetManifest manifest;
    private Dataset example;

    /** What the server does with a request for a file's bytes. */
    private volatile Behaviour behaviour = Behaviour.HONEST;

    enum Behaviour { HONEST, CUT_FIRST_RESPONSE, CORRUPT }

    @BeforeEach
    void start() throws IOException {
        manifest = DatasetManifest.load(Path.of(DatasetManifest.RELATIVE_LOCATION));
        example = manifest.dataset("stabletoolbench-example");
        Path mirror = Shared.path("toolbench-data");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return respond(mirror, request);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MockResponse respond(Path mirror, RecordedRequest request) {
        String upstream = request.getUrl().encodedPath().substring(1);
        if (extra.containsKey(upstream)) {
            return new MockResponse.Builder().code(200).body(new Buffer().write(extra.get(upstream))).build();
        }
        Dataset dataset = manifest.datasets().stream()
                .filter(d -> d.files().stream().anyMatch(f -> f.url().equals(PREFIX + upstream)))
                .findFirst().orElse(null);
        if (dataset == null) {
            return new MockResponse.Builder().code(404).build();
        }
        DatasetFile file = dataset.files().stream().filter(f -> f.url().equals(PREFIX + upstream)).findFirst().get();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(mirror.resolve(dataset.mirrorFolder()).resolve(file.path()));
        } catch (IOException e) {
            return new MockResponse.Builder().code(500).build();
        }
        int hit = hits.computeIfAbsent(upstream, k -> new AtomicInteger()).incrementAndGet();
        if (behaviour == Behaviour.CORRUPT) {
            bytes[bytes.length / 2] ^= 0x20;
        }
        String range = request.getHeaders().get("Range");
        if (range != null) {
            int from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
            return new MockResponse.Builder().code(206)
                    .setHeader("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length)
                    .body(new Buffer().write(bytes, from, bytes.length - from))
                    .build();
        }
        if (behaviour == Behaviour.CUT_FIRST_RESPONSE && hit == 1) {
            // Announce the whole length, send 40 % of it, then drop the connection.
            int cut = bytes.length * 2 / 5;
            return new MockResponse.Builder().code(200)
                    .body(new Buffer().write(bytes, 0, cut))
                    .setHeader("Content-Length", bytes.length)
                    .onResponseEnd(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE)
                    .build();
        }
        return new MockResponse.Builder().code(200).body(new Buffer().write(bytes)).build();
    }

    private Fetcher fetcher() {
        String base = server.url("/").toString();
        HttpSource source = new HttpSource(HttpSource.defaultClient(), url -> base + url.substring(PREFIX.length()),
                HttpSource.DEFAULT_ATTEMPTS);
        return new Fetcher(source, Progress.NONE);
    }

    @Test
    void full_download_lands_every_file_with_its_pinned_hash() {
        DatasetStore store = new DatasetStore(data);
        List<Fetcher.Result> results = store.fetch(example, fetcher());

        assertThat(results).hasSize(example.files().size())
                .allMatch(r -> r.outcome() == Fetcher.Outcome.FETCHED && r.state() == Verification.State.OK);
        for (DatasetFile file : example.files()) {
            Path landed = data.resolve("stabletoolbench-example").resolve(file.path());
            assertThat(Sha256.of(landed)).isEqualTo(file.sha256());
            assertThat(landed.resolveSibling(landed.getFileName() + ".part")).doesNotExist();
        }
        assertThat(requests).allMatch(r -> r.getUrl().encodedPath().startsWith("/THUNLP-MT/StableToolBench/"
                + "aa4ed9f4737ad98bd706663f01d63623c3427812/"));
    }

    @Test
    void second_fetch_skips_files_already_present_with_the_right_hash() {
        DatasetStore store = new DatasetStore(data);
        store.fetch(example, fetcher());
        int before = requests.size();

        List<Fetcher.Result> again = store.fetch(example, fetcher());

        assertThat(again).allMatch(r -> r.outcome() == Fetcher.Outcome.ALREADY_PRESENT);
        assertThat(requests).hasSize(before);
    }

    @Test
    void cut_off_download_resumes_with_a_range_request_onto_the_part_file() {
        behaviour = Behaviour.CUT_FIRST_RESPONSE;
        DatasetFile big = example.file("data_example/answer/virtual_chatgpt_dfs/G1_instruction/588_DFS_woFilter_w2.json")
                .orElseThrow();
        Path target = data.resolve("588.json");

        Fetcher.Result result = fetcher().fetch(example, big, target);

        assertThat(result.state()).isEqualTo(Verification.State.OK);
        assertThat(Sha256.of(target)).isEqualTo(big.sha256());
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getHeaders().get("Range")).isNull();
        String range = requests.get(1).getHeaders().get("Range");
        assertThat(range).startsWith("bytes=").endsWith("-");
        long resumedAt = Long.parseLong(range.substring(6, range.length() - 1));
        assertThat(resumedAt).isGreaterThan(0).isLessThan(big.size());
    }

    @Test
    void part_file_left_by_an_earlier_run_is_resumed_not_restarted() throws IOException {
        DatasetFile file = example.file("data_example/model_predictions_converted/virtual_chatgpt_dfs/G1_instruction.json")
                .orElseThrow();
        Path target = data.resolve("converted.json");
        byte[] head = Files.readAllBytes(Shared.stableToolBench().resolve(file.path()));
        Files.write(data.resolve("converted.json.part"), java.util.Arrays.copyOf(head, 1000));

        fetcher().fetch(example, file, target);

        assertThat(Sha256.of(target)).isEqualTo(file.sha256());
        assertThat(requests).singleElement()
                .satisfies(r -> assertThat(r.getHeaders().get("Range")).isEqualTo("bytes=1000-"));
    }

    @Test
    void hash_mismatch_is_rejected_and_leaves_nothing_half_written() {
        behaviour = Behaviour.CORRUPT;
        DatasetFile file = example.file("solvable_queries_example/test_instruction/G1_instruction.json").orElseThrow();
        Path target = data.resolve("sub/G1_instruction.json");

        assertThatThrownBy(() -> fetcher().fetch(example, file, target))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected 26007 bytes with sha256 " + file.sha256())
                .hasMessageContaining("discarded");
        assertThat(target).doesNotExist();
        assertThat(target.resolveSibling("G1_instruction.json.part")).doesNotExist();
    }

    @Test
    void corrupt_file_on_disk_is_replaced_by_a_fresh_download() throws IOException {
        DatasetFile file = example.file("solvable_queries_example/test_query_ids/G1_instruction.json").orElseThrow();
        Path target = data.resolve("ids.json");
        Files.writeString(target, "{\"588\": 1}");

        Fetcher.Result result = fetcher().fetch(example, file, target);

        assertThat(result.outcome()).isEqualTo(Fetcher.Outcome.FETCHED);
        assertThat(target).hasSameBinaryContentAs(Shared.stableToolBench().resolve(file.path()));
    }

    @Test
    void http_error_status_fails_without_retrying_and_names_the_url() {
        DatasetFile missing = new DatasetFile("nowhere.json", PREFIX + "THUNLP-MT/StableToolBench/x/nowhere.json", 1L,
                "0".repeat(64));

        assertThatThrownBy(() -> fetcher().fetch(example, missing, data.resolve("nowhere.json")))
                .hasMessageContaining("/nowhere.json")
                .hasMessageContaining("HTTP 404");
        assertThat(requests).hasSize(1);
    }

    @Test
    void unpinned_archive_is_accepted_as_unverified_but_an_html_page_is_refused() throws IOException {
        DatasetFile archive = new DatasetFile("data.zip", PREFIX + "files/data.zip", null, null);
        Dataset full = new Dataset("full", "d", "o", "OpenBMB-ToolBench", true, "no hash", List.of(archive));
        extra.put("files/data.zip", "<!DOCTYPE html><title>Google Drive - Quota exceeded</title>".getBytes());

        assertThatThrownBy(() -> fetcher().fetch(full, archive, data.resolve("data.zip")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected a ZIP archive");
        assertThat(data.resolve("data.zip")).doesNotExist();
        assertThat(data.resolve("data.zip.part")).doesNotExist();

        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
            out.putNextEntry(new java.util.zip.ZipEntry("data/test_query_ids/G1_instruction_test_query_ids.json"));
            out.write("{}".getBytes());
        }
        extra.put("files/data.zip", zip.toByteArray());

        Fetcher.Result result = fetcher().fetch(full, archive, data.resolve("data.zip"));

        assertThat(result.state()).isEqualTo(Verification.State.UNVERIFIED);
        assertThat(Verification.check(full, archive, data.resolve("data.zip"), true).describe())
                .contains("UNVERIFIED: the manifest pins neither sha256 nor size");
    }

    @Test
    void unreachable_server_fails_after_the_retries_with_one_clear_message() {
        DatasetFile file = example.file("solvable_queries_example/test_query_ids/G1_instruction.json").orElseThrow();
        Fetcher fetcher = fetcher();
        server.close();

        assertThatThrownBy(() -> fetcher.fetch(example, file, data.resolve("ids.json")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("/solvable_queries_example/test_query_ids/G1_instruction.json: download failed:"
                        + " gave up after " + HttpSource.DEFAULT_ATTEMPTS + " attempts: ")
                .hasMessageNotContaining("kept for a resume");
        assertThat(data.resolve("ids.json")).doesNotExist();
    }
}
