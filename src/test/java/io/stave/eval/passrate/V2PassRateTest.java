package io.stave.eval.passrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import io.stave.eval.EvalFiles;
import io.stave.eval.Seeds;
import io.stave.eval.judge.Judge;
import io.stave.eval.judge.JudgeCall;
import io.stave.eval.judge.JudgeFunction;
import io.stave.eval.judge.JudgeReply;
import io.stave.eval.tooleval.AnswerPass;
import io.stave.eval.tooleval.AnswerStatus;
import io.stave.eval.tooleval.TaskStatus;
import io.stave.testing.Shared;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ToolEval v2's pass-rate procedure (§9.3, §9.4) on the example's converted CoT answers with a scripted judge. */
class V2PassRateTest {

    private static final Path CONVERTED = Path.of("data_example/model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json");

    /** Answers every function from a per-query script and counts the calls per (query, function). */
    static class ScriptedJudge implements Judge {
        final Map<String, Map<JudgeFunction, String>> script;
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        ScriptedJudge(Map<String, Map<JudgeFunction, String>> script) {
            this.script = script;
        }

        @Override
        public JudgeReply call(JudgeCall call) {
            calls.computeIfAbsent(call.context().qid() + ":" + call.function(), k -> new AtomicInteger()).incrementAndGet();
            ObjectNode args = Json.NODES.objectNode();
            args.put(call.function().resultField(), script.get(call.context().qid()).get(call.function()));
            args.put("reason", call.function().functionName() + " says so");
            return new JudgeReply(args);
        }

        int calls(String qid, JudgeFunction f) {
            AtomicInteger n = calls.get(qid + ":" + f);
            return n == null ? 0 : n.get();
        }

        @Override
        public String id() {
            return "scripted";
        }
    }

    private static ScriptedJudge judge() {
        return new ScriptedJudge(Map.of(
                "1073", Map.of(JudgeFunction.CHECK_ANSWER_STATUS, "Unsure", JudgeFunction.PARSE_ANSWER_STATUS, "Unsolved",
                        JudgeFunction.CHECK_TASK_SOLVABLE, "Unsolvable"),
                "608", Map.of(JudgeFunction.CHECK_ANSWER_STATUS, "Unsure", JudgeFunction.PARSE_ANSWER_STATUS, "Unsure",
                        JudgeFunction.CHECK_TASK_SOLVABLE, "Solvable")));
    }

    private static GroupPassRate evaluate(Judge judge, List<String> testIds, long seed) {
        Path file = Shared.stableToolBench().resolve(CONVERTED);
        return PassRateEvaluator.builder(judge).rule(PassRateRule.V2).times(7).seed(seed).build()
                .evaluate(file, EvalFiles.readObject(file), testIds, "G1_instruction", "virtual_chatgpt_cot");
    }

    private static QueryPassRate query(GroupPassRate result, String qid) {
        return result.queries().stream().filter(q -> q.qid().equals(qid)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
        "Solved, Solvable, Passed", "Solved, Unsure, Passed", "Solved, Unsolvable, Passed",
        "Unsolved, Solvable, Failed", "Unsolved, Unsure, Unsure", "Unsolved, Unsolvable, Passed",
        "Unsure, Solvable, Unsure", "Unsure, Unsure, Unsure", "Unsure, Unsolvable, Passed"})
    void is_passed_follows_the_toolEval_table(AnswerStatus answer, TaskStatus task, AnswerPass expected) {
        assertThat(AnswerPass.of(answer, task)).isEqualTo(expected);
    }

    @Test
    void unsure_escalates_to_parse_answer_status_and_an_unsolvable_task_passes() {
        ScriptedJudge judge = judge();
        QueryPassRate q = query(evaluate(judge, null, 42), "1073");
        assertThat(q.passed()).isEqualTo(7);
        assertThat(q.runs()).allSatisfy(r -> {
            assertThat(r.answerStatus()).isEqualTo(AnswerStatus.Unsolved);
            assertThat(r.taskStatus()).isEqualTo(TaskStatus.Unsolvable);
            assertThat(r.reason()).isEqualTo("Is solved: parse_answer_status says so\nTask solvable: check_task_solvable says so");
        });
        assertThat(judge.calls("1073", JudgeFunction.CHECK_ANSWER_STATUS)).isEqualTo(7);
        assertThat(judge.calls("1073", JudgeFunction.PARSE_ANSWER_STATUS)).isEqualTo(7);
    }

