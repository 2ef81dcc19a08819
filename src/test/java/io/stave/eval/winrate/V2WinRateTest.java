package io.stave.eval.winrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyRandom;
import io.stave.eval.EvalFiles;
import io.stave.eval.Seeds;
import io.stave.eval.judge.Judge;
import io.stave.eval.judge.JudgeCall;
import io.stave.eval.judge.JudgeFunction;
import io.stave.eval.judge.JudgeReply;
import io.stave.eval.passrate.PassRateRule;
import io.stave.testing.Shared;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ToolEval v2's preference procedure (§9.5) on the example's converted answers with a scripted judge. */
class V2WinRateTest {

    private static final String REF = "virtual_chatgpt_cot";
    private static final String CAND = "virtual_chatgpt_dfs";
    private static final long SEED = 42;

    /** Answer statuses by model; select_better_answer indices from a queue; every call logged. */
    static final class ScriptedJudge implements Judge {
        final Map<String, String> statusByModel;
        final Deque<Integer> indices = new ArrayDeque<>();
        final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());

        ScriptedJudge(Map<String, String> statusByModel) {
            this.statusByModel = statusByModel;
        }

        @Override
        public synchronized JudgeReply call(JudgeCall call) {
            log.add(call.context().qid() + ":" + call.function().functionName());
            ObjectNode args = Json.NODES.objectNode();
            switch (call.function()) {
                case CHECK_ANSWER_STATUS, PARSE_ANSWER_STATUS -> args.put("answer_status", statusByModel.get(call.context().model()));
                case CHECK_TASK_SOLVABLE -> args.put("task_status", "Solvable");
                case SELECT_BETTER_ANSWER -> args.put("index", indices.isEmpty() ? 0 : indices.poll());
            }
            return new JudgeReply(args);
        }

        long count(String qid, JudgeFunction f) {
            return log.stream().filter(l -> l.equals(qid + ":" + f.functionName())).count();
        }

