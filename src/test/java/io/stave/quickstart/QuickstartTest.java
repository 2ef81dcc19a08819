package io.stave.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.cli.Main;
import io.stave.eval.EvalFiles;
import io.stave.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code stave quickstart} end to end on the StableToolBench worked example (spec/toolbench.md §14.1),
 * from the shared mirror into temporary folders; its figures are checked against the example's own
 * result files and against the values the spec derives from them.
 */
class QuickstartTest {

    @TempDir
    static Path tmp;

    private static final StringWriter OUT = new StringWriter();
    private static int exitCode;
    private static long seconds;

    @BeforeAll
    static void run_the_quickstart() {
        Path mirror = Shared.stableToolBench().getParent(); // <mirror>/THUNLP-MT-StableToolBench/…
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(OUT));
        long start = System.nanoTime();
        exitCode = commandLine.execute("quickstart", "--mirror", mirror.toString(), "--data", tmp.resolve("datasets").toString(),
                "--run", tmp.resolve("runs/quickstart").toString(), "--out", tmp.resolve("reports/quickstart").toString());
        seconds = (System.nanoTime() - start) / 1_000_000_000;
    }

    private static Path example(String relative) {
        return Shared.stableToolBench().resolve("data_example").resolve(relative);
    }

    /** SoPR from a published StableToolEval file: the mean over runs of the share of Solved answers. */
    private static double publishedSopr(String model) {
        JsonNode root = EvalFiles.readJson(example("pass_rate_results/" + model + "/G1_instruction_" + model + ".json"));
        double[] solved = new double[3];
        root.forEach(entry -> entry.path("is_solved").properties().forEach(run -> {
            if (run.getValue().asText().equals("AnswerStatus.Solved")) {
                solved[Integer.parseInt(run.getKey())]++;
            }
        }));
        return 100 * (solved[0] + solved[1] + solved[2]) / (3.0 * root.size());
    }

    /** SoWR from the published preference file: queries where the candidate won more rounds. */
    private static double publishedSowr() {
        JsonNode root = EvalFiles.readJson(example("preference_results/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs.json"));
        long wins = root.valueStream().filter(q -> q.path("virtual_chatgpt_dfs").asInt() > q.path("virtual_chatgpt_cot").asInt()).count();
        return 100.0 * wins / root.size();
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @Test
    void quickstart_succeeds_in_under_a_minute_and_says_where_the_report_is() {
        assertThat(exitCode).as(OUT.toString()).isZero();
        assertThat(seconds).isLessThan(60);
        assertThat(OUT.toString()).contains("report: " + tmp.resolve("reports/quickstart/report.html"))
                .contains("matches the example's published files (5 compared)");
    }

    @Test
    void printed_numbers_are_the_examples() {
        assertThat(pct(publishedSopr("virtual_chatgpt_cot"))).isEqualTo("66.7"); // spec §14.1
        assertThat(pct(publishedSopr("virtual_chatgpt_dfs"))).isEqualTo("100.0");
        assertThat(pct(publishedSowr())).isEqualTo("100.0");
        assertThat(OUT.toString())
                .contains("SoPR  ChatGPT CoT@1          : " + pct(publishedSopr("virtual_chatgpt_cot")) + " ± 0.0 (3 queries, 3 runs)")
                .contains("SoPR  ChatGPT DFS_woFilter_w2: " + pct(publishedSopr("virtual_chatgpt_dfs")) + " ± 0.0 (3 queries, 3 runs)")
                .contains("SoWR  DFS vs CoT: " + pct(publishedSowr()) + "% (3 wins, 0 ties, 0 losses of 3)");
    }

    @Test
    void report_shows_the_examples_numbers() throws Exception {
        Path reports = tmp.resolve("reports/quickstart");
        String summary = Files.readString(reports.resolve("summary.md"));
        assertThat(summary).contains("| ChatGPT | CoT@1 | " + pct(publishedSopr("virtual_chatgpt_cot")) + " [")
                .contains("| ChatGPT | DFS_woFilter_w2 | " + pct(publishedSopr("virtual_chatgpt_dfs")) + " [")
                .contains("## Solvable win rate (SoWR)");
        String sowrRow = summary.substring(summary.indexOf("## Solvable win rate (SoWR)")).lines()
                .filter(l -> l.startsWith("| ChatGPT | DFS_woFilter_w2 | ")).findFirst().orElseThrow();
        assertThat(sowrRow).startsWith("| ChatGPT | DFS_woFilter_w2 | " + pct(publishedSowr()) + " [");
        String html = Files.readString(reports.resolve("report.html"));
        assertThat(html).contains("66.7").contains("100.0").contains("ChatGPT");
        assertThat(reports.resolve("sopr.tex")).exists();
        assertThat(reports.resolve("sowr.tex")).exists();
    }

    @Test
    void answers_are_written_by_stave_run_replaying_and_agree_with_the_recorded_ones() throws Exception {
        List<Path> files;
        try (Stream<Path> cot = Files.list(tmp.resolve("runs/quickstart/virtual_chatgpt_cot/answers/G1_instruction"));
                Stream<Path> dfs = Files.list(tmp.resolve("runs/quickstart/virtual_chatgpt_dfs/answers/G1_instruction"))) {
            files = Stream.concat(cot, dfs).toList();
        }
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyInAnyOrder(
                "1073_CoT@1.json", "1073_DFS_woFilter_w2.json", "588_CoT@1.json", "588_DFS_woFilter_w2.json",
                "608_CoT@1.json", "608_DFS_woFilter_w2.json");
        for (Path file : files) {
            String folder = file.getFileName().toString().contains("CoT") ? "virtual_chatgpt_cot" : "virtual_chatgpt_dfs";
            JsonNode recorded = EvalFiles.readJson(example("answer/" + folder + "/G1_instruction/" + file.getFileName()));
            JsonNode replayed = EvalFiles.readJson(file);
            assertThat(replayed.path("answer_generation").path("final_answer"))
                    .isEqualTo(recorded.path("answer_generation").path("final_answer"));
            assertThat(replayed.path("answer_generation").path("valid_data"))
                    .isEqualTo(recorded.path("answer_generation").path("valid_data"));
        }
    }

    @Test
    void run_directory_holds_the_harness_layout_and_a_manifest_without_secrets() throws Exception {
        Path cot = tmp.resolve("runs/quickstart/virtual_chatgpt_cot");
        Path dfs = tmp.resolve("runs/quickstart/virtual_chatgpt_dfs");
        assertThat(cot.resolve("ledger.jsonl")).exists();
        assertThat(Files.readAllLines(cot.resolve("ledger.jsonl"))).hasSize(3).allSatisfy(line -> assertThat(line).contains("\"status\":\"ok\""));
        assertThat(cot.resolve("converted/virtual_chatgpt_cot/G1_instruction.json")).exists();
        assertThat(dfs.resolve("eval/pass_rate/virtual_chatgpt_dfs/G1_instruction_virtual_chatgpt_dfs.csv")).exists();
        assertThat(dfs.resolve("eval/preference/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs.csv")).exists();
        JsonNode manifest = EvalFiles.readJson(dfs.resolve("manifest.json"));
        assertThat(manifest.path("judge").path("evaluator").asText()).isEqualTo("StableToolEval");
        assertThat(manifest.path("config").path("options").path("profile").asText()).isEqualTo("stabletoolbench");
        assertThat(manifest.path("model").path("spec").asText()).startsWith("replay:");
        assertThat(Files.readString(dfs.resolve("manifest.json")).toLowerCase(Locale.ROOT)).doesNotContain("api_key");
    }
}