    @Test
    void an_answer_without_finish_fails_without_any_judge_call() {
        ScriptedJudge judge = judge();
        QueryPassRate q = query(evaluate(judge, null, 42), "588");
        assertThat(q.failed()).isEqualTo(7);
        assertThat(q.passes()).isFalse();
        assertThat(q.runs()).allSatisfy(r -> assertThat(r.reason()).isEqualTo("No answer"));
        assertThat(judge.calls.keySet()).noneMatch(k -> k.startsWith("588:"));
    }

    @Test
    void unsure_outcomes_are_decided_by_a_coin_seeded_per_query_and_run() {
        for (long seed : new long[] {42, 7, 1234}) {
            QueryPassRate q = query(evaluate(judge(), null, seed), "608");
            int expectedPassed = 0;
            for (int run = 0; run < 7; run++) {
                boolean heads = Seeds.random(seed, "judge-coin", "G1_instruction", "608", run).random() < 0.5;
                assertThat(q.run(run).orElseThrow().label()).isEqualTo(heads ? "passed" : "failed");
                expectedPassed += heads ? 1 : 0;
            }
            assertThat(q.passed()).isEqualTo(expectedPassed);
            assertThat(q.passes()).isEqualTo(q.failed() <= q.passed());
        }
    }

    @Test
    void strict_denominator_counts_a_missing_answer_as_a_failure() {
        GroupPassRate result = evaluate(judge(), List.of("588", "608", "1073", "999"), 42);
        assertThat(result.evaluated()).isEqualTo(3);
        assertThat(result.testSetSize()).isEqualTo(4);
        assertThat(result.passRate()).isEqualTo(result.passing() / 3.0);
        assertThat(result.passRateOverTestSet()).isEqualTo(result.passing() / 4.0);
    }

    @Test
    void converted_answers_of_another_group_are_refused_with_the_file_named() {
        assertThatThrownBy(() -> evaluate(judge(), List.of("1", "2"), 42))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("G1_instruction.json")
                .hasMessageContaining("found none of them");
    }

    @Test
    void v2_files_read_back_keep_the_label_counts() {
        GroupPassRate result = evaluate(judge(), null, 42);
        String json = PassRateFiles.renderJson(result);
        ObjectNode parsed = (ObjectNode) Json.parse(json);
        assertThat(parsed.get("1073").fieldNames()).toIterable().containsExactly("passed", "failed", "query",
                "task_solvable", "tool_names", "answer_steps", "final_step", "is_solved", "reason", "not_hallucinate");
        assertThat(parsed.at("/1073/task_solvable").asText()).isEqualTo("TaskStatus.Unsolvable");
        String csv = PassRateFiles.renderCsv(result, 42);
        assertThat(csv).startsWith(String.join("\t", PassRateFiles.V2_HEADER) + "\r\n");
        assertThat(csv.split("\r\n")[0].split("\t")).hasSize(11);
    }

    @Test
    void a_judge_that_keeps_failing_on_one_query_leaves_it_unjudged_and_the_rest_is_scored() {
        ScriptedJudge judge = new ScriptedJudge(judge().script) {
            @Override
            public JudgeReply call(JudgeCall call) {
                if (call.context().qid().equals("608")) {
                    throw new io.stave.eval.judge.JudgeException("judge scripted: check_answer_status for query 608 failed after 3 attempts: "
                            + "function arguments are not JSON");
                }
                return super.call(call);
            }
        };
        GroupPassRate result = evaluate(judge, null, 42);
        assertThat(result.queries()).extracting(QueryPassRate::qid).containsExactlyInAnyOrder("588", "1073");
        assertThat(result.notJudged()).hasSize(7).allSatisfy(line -> assertThat(line).startsWith("608/").contains("not JSON"));
        assertThat(result.passRate()).isEqualTo(0.5);
    }

    @Test
    void recorded_v2_files_re_aggregate_to_the_same_label_counts(@org.junit.jupiter.api.io.TempDir Path dir) {
        GroupPassRate original = evaluate(judge(), null, 42);
        PassRateFiles.write(dir, original, 42, "scripted");
        // Another seed: the replay must not depend on the original coins.
        GroupPassRate replayed = evaluate(io.stave.eval.judge.RecordedJudge.load(dir), null, 9);

        for (QueryPassRate q : original.queries()) {
            QueryPassRate r = query(replayed, q.qid());
            assertThat(r.passed()).as(q.qid()).isEqualTo(q.passed());
            assertThat(r.failed()).as(q.qid()).isEqualTo(q.failed());
        }
        assertThat(replayed.passRate()).isEqualTo(original.passRate());
    }
}