        @Override
        public String id() {
            return "scripted";
        }
    }

    private static ObjectNode converted(String model) {
        return EvalFiles.readObject(Shared.stableToolBench().resolve(
                "data_example/model_predictions_converted/" + model + "/G1_instruction.json"));
    }

    private static GroupPreference evaluate(Judge judge, List<String> ids, Map<String, Map<String, String>> refPass,
            Map<String, Map<String, String>> candPass, ObjectNode candidate) {
        return PreferenceEvaluator.builder(judge).rule(PassRateRule.V2).rounds(2).seed(SEED).build()
                .evaluate("G1_instruction", ids, new PreferenceEvaluator.Side(REF, converted(REF), refPass),
                        new PreferenceEvaluator.Side(CAND, candidate, candPass));
    }

    private static Map<String, String> cells(String label, String solved) {
        return Map.of("pass_rate_label", label, "is_solved", solved, "solvable", "TaskStatus.Solvable");
    }

    /** Position 0 of round r's shuffled order, i.e. the original index the judge picks with index 0. */
    private static int firstAfterShuffle(String qid, int round) {
        List<Integer> order = new ArrayList<>(List.of(0, 1));
        PyRandom random = Seeds.random(SEED, "judge-shuffle", "G1_instruction", qid, round);
        random.shuffle(order);
        return order.getFirst();
    }

    @Test
    void differing_pass_rate_labels_decide_every_round_without_a_call_and_leave_it_incomplete() {
        ScriptedJudge judge = new ScriptedJudge(Map.of());
        GroupPreference result = evaluate(judge, List.of("1073"), Map.of("1073", cells("passed", "AnswerStatus.Solved")),
                Map.of("1073", cells("failed", "AnswerStatus.Unsolved")), converted(CAND));
        QueryPreference q = result.queries().getFirst();
        assertThat(q.referenceWins()).isEqualTo(2);
        assertThat(q.roundsComplete()).containsOnly(false);
        assertThat(judge.log).isEmpty();
        assertThat(result.losses()).isEqualTo(1);
    }

    @Test
    void two_solved_statuses_from_the_pass_rate_go_to_select_better_answer_through_the_shuffle() {
        ScriptedJudge judge = new ScriptedJudge(Map.of());
        Map<String, String> solved = cells("passed", "AnswerStatus.Solved");
        GroupPreference result = evaluate(judge, List.of("608"), Map.of("608", solved), Map.of("608", solved), converted(CAND));
        QueryPreference q = result.queries().getFirst();
        int expectedCandidate = 0;
        for (int round = 0; round < 2; round++) {
            expectedCandidate += firstAfterShuffle("608", round);
        }
        assertThat(q.candidateWins()).isEqualTo(expectedCandidate);
        assertThat(q.referenceWins()).isEqualTo(2 - expectedCandidate);
        assertThat(judge.count("608", JudgeFunction.SELECT_BETTER_ANSWER)).isEqualTo(2);
        assertThat(judge.count("608", JudgeFunction.CHECK_ANSWER_STATUS)).isZero();
        assertThat(q.roundsComplete()).containsOnly(true);
    }

    @Test
    void without_pass_rate_results_each_answer_is_checked_and_the_only_solved_one_wins() {
        ScriptedJudge judge = new ScriptedJudge(Map.of(REF, "Unsolved", CAND, "Solved"));
        GroupPreference result = evaluate(judge, List.of("1073"), null, null, converted(CAND));
        assertThat(result.queries().getFirst().candidateWins()).isEqualTo(2);
        assertThat(judge.count("1073", JudgeFunction.CHECK_ANSWER_STATUS)).isEqualTo(4);
        assertThat(judge.count("1073", JudgeFunction.SELECT_BETTER_ANSWER)).isZero();
    }

    @Test
    void an_index_outside_the_candidates_is_asked_again() {
        ScriptedJudge judge = new ScriptedJudge(Map.of(REF, "Solved", CAND, "Solved"));
        judge.indices.addAll(List.of(5, 7, 1));
        GroupPreference result = PreferenceEvaluator.builder(judge).rule(PassRateRule.V2).rounds(1).seed(SEED).build()
                .evaluate("G1_instruction", List.of("1073"), new PreferenceEvaluator.Side(REF, converted(REF), null),
                        new PreferenceEvaluator.Side(CAND, converted(CAND), null));
        assertThat(judge.count("1073", JudgeFunction.SELECT_BETTER_ANSWER)).isEqualTo(3);
        int winnerOriginal = firstAfterShuffle("1073", 0) == 0 ? 1 : 0; // index 1 = the second of the shuffled pair
        assertThat(result.queries().getFirst().candidateWins()).isEqualTo(winnerOriginal);
    }

    @Test
    void three_bad_indices_leave_the_round_unjudged_and_the_evaluation_goes_on() {
        ScriptedJudge judge = new ScriptedJudge(Map.of(REF, "Solved", CAND, "Solved"));
        judge.indices.addAll(List.of(9, 9, 9));
        GroupPreference result = PreferenceEvaluator.builder(judge).rule(PassRateRule.V2).rounds(2).seed(SEED).threads(1).build()
                .evaluate("G1_instruction", List.of("1073"), new PreferenceEvaluator.Side(REF, converted(REF), null),
                        new PreferenceEvaluator.Side(CAND, converted(CAND), null));
        QueryPreference q = result.queries().getFirst();
        assertThat(q.roundsComplete()).containsExactly(false, true);
        assertThat(q.referenceWins() + q.candidateWins()).isEqualTo(1);
        assertThat(result.notJudged()).singleElement().asString().contains("1073/0").contains("Index 9 not found!");
    }

    @Test
    void identical_answers_get_a_seeded_random_pick_without_a_select_call() {
        ScriptedJudge judge = new ScriptedJudge(Map.of(REF, "Solved", CAND, "Solved"));
        GroupPreference result = evaluate(judge, List.of("1073", "608"), null, null, converted(REF));
        assertThat(judge.count("1073", JudgeFunction.SELECT_BETTER_ANSWER)).isZero();
        assertThat(result.queries()).allSatisfy(q -> assertThat(q.referenceWins() + q.candidateWins()).isEqualTo(2));
    }

    @Test
    void all_unsolved_asks_for_the_task_status_then_selects() {
        ScriptedJudge judge = new ScriptedJudge(Map.of(REF, "Unsolved", CAND, "Unsolved"));
        evaluate(judge, List.of("1073"), null, null, converted(CAND));
        assertThat(judge.count("1073", JudgeFunction.CHECK_TASK_SOLVABLE)).isEqualTo(2);
        assertThat(judge.count("1073", JudgeFunction.SELECT_BETTER_ANSWER)).isEqualTo(2);
    }
}
