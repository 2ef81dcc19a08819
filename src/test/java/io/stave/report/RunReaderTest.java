package io.stave.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stave.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a run directory made of the StableToolBench example's published results (spec/toolbench.md §14.1). */
class RunReaderTest {

    private static final String COT = ExampleRuns.COT;

    @TempDir
    Path tmp;

    @Test
    void example_results_give_sopr_two_thirds_for_cot_and_one_for_dfs_and_a_sowr_of_one() throws IOException {
        RunReader.RunRows run = RunReader.read(ExampleRuns.exampleRun(tmp.resolve("example"), "gpt-3.5-turbo", true));

        assertThat(run.provenance().runId()).isEqualTo("example");
        assertThat(run.provenance().judgeModel()).isEqualTo("gpt-3.5-turbo");
        assertThat(run.rows()).extracting(ResultRow::model, ResultRow::method, ResultRow::metric).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ChatGPT", "CoT@1", Metric.SOPR),
                org.assertj.core.groups.Tuple.tuple("ChatGPT", "DFS_woFilter_w2", Metric.SOPR),
                org.assertj.core.groups.Tuple.tuple("ChatGPT", "DFS_woFilter_w2", Metric.SOWR));
        MeasuredCell cot = run.rows().get(0).cell(PaperGroup.G1_INSTRUCTION).orElseThrow();
        MeasuredCell dfs = run.rows().get(1).cell(PaperGroup.G1_INSTRUCTION).orElseThrow();
        assertThat(cot.value()).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(cot.n()).isEqualTo(3);
        assertThat(dfs.value()).isEqualTo(100.0);
        assertThat(dfs.lo()).isEqualTo(100.0); // every query solved in every run: no spread to resample
    }

    @Test
    void sowr_interval_is_the_wilson_interval_of_three_wins_out_of_three() throws IOException {
        RunReader.RunRows run = RunReader.read(ExampleRuns.exampleRun(tmp.resolve("example"), "gpt-3.5-turbo", true));
        MeasuredCell sowr = run.rows().get(2).cell(PaperGroup.G1_INSTRUCTION).orElseThrow();
        double z2 = 1.959963984540054 * 1.959963984540054;
        // Wilson with p̂ = 1: centre (n + z²/2)/(n + z²), half-width z·sqrt(z²/4)/(n + z²) → lower n/(n + z²).
        assertThat(sowr.value()).isEqualTo(100.0);
        assertThat(sowr.lo()).isCloseTo(100 * 3 / (3 + z2), within(1e-6));
        assertThat(sowr.hi()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void without_labels_the_method_comes_from_the_converted_files_provenance() throws IOException {
        Path run = ExampleRuns.exampleRun(tmp.resolve("plain"), "gpt-3.5-turbo", false);
        Path sidecar = Files.createDirectories(run.resolve("converted").resolve(COT)).resolve("G1_instruction.json.provenance.json");
        Files.writeString(sidecar, "{\"method\": \"CoT@1\", \"seed\": 42}");

        List<ResultRow> rows = RunReader.read(run).rows();

        assertThat(rows.get(0).model()).isEqualTo(COT);
        assertThat(rows.get(0).method()).isEqualTo("CoT@1");
        assertThat(rows.get(1).method()).isEmpty(); // DFS has no sidecar in this run
    }

    @Test
    void a_run_without_manifest_names_the_missing_file() throws IOException {
        Path run = ExampleRuns.exampleRun(tmp.resolve("bare"), "gpt-3.5-turbo", true);
        Files.delete(run.resolve("manifest.json"));
        assertThatThrownBy(() -> RunReader.read(run)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("manifest.json").hasMessageContaining("file not found");
    }

    @Test
    void a_run_without_evaluation_results_says_to_run_stave_eval() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("unevaluated"));
        Files.writeString(run.resolve("manifest.json"), "{\"judge\": {\"model\": \"gpt-4\"}}");
        assertThatThrownBy(() -> RunReader.read(run)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("eval").hasMessageContaining("found none");
    }

    @Test
    void a_malformed_pass_rate_file_names_file_and_json_path() throws IOException {
        Path run = ExampleRuns.exampleRun(tmp.resolve("broken"), "gpt-3.5-turbo", true);
        Path file = run.resolve("eval/pass_rate/" + COT + "/G1_instruction_" + COT + ".json");
        Files.writeString(file, "{\"588\": {\"query\": \"q\"}}");
        assertThatThrownBy(() -> RunReader.read(run)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("$.588.is_solved");
    }
}
