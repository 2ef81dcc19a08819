package io.stave.eval.passrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.eval.EvalFiles;
import io.stave.eval.judge.RecordedJudge;
import io.stave.testing.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SoPR on the StableToolBench worked example (§14.1), judged with the published labels. */
class StablePassRateTest {

    private static Path example(String relative) {
        return Shared.stableToolBench().resolve("data_example").resolve(relative);
    }

    private static GroupPassRate evaluate(String model) {
        Path converted = example("model_predictions_converted/" + model + "/G1_instruction.json");
        RecordedJudge judge = RecordedJudge.load(example("pass_rate_results"));
        return PassRateEvaluator.builder(judge).rule(PassRateRule.STABLE).times(3).build()
                .evaluate(converted, EvalFiles.readObject(converted), List.of("588", "608", "1073"), "G1_instruction", model);
    }

    @ParameterizedTest
    @CsvSource({"virtual_chatgpt_cot, 0.6667", "virtual_chatgpt_dfs, 1.0"})
    void recorded_labels_give_the_published_sopr_with_zero_spread(String model, double sopr) {
        GroupPassRate result = evaluate(model);
        assertThat(result.soprMean()).isCloseTo(sopr, within(1e-4));
        assertThat(result.soprStd()).isZero();
        assertThat(result.notJudged()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"virtual_chatgpt_cot", "virtual_chatgpt_dfs"})
    void per_query_run_labels_and_steps_reproduce_the_published_json(String model) {
        GroupPassRate result = evaluate(model);
        Path published = example("pass_rate_results/" + model + "/G1_instruction_" + model + ".json");
        ObjectNode ours = (ObjectNode) io.stave.bench.py.Json.parse(PassRateFiles.renderJson(result));
        // JSON equality: the published run order is thread completion order, ours is run order.
        assertThat(ours).isEqualTo(EvalFiles.readObject(published));
    }

    @Test
    void cot_588_has_no_finish_in_its_final_step_and_is_unsolved_without_a_judge_call() {
        GroupPassRate result = evaluate("virtual_chatgpt_cot");
        QueryPassRate q588 = result.queries().stream().filter(q -> q.qid().equals("588")).findFirst().orElseThrow();
        assertThat(q588.steps().endsWithFinish()).isFalse();
        assertThat(q588.runs()).allSatisfy(r -> assertThat(r.reason()).isEqualTo("No answer"));
    }

    @ParameterizedTest
    @CsvSource({"virtual_chatgpt_cot", "virtual_chatgpt_dfs"})
    void files_read_back_in_published_order_rewrite_the_published_bytes(String model) throws Exception {
        Path json = example("pass_rate_results/" + model + "/G1_instruction_" + model + ".json");
        Path csv = example("pass_rate_results/" + model + "/G1_instruction_" + model + ".csv");
        GroupPassRate read = PassRateFiles.readJson(json, "G1_instruction", model);

        assertThat(PassRateFiles.renderJson(read)).isEqualTo(Files.readString(json, StandardCharsets.UTF_8));
        assertThat(PassRateFiles.renderCsv(read, 42)).isEqualTo(Files.readString(csv, StandardCharsets.UTF_8));
        assertThat(read.runCount()).isEqualTo(3);
    }

    @Test
    void stave_runs_in_run_order_differ_from_the_published_file_only_in_key_order() {
        GroupPassRate result = evaluate("virtual_chatgpt_cot");
        Map<String, List<Integer>> order = new LinkedHashMap<>();
        result.queries().forEach(q -> order.put(q.qid(), q.runs().stream().map(RunVerdict::run).toList()));
        assertThat(order).containsEntry("1073", List.of(0, 1, 2)).containsEntry("588", List.of(0, 1, 2));
    }
}
