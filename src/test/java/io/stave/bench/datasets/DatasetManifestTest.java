package io.stave.bench.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetManifestTest {

    private static final String STB_COMMIT = "aa4ed9f4737ad98bd706663f01d63623c3427812";
    private final DatasetManifest manifest = DatasetManifest.load(Path.of(DatasetManifest.RELATIVE_LOCATION));

    @Test
    void every_pinned_size_and_sha256_matches_the_shared_copy() {
        Path shared = Shared.root();
        int checked = 0;
        for (Dataset dataset : manifest.datasets()) {
            if (dataset.onRequest()) {
                continue;
            }
            Path folder = dataset.mirrorFolder().equals("models")
                    ? shared.resolve("models")
                    : shared.resolve("toolbench-data").resolve(dataset.mirrorFolder());
            for (DatasetFile file : dataset.files()) {
                Verification check = Verification.check(dataset, file, folder.resolve(file.path()), true);
                assertThat(check.state()).as(check.describe()).isEqualTo(Verification.State.OK);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(83 + 4);
    }

    @Test
    void the_manifest_covers_every_shared_toolbench_file() throws IOException {
        Path data = Shared.path("toolbench-data");
        Set<String> pinned = new HashSet<>();
        for (Dataset dataset : manifest.datasets()) {
            dataset.files().forEach(f -> pinned.add(dataset.mirrorFolder() + "/" + f.path()));
        }
        try (Stream<Path> files = Files.walk(data)) {
            List<String> shared = files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString()).toList();
            assertThat(shared).hasSize(83);
            assertThat(pinned).containsAll(shared);
        }
    }

    @Test
    void stabletoolbench_urls_are_pinned_to_the_spec_commit_and_end_with_the_upstream_path() {
        for (String name : List.of("stabletoolbench-solvable", "stabletoolbench-example")) {
            for (DatasetFile file : manifest.dataset(name).files()) {
                assertThat(file.url()).isEqualTo("https://raw.githubusercontent.com/THUNLP-MT/StableToolBench/"
                        + STB_COMMIT + "/" + file.path());
            }
        }
        assertThat(manifest.dataset("stabletoolbench-solvable").files()).hasSize(12)
                .extracting(DatasetFile::path)
                .contains("solvable_queries/test_instruction/G3_instruction.json",
                        "solvable_queries/test_query_ids/G2_category.json");
    }

    @Test
    void model_hashes_equal_the_table_of_the_models_readme() throws IOException {
        String readme = Files.readString(Shared.path("models/README.md"));
        Matcher row = Pattern.compile("\\| `([^`]+)` \\| ([\\d,]+) \\| `([0-9a-f]{64})` \\|").matcher(readme);
        int rows = 0;
        Dataset models = manifest.dataset("stories260k");
        while (row.find()) {
            DatasetFile file = models.file(row.group(1)).orElseThrow();
            assertThat(file.sha256()).isEqualTo(row.group(3));
            assertThat(file.size()).isEqualTo(Long.parseLong(row.group(2).replace(",", "")));
            rows++;
        }
        assertThat(rows).isEqualTo(4);
        assertThat(models.file("stories260K.gguf").orElseThrow().url())
                .contains("ggml-org/models-moved/resolve/499bc8821c6b12b4e53c5bffcb21ec206f212d81/");
    }

    @Test
    void the_full_toolbench_archive_is_on_request_and_says_it_is_unpinned() {
        Dataset full = manifest.dataset("toolbench-full");
        assertThat(full.onRequest()).isTrue();
        assertThat(full.hasUnpinnedFiles()).isTrue();
        assertThat(full.note()).contains("sha256");
        assertThat(manifest.defaults()).extracting(Dataset::name).doesNotContain("toolbench-full")
                .contains("stabletoolbench-solvable", "stabletoolbench-example", "toolbench-example");
        assertThat(manifest.select(List.of("toolbench-full"))).containsExactly(full);
    }

    @Test
    void unknown_dataset_name_lists_the_known_ones() {
        assertThatThrownBy(() -> manifest.dataset("stabletoolbench"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("manifest.json: dataset \"stabletoolbench\": expected one of [")
                .hasMessageContaining("stabletoolbench-solvable");
    }

    @Test
    void malformed_manifest_names_the_json_path(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("manifest.json");
        Files.writeString(bad, """
                {"format": 1, "datasets": [{"name": "x", "description": "d", "origin": "o", "mirror_folder": "m",
                  "files": [{"path": "a.json", "url": "https://example.org/a.json", "size": 3, "sha256": "ABC"}]}]}
                """);

        assertThatThrownBy(() -> DatasetManifest.load(bad))
                .isInstanceOf(BadInputException.class)
                .hasMessage(bad + ": $.datasets[0].files[0].sha256: expected 64 lowercase hex digits or null");
    }

    @Test
    void path_escaping_the_dataset_folder_is_rejected(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("manifest.json");
        Files.writeString(bad, """
                {"format": 1, "datasets": [{"name": "x", "description": "d", "origin": "o", "mirror_folder": "m",
                  "files": [{"path": "../../etc/passwd", "url": "https://example.org/a", "size": null, "sha256": null}]}]}
                """);

        assertThatThrownBy(() -> DatasetManifest.load(bad))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("$.datasets[0].files[0].path");
    }
}
