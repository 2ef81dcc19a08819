package io.stave.eval.winrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.eval.EvalFiles;
import io.stave.eval.judge.RecordedJudge;
import io.stave.eval.passrate.PassRateFiles;
import io.stave.eval.passrate.PassRateRule;
import io.stave.testing.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SoWR on the StableToolBench worked example (§14.1): reference CoT, candidate DFS, 3 rounds. */
class StableWinRateTest {

    private static final String COT = "virtual_chatgpt_cot";
    private static final String DFS = "virtual_chatgpt_dfs";

    private static Path example(String relative) {
        return Shared.stableToolBench().resolve("data_example").resolve(relative);
    }

    private static ObjectNode converted(String model) {
        return EvalFiles.readObject(example("model_predictions_converted/" + model + "/G1_instruction.json"));
    }

    private static PreferenceEvaluator.Side side(String model) {
        Path csv = example("pass_rate_results/" + model + "/G1_instruction_" + model + ".csv");
        return new PreferenceEvaluator.Side(model, converted(model), PassRateFiles.readCsv(csv));
    }

    private static GroupPreference evaluate() {
        // The recorded judge reads the pass-rate labels (for check_is_solved) and the round counts.
        RecordedJudge judge = RecordedJudge.load(example(""));
        List<String> testIds = List.copyOf(
                iterable(EvalFiles.readObject(Shared.stableToolBench().resolve("solvable_queries_example/test_query_ids/G1_instruction.json"))));
        return PreferenceEvaluator.builder(judge).rule(PassRateRule.STABLE).rounds(3).build()
                .evaluate("G1_instruction", testIds, side(COT), side(DFS));
    }

    private static List<String> iterable(ObjectNode ids) {
        List<String> out = new java.util.ArrayList<>();
        ids.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void recorded_judge_reproduces_the_round_counts_and_a_win_rate_of_one() {
        GroupPreference result = evaluate();
        assertThat(result.queries()).extracting(QueryPreference::qid, QueryPreference::referenceWins, QueryPreference::candidateWins)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("588", 0, 3),
                        org.assertj.core.groups.Tuple.tuple("608", 0, 3),
                        org.assertj.core.groups.Tuple.tuple("1073", 1, 2));
        assertThat(result.wins()).isEqualTo(3);
        assertThat(result.ties()).isZero();
        assertThat(result.winRateTiesAsLoss()).isEqualTo(1.0);
        assertThat(result.notJudged()).isEmpty();
    }

    @Test
    void the_stable_shortcut_never_fires_so_every_round_is_complete() {
        assertThat(evaluate().queries()).allSatisfy(q -> assertThat(q.roundsComplete()).containsOnly(true));
    }

    @Test
    void preference_files_match_the_published_json_and_csv_bytes() throws Exception {
        GroupPreference result = evaluate();
        Path json = example("preference_results/G1_instruction_" + COT + "_" + DFS + ".json");
        Path csv = example("preference_results/G1_instruction_" + COT + "_" + DFS + ".csv");

        assertThat(PreferenceFiles.renderJson(result)).isEqualTo(Files.readString(json, StandardCharsets.UTF_8));
        assertThat(PreferenceFiles.renderCsv(result, converted(COT), converted(DFS)))
                .isEqualTo(Files.readString(csv, StandardCharsets.UTF_8));
        assertThat(Json.parse(PreferenceFiles.renderJson(PreferenceFiles.readJson(json, "G1_instruction"))))
                .isEqualTo(EvalFiles.readJson(json));
    }

    @Test
    void a_query_missing_from_the_candidate_is_won_by_the_reference_in_every_round() {
        ObjectNode candidate = converted(DFS);
        candidate.remove("608");
        RecordedJudge judge = RecordedJudge.load(example(""));
        GroupPreference result = PreferenceEvaluator.builder(judge).rule(PassRateRule.STABLE).rounds(3).build()
                .evaluate("G1_instruction", List.of("588", "608", "1073"), side(COT),
                        new PreferenceEvaluator.Side(DFS, candidate, null));
        QueryPreference q608 = result.queries().get(1);
        assertThat(q608.referenceWins()).isEqualTo(3);
        assertThat(q608.roundsComplete()).containsOnly(false);
        assertThat(result.wins()).isEqualTo(2);
        assertThat(result.losses()).isEqualTo(1);
    }

    @Test
    void the_majority_shortcut_decides_588_from_the_per_run_statuses_without_the_judge() {
        RecordedJudge judge = RecordedJudge.load(example(""));
        GroupPreference result = PreferenceEvaluator.builder(judge).rule(PassRateRule.STABLE).rounds(3)
                .stbShortcut(PreferenceEvaluator.StbShortcut.MAJORITY).build()
                .evaluate("G1_instruction", List.of("588", "608", "1073"), side(COT), side(DFS));
        // 588: reference Unsolved in all 3 runs, candidate Solved in all 3: candidate wins each round, no judgement
        QueryPreference q588 = result.queries().getFirst();
        assertThat(q588.candidateWins()).isEqualTo(3);
        assertThat(q588.roundsComplete()).containsOnly(false);
        // both Solved elsewhere: the judge decides as in the published run
        assertThat(result.queries().get(2).referenceWins()).isEqualTo(1);
        assertThat(result.queries().subList(1, 3)).allSatisfy(q -> assertThat(q.roundsComplete()).containsOnly(true));
    }

    @Test
    void majority_status_needs_more_than_half_of_the_runs() {
        assertThat(PreferenceEvaluator.majorityStatus("{2: 'AnswerStatus.Unsolved', 1: 'AnswerStatus.Solved', 0: 'AnswerStatus.Unsolved'}"))
                .isEqualTo(io.stave.eval.tooleval.AnswerStatus.Unsolved);
        assertThat(PreferenceEvaluator.majorityStatus("{'0': 'AnswerStatus.Solved', '1': 'AnswerStatus.Unsure'}")).isNull();
        assertThat(PreferenceEvaluator.majorityStatus("AnswerStatus.Solved")).isEqualTo(io.stave.eval.tooleval.AnswerStatus.Solved);
        assertThat(PreferenceEvaluator.majorityStatus("")).isNull();
    }
}
