package io.stave.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir
    Path runs;

    @Test
    void manifest_fields_that_decide_comparability_are_read_and_the_rest_flattened() throws IOException {
        Path manifest = runs.resolve("2026-01-05-chatgpt-dfsdt/manifest.json");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, """
                {"stave": {"version": "0.1.0", "commit": "abc123", "dirty": false},
                 "config": {"sha256": "ff00", "options": {"profile": "toolbench"}},
                 "judge": {"evaluator": "ToolEval v2", "model": "gpt-3.5-turbo-16k", "repeats": 1},
                 "tools": {"backend": "cache:caches/tools.sqlite", "api_key": "sk-should-never-show"},
                 "model": {"spec": "openai:gpt-3.5-turbo-16k", "tokenizer_sha256": "aa", "max_new_tokens": 512},
                 "parents": ["run-1", "run-2"], "note": null}
                """);

        Provenance run = Provenance.fromManifest(manifest);

        assertThat(run.runId()).isEqualTo("2026-01-05-chatgpt-dfsdt");
        assertThat(run.profile()).isEqualTo("toolbench");
        assertThat(run.evaluator()).isEqualTo("ToolEval v2");
        assertThat(run.judgeModel()).isEqualTo("gpt-3.5-turbo-16k");
        assertThat(run.tools()).isEqualTo("cache:caches/tools.sqlite");
        assertThat(run.details()).containsEntry("stave.commit", "abc123").containsEntry("judge.repeats", "1")
                .containsEntry("parents[1]", "run-2").containsEntry("model.tokenizer_sha256", "aa")
                .containsEntry("model.max_new_tokens", "512")
                .doesNotContainKey("tools.api_key").doesNotContainKey("note");
        assertThat(run.details().values()).noneMatch(v -> v.contains("sk-"));
        assertThat(java.util.List.copyOf(run.details().keySet())).isSorted();
    }

    @Test
    void broken_manifest_is_a_user_error_naming_the_file() throws IOException {
        Path manifest = runs.resolve("manifest.json");
        Files.writeString(manifest, "{\"judge\": ");

        assertThatThrownBy(() -> Provenance.fromManifest(manifest))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(manifest + ": expected JSON");
    }
}
