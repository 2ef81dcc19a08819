package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.report.ExampleRuns;
import io.stave.testing.Shared;
import io.stave.tools.AnswerFiles;
import io.stave.tools.ToolCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stave report} on run directories holding the StableToolBench example's results. */
class ReportCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int stave(String... args) {
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void report_writes_markdown_latex_and_html_with_the_example_numbers() throws Exception {
        Path run = ExampleRuns.exampleRun(tmp.resolve("example"), "gpt-3.5-turbo", true);
        Path report = tmp.resolve("reports/example");

        assertThat(stave("report", run.toString(), "--out", report.toString())).isZero();

        assertThat(report.resolve("summary.md")).exists();
        assertThat(report.resolve("sopr.tex")).exists();
        assertThat(report.resolve("sowr.tex")).exists();
        assertThat(out.toString()).contains("wrote " + report.resolve("report.html"));
        String summary = Files.readString(report.resolve("summary.md"));
        assertThat(summary).contains("| ChatGPT | CoT@1 | 66.7 [")
                .contains("| ChatGPT | DFS_woFilter_w2 | 100.0 [100.0, 100.0]")
                .contains("## Solvable win rate (SoWR)")
                .contains("| ChatGPT | DFS_woFilter_w2 | 100.0 [43.9, 100.0]");
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("66.7").contains("43.9").doesNotContain("<script src=").doesNotContain("<link ");
    }

    @Test
    void one_run_is_reported_into_its_own_directory_by_default() throws Exception {
        Path run = ExampleRuns.exampleRun(tmp.resolve("solo"), "gpt-3.5-turbo", true);
        assertThat(stave("report", run.toString())).isZero();
        assertThat(run.resolve("report.html")).exists();
        assertThat(run.resolve("summary.md")).exists();
    }

    @Test
    void runs_judged_by_different_models_are_refused_with_exit_2_unless_forced() throws Exception {
        Path a = ExampleRuns.exampleRun(tmp.resolve("a"), "gpt-3.5-turbo", true);
        Path b = ExampleRuns.exampleRun(tmp.resolve("b"), "gpt-4-turbo-2024-04-09", true);
        Path report = tmp.resolve("ab");

        assertThat(stave("report", a.toString(), b.toString(), "--out", report.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("report refused").contains("judge model differs: a=gpt-3.5-turbo, b=gpt-4-turbo-2024-04-09")
                .contains("--force").doesNotContain("Exception");
        assertThat(report).doesNotExist();

        assertThat(stave("report", a.toString(), b.toString(), "--out", report.toString(), "--force")).isZero();
        assertThat(Files.readString(report.resolve("summary.md"))).contains("not comparable: judge model differs");
    }

    @Test
    void against_a_published_table_of_another_judge_is_refused_unless_forced() throws Exception {
        Path run = ExampleRuns.exampleRun(tmp.resolve("example"), "gpt-3.5-turbo", true);
        Path report = tmp.resolve("against");

        assertThat(stave("report", run.toString(), "--out", report.toString(), "--against", "published:stabletoolbench_paper_sopr"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("judge model gpt-3.5-turbo vs gpt-4-turbo-preview");

        assertThat(stave("report", run.toString(), "--out", report.toString(), "--against", "published:stabletoolbench_paper_sopr",
                "--force")).isZero();
        assertThat(Files.readString(report.resolve("summary.md"))).contains("`stabletoolbench_paper_sopr`");
    }

    @Test
    void runs_judged_alike_are_reported_side_by_side() throws Exception {
        Path a = ExampleRuns.exampleRun(tmp.resolve("a"), "gpt-3.5-turbo", true);
        Path b = ExampleRuns.exampleRun(tmp.resolve("b"), "gpt-3.5-turbo", true);
        assertThat(stave("report", a.toString(), b.toString(), "--out", tmp.resolve("both").toString())).isZero();
        String summary = Files.readString(tmp.resolve("both/summary.md"));
        assertThat(summary).doesNotContain("not comparable:");
        assertThat(summary.lines().filter(l -> l.startsWith("| ChatGPT | CoT@1 | 66.7"))).hasSize(2);
    }

    @Test
    void a_run_made_by_stave_run_convert_and_eval_is_reported_with_what_its_eval_recorded() throws Exception {
        Path example = Shared.stableToolBench();
        Path recorded = example.resolve("data_example/answer/virtual_chatgpt_cot");
        Path cacheFile = tmp.resolve("tools.sqlite");
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            AnswerFiles.importFolder(recorded, cache);
        }
        Path run = tmp.resolve("runs/virtual_chatgpt_cot");
        Path converted = run.resolve("converted/virtual_chatgpt_cot/G1_instruction.json");

        assertThat(stave("run", "--queries", example.resolve("solvable_queries_example/test_instruction/G1_instruction.json").toString(),
                "--method", "CoT@1", "--model", "replay:" + recorded, "--tools", "cache:" + cacheFile + ",miss=error",
                "--profile", "toolbench", "--set", "llm.cache_mode=off", "--no-progress", "--out", run.toString())).as(err.toString()).isZero();
        assertThat(stave("convert", "--answers", run.resolve("answers/G1_instruction").toString(), "--method", "CoT@1",
                "--out", converted.toString())).as(err.toString()).isZero();
        assertThat(stave("eval", "pass-rate", "--converted", converted.toString(), "--rule", "stable",
                "--judge", "recorded:" + example.resolve("data_example"), "--cache-mode", "off",
                "--out", run.resolve("eval/pass_rate/virtual_chatgpt_cot").toString())).as(err.toString()).isZero();
        assertThat(stave("report", run.toString(), "--out", tmp.resolve("report").toString())).as(err.toString()).isZero();

        String summary = Files.readString(tmp.resolve("report/summary.md"));
        assertThat(summary).contains("## Solvable pass rate (SoPR)")
                .contains("| virtual_chatgpt_cot | CoT@1 | 66.7 [") // method from the converter's provenance
                .contains("| virtual_chatgpt_cot | stabletoolbench | StableToolEval | recorded:");
    }

    @Test
    void bad_against_and_missing_runs_are_one_line_user_errors() {
        assertThat(stave("report", tmp.toString(), "--against", "stabletoolbench_paper_sopr")).isEqualTo(2);
        assertThat(err.toString()).contains("--against stabletoolbench_paper_sopr: expected published:KEY");
        assertThat(stave("report", tmp.resolve("nothing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nothing: expected a run directory").doesNotContain("\tat ");
    }
}
