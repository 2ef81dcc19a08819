package io.stave.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.bench.datasets.DatasetManifest;
import io.stave.bench.datasets.MirrorSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedCacheTest {

    @TempDir
    Path cacheRoot;

    private SharedCache cacheFromMirror() {
        return new SharedCache(cacheRoot, DatasetManifest.load(Path.of(DatasetManifest.RELATIVE_LOCATION)),
                new MirrorSource(Shared.path("toolbench-data")));
    }

    @Test
    void folder_request_fetches_exactly_the_pinned_files_under_it_in_the_shared_layout() throws Exception {
        String folder = "toolbench-data/THUNLP-MT-StableToolBench/solvable_queries_example";

        int files = cacheFromMirror().ensure(folder);

        assertThat(files).isEqualTo(2);
        try (Stream<Path> cached = Files.walk(cacheRoot.resolve(folder))) {
            assertThat(cached.filter(Files::isRegularFile).map(p -> cacheRoot.resolve(folder).relativize(p).toString()))
                    .containsExactlyInAnyOrder("test_instruction/G1_instruction.json", "test_query_ids/G1_instruction.json");
        }
        assertThat(cacheRoot.resolve(folder).resolve("test_instruction/G1_instruction.json"))
                .hasSameBinaryContentAs(Shared.path(folder).resolve("test_instruction/G1_instruction.json"));
    }

    @Test
    void single_file_request_fetches_that_file_only() {
        String file = "toolbench-data/OpenBMB-ToolBench/toolbench/tooleval/results/default_evalset/DFS/win.csv";

        assertThat(cacheFromMirror().ensure(file)).isEqualTo(1);
        assertThat(cacheRoot.resolve(file)).hasSameBinaryContentAs(Shared.path(file));
        assertThat(cacheRoot.resolve("toolbench-data/THUNLP-MT-StableToolBench")).doesNotExist();
    }

    @Test
    void path_outside_the_manifest_matches_nothing() {
        assertThat(cacheFromMirror().ensure("reference/published-results.json")).isZero();
        assertThat(cacheFromMirror().ensure("toolbench-data/OpenBMB-ToolBench/data.zip")).isZero();
    }
}
