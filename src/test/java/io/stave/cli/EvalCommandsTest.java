package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.bench.py.Json;
import io.stave.eval.EvalFiles;
import io.stave.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The evaluator's commands end to end on the StableToolBench worked example and the v1 evalset. */
class EvalCommandsTest {

    record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String example(String relative) {
        return Shared.stableToolBench().resolve("data_example").resolve(relative).toString();
    }

    private static String testIds() {
        return Shared.stableToolBench().resolve("solvable_queries_example/test_query_ids/G1_instruction.json").toString();
    }

    @Test
    void convert_writes_the_converted_file_and_its_provenance(@TempDir Path dir) {
        Path out = dir.resolve("virtual_chatgpt_cot/G1_instruction.json");
        Result r = run("convert", "--answers", example("answer/virtual_chatgpt_cot/G1_instruction"), "--method", "CoT@1",
                "--out", out.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Converted 3 answers").contains("588");
        assertThat(EvalFiles.readJson(out)).isEqualTo(EvalFiles.readJson(Path.of(example(
                "model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json"))));
        assertThat(EvalFiles.readJson(dir.resolve("virtual_chatgpt_cot/G1_instruction.json.provenance.json"))
                .get("from_invalid_data").get(0).asText()).isEqualTo("588");
    }

    @Test
    void stable_pass_rate_with_recorded_labels_prints_sopr_and_writes_the_published_json(@TempDir Path dir) throws Exception {
        Result r = run("eval", "pass-rate", "--converted", example("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json"),
                "--rule", "stable", "--judge", "recorded:" + example("pass_rate_results"), "--test-ids", testIds(),
                "--out", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Test set: G1_instruction. Model: virtual_chatgpt_cot.")
                .contains("Solve rate: 66.7% Std: 0.0%");
        assertThat(EvalFiles.readJson(dir.resolve("G1_instruction_virtual_chatgpt_cot.json"))).isEqualTo(EvalFiles.readJson(
                Path.of(example("pass_rate_results/virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.json"))));
        assertThat(Files.readString(dir.resolve("G1_instruction_virtual_chatgpt_cot.csv"))).startsWith("query\tavailable_tools\t");
        // 1073 and 608 are judged three times each; 588 has no Finish and is never sent to the judge.
        var lines = Files.readAllLines(dir.resolve("judgements.jsonl"));
        assertThat(lines).hasSize(6).allSatisfy(line -> assertThat(Json.parse(line).get("function").asText())
                .isEqualTo("check_answer_status"));
        assertThat(lines).noneMatch(line -> line.contains("\"qid\":\"588\""));
    }

    @Test
    void stable_win_rate_with_recorded_labels_prints_a_win_rate_of_one_and_the_published_files(@TempDir Path dir) throws Exception {
        Result r = run("eval", "win-rate",
                "--reference", example("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json"),
                "--candidate", example("model_predictions_converted/virtual_chatgpt_dfs/G1_instruction.json"),
                "--rule", "stable", "--judge", "recorded:" + example(""), "--pass-rate", example("pass_rate_results"),
                "--test-ids", testIds(), "--out", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Test set: G1_instruction. Reference model: virtual_chatgpt_cot, Candidate model: "
                + "virtual_chatgpt_dfs. Win rate: 1.0, Tie rate: 0.0").contains("3 wins, 0 ties, 0 losses of 3");
        String name = "G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs";
        assertThat(Files.readString(dir.resolve(name + ".json"))).isEqualTo(
                Files.readString(Path.of(example("preference_results/" + name + ".json")), StandardCharsets.UTF_8));
        assertThat(Files.readString(dir.resolve(name + ".csv"))).isEqualTo(
                Files.readString(Path.of(example("preference_results/" + name + ".csv")), StandardCharsets.UTF_8));
    }

    @Test
    void v1_pass_rate_of_the_chatgpt_react_evalset_prints_the_published_rate() {
        Path file = Shared.toolBench().resolve("toolbench/tooleval/results/default_evalset/gpt-3.5-turbo_CoT/G1_instruction.json");
        Result r = run("eval", "pass-rate", "--converted", file.toString(), "--rule", "v1", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        var json = Json.parse(r.out());
        assertThat(json.get("passing").asInt()).isEqualTo(56);
        assertThat(json.get("evaluated").asInt()).isEqualTo(100);
        assertThat(json.get("model").asText()).isEqualTo("gpt-3.5-turbo_CoT");
    }

    @Test
    void compare_of_two_v2_runs_reports_mcnemar_on_the_discordant_query(@TempDir Path dir) {
        for (String model : new String[] {"virtual_chatgpt_cot", "virtual_chatgpt_dfs"}) {
            Result r = run("eval", "pass-rate", "--converted", example("model_predictions_converted/" + model + "/G1_instruction.json"),
                    "--rule", "v2", "--times", "3", "--judge", "recorded:" + example("pass_rate_results"),
                    "--out", dir.resolve(model).toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        Result r = run("compare", dir.resolve("virtual_chatgpt_cot").toString(), dir.resolve("virtual_chatgpt_dfs").toString(), "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        var row = Json.parse(r.out()).get("groups").get(0);
        assertThat(row.get("paired").asInt()).isEqualTo(3);
        assertThat(row.get("mcnemar_b").asInt()).isZero();   // CoT passes where DFS fails: never
        assertThat(row.get("mcnemar_c").asInt()).isEqualTo(1); // 588: CoT has no answer, DFS passes
        assertThat(row.get("mcnemar_p").asDouble()).isEqualTo(1.0);
        assertThat(row.get("difference").asDouble()).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void compare_refuses_results_scored_by_different_rules(@TempDir Path dir) {
        run("eval", "pass-rate", "--converted", example("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json"),
                "--rule", "v2", "--times", "3", "--judge", "recorded:" + example("pass_rate_results"), "--out", dir.toString());
        Result r = run("compare", dir.toString(), example("pass_rate_results/virtual_chatgpt_dfs"));

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("compare refused").contains("rule v2 vs stable").doesNotContain("Exception");
    }

    @Test
    void a_converted_file_that_is_not_json_is_one_line_and_exit_code_two(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("G1_tool.json");
        Files.writeString(bad, "{\"1\": ");
        Result r = run("eval", "pass-rate", "--converted", bad.toString(), "--rule", "v1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(bad.toString()).contains("expected valid JSON");
    }

    @Test
    void an_unknown_judge_spec_names_the_accepted_forms() {
        Result r = run("eval", "pass-rate", "--converted", example("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json"),
                "--judge", "claude:opus");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("openai:MODEL[@BASE_URL], local:MODEL_SPEC or recorded:DIR");
    }

    @Test
    void convert_with_the_stabletoolbench_profile_writes_indent_two(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("G1_instruction.json");
        Result r = run("convert", "--answers", example("answer/virtual_chatgpt_dfs/G1_instruction"), "--method", "DFS",
                "--out", out.toString(), "--profile", "stabletoolbench");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out)).startsWith("{\n  \"1073\": {\n    \"query\": ");
    }

    @Test
    void pass_rate_resumes_from_the_result_file_without_judging_again(@TempDir Path dir) throws Exception {
        String converted = example("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json");
        Result first = run("eval", "pass-rate", "--converted", converted, "--rule", "stable",
                "--judge", "recorded:" + example("pass_rate_results"), "--out", dir.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        String json = Files.readString(dir.resolve("G1_instruction_virtual_chatgpt_cot.json"));

        // This judge has no labels for the CoT model: only a resumed run can succeed with it.
        String otherLabels = "recorded:" + example("pass_rate_results/virtual_chatgpt_dfs");
        Result resumed = run("eval", "pass-rate", "--converted", converted, "--rule", "stable", "--judge", otherLabels,
                "--out", dir.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Solve rate: 66.7% Std: 0.0%");
        assertThat(Files.readString(dir.resolve("G1_instruction_virtual_chatgpt_cot.json"))).isEqualTo(json);

        Result overwritten = run("eval", "pass-rate", "--converted", converted, "--rule", "stable", "--judge", otherLabels,
                "--out", dir.toString(), "--overwrite");
        assertThat(overwritten.exitCode()).isEqualTo(1);
        assertThat(overwritten.out()).contains("excluded: 6 evaluations not judged");
    }

    @Test
    void a_result_file_given_as_converted_answers_is_refused_with_its_json_path() {
        Result r = run("eval", "pass-rate", "--converted",
                example("pass_rate_results/virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.json"), "--rule", "v1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("G1_instruction_virtual_chatgpt_cot.json: $.588.answer: expected a converted answer");
    }
}
