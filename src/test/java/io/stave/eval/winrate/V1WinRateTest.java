package io.stave.eval.winrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.eval.EvalFiles;
import io.stave.eval.judge.Judge;
import io.stave.eval.judge.JudgeCall;
import io.stave.eval.judge.JudgeFunction;
import io.stave.eval.judge.JudgeReply;
import io.stave.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** ToolEval v1's normalized preference (§11.2) and its leaderboard (§11.3) on the v1 reference set. */
class V1WinRateTest {

    private static final String REF = "gpt-3.5-turbo_CoT";
    private static final String CAND = "candidate";
    private static final Path RESULTS = Shared.toolBench().resolve("toolbench/tooleval/results");

    /** Answers each v1 function through a function of the call; every call logged. */
    static final class ScriptedJudge implements Judge {
        final Function<JudgeCall, ObjectNode> script;
        final List<String> log = Collections.synchronizedList(new ArrayList<>());

        ScriptedJudge(Function<JudgeCall, ObjectNode> script) {
            this.script = script;
        }

        @Override
        public JudgeReply call(JudgeCall call) {
            log.add(call.function().functionName());
            return new JudgeReply(script.apply(call));
        }

        long count(JudgeFunction f) {
            return log.stream().filter(f.functionName()::equals).count();
        }

        @Override
        public String id() {
            return "scripted";
        }
    }

    private static ObjectNode reference() {
        return EvalFiles.readObject(RESULTS.resolve("default_evalset/" + REF + "/G1_instruction.json"));
    }

    private static List<String> ids(ObjectNode converted) {
        List<String> ids = new ArrayList<>();
        converted.fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private static ObjectNode edited(ObjectNode reference, java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode copy = reference.deepCopy();
        copy.properties().forEach(e -> edit.accept((ObjectNode) e.getValue().get("answer")));
        return copy;
    }

    private static long nonEmptyFinalAnswers(ObjectNode converted) {
        return converted.properties().stream().filter(e -> !e.getValue().at("/answer/final_answer").asText().isEmpty()).count();
    }

    private static ObjectNode args(String field, Object value) {
        ObjectNode o = Json.NODES.objectNode();
        if (value instanceof Boolean b) {
            o.put(field, b);
        } else {
            o.put(field, ((Number) value).intValue());
        }
        return o;
    }

    @Test
    void a_candidate_that_gives_up_loses_every_query_with_a_final_answer_without_a_judge_call() {
        ObjectNode ref = reference();
        ObjectNode cand = edited(ref, a -> a.put("final_answer", ""));
        ScriptedJudge judge = new ScriptedJudge(call -> {
            // a list argument is rendered with Python's str(): single-quoted keys, no JSON
            assertThat(call.arguments().get("answer_details")).startsWith("[{'role': 'system', 'message': '', 'next': [{'role': 'user'");
            ObjectNode o = args("succeed_tool_calling", 1);
            o.put("used_tool_types", 1);
            return o;
        });
        GroupPreference result = new V1PreferenceEvaluator(judge, 42).evaluate("G1_instruction", ids(ref), ref, REF, cand, CAND);

        long answered = nonEmptyFinalAnswers(ref);
        assertThat(answered).isEqualTo(66);
        assertThat(result.queries()).hasSize(100);
        assertThat(judge.count(JudgeFunction.CHECK_SOLVE_QUERY)).isZero();
        // both empty: parse_answer_details for each; equal scores are decided at random
        assertThat(judge.count(JudgeFunction.PARSE_ANSWER_DETAILS)).isEqualTo(2 * (100 - answered));
        assertThat(result.losses()).isGreaterThanOrEqualTo((int) answered);
    }

    @Test
    void with_both_solved_the_answer_with_fewer_steps_wins_and_details_decide_when_both_are_empty() {
        ObjectNode ref = reference();
        ObjectNode cand = edited(ref, a -> a.put("total_steps", a.get("total_steps").asInt() + 1));
        ScriptedJudge judge = new ScriptedJudge(call -> switch (call.function()) {
            case CHECK_SOLVE_QUERY -> args("is_solved", true);
            default -> {
                ObjectNode o = args("succeed_tool_calling", 2);
                o.put("used_tool_types", 1);
                yield o;
            }
        });
        GroupPreference result = new V1PreferenceEvaluator(judge, 42).evaluate("G1_instruction", ids(ref), ref, REF, cand, CAND);

        assertThat(result.losses()).isEqualTo(100);
        assertThat(V1Leaderboard.Rate.of(V1Leaderboard.preferences(result)).winRate()).isZero();
        assertThat(judge.count(JudgeFunction.CHECK_SOLVE_QUERY)).isEqualTo(2 * 66);
        assertThat(judge.count(JudgeFunction.PARSE_ANSWER_DETAILS)).isEqualTo(2 * 34);
        assertThat(judge.count(JudgeFunction.SELECT_BEST_FINAL_ANSWER)).isZero();
    }

    @Test
    void equal_steps_go_to_select_best_final_answer_and_an_index_out_of_range_is_asked_again() {
        ObjectNode ref = reference();
        ObjectNode cand = edited(ref, a -> {
            if (!a.get("final_answer").asText().isEmpty()) {
                a.put("final_answer", a.get("final_answer").asText() + " (checked)");
            }
        });
        int[] outOfRange = {1};
        ScriptedJudge judge = new ScriptedJudge(call -> switch (call.function()) {
            case CHECK_SOLVE_QUERY -> args("is_solved", true);
            case SELECT_BEST_FINAL_ANSWER -> {
                assertThat(call.arguments().get("final_answers")).startsWith("['").endsWith("']");
                if (outOfRange[0]-- > 0) {
                    yield args("best_answer_index", 2);
                }
                yield args("best_answer_index", call.context().answerModels().indexOf(CAND));
            }
            default -> {
                ObjectNode o = args("succeed_tool_calling", CAND.equals(call.context().model()) ? 3 : 1);
                o.put("used_tool_types", 1);
                yield o;
            }
        });
        GroupPreference result = new V1PreferenceEvaluator(judge, 42).evaluate("G1_instruction", ids(ref), ref, REF, cand, CAND);

        // process_answer cuts final answers to 1,000 code points: long ones become identical again,
        // and identical tied answers are picked at random without a call
        long cutToSame = ref.properties().stream().map(e -> e.getValue().at("/answer/final_answer").asText())
                .filter(f -> f.codePointCount(0, f.length()) >= 1000).count();
        assertThat(cutToSame).isEqualTo(9);
        assertThat(judge.count(JudgeFunction.SELECT_BEST_FINAL_ANSWER)).isEqualTo(66 - cutToSame + 1);
        assertThat(result.wins()).isBetween(100 - (int) cutToSame, 100);
        assertThat(result.notJudged()).isEmpty();
    }

    @Test
    void queries_answered_by_one_side_only_are_left_out() {
        ObjectNode ref = reference();
        ObjectNode cand = ref.deepCopy();
        String dropped = ids(ref).getFirst();
        cand.remove(dropped);
        ScriptedJudge judge = new ScriptedJudge(call -> call.function() == JudgeFunction.CHECK_SOLVE_QUERY
                ? args("is_solved", false) : args("succeed_tool_calling", 0));
        GroupPreference result = new V1PreferenceEvaluator(judge, 42).evaluate("G1_instruction", ids(ref), ref, REF, cand, CAND);

        assertThat(result.queries()).hasSize(99);
        assertThat(result.queries()).extracting(QueryPreference::qid).doesNotContain(dropped);
        assertThat(result.notJudged()).isEmpty();
    }

    @Test
    void the_fn_evaluator_asks_choose_preference_once_with_processed_tools_and_answers_in_shuffled_order() {
        ObjectNode ref = reference();
        ObjectNode cand = ref.deepCopy();
        List<JsonNode> tasks = new ArrayList<>();
        ScriptedJudge judge = new ScriptedJudge(call -> {
            tasks.add(Json.parse(call.arguments().get("task_description")));
            JsonNode answers = Json.parse(call.arguments().get("answers"));
            assertThat(answers).hasSize(2);
            assertThat(answers.get(0).has("method")).isFalse();
            return args("preference", call.context().answerModels().indexOf(CAND));
        });
        GroupPreference result = new V1PreferenceEvaluator(judge, 42, true).evaluate("G1_instruction", ids(ref), ref, REF, cand, CAND);

        assertThat(result.wins()).isEqualTo(100);
        assertThat(judge.count(JudgeFunction.CHOOSE_PREFERENCE)).isEqualTo(100);
        JsonNode first = tasks.getFirst();
        assertThat(first.fieldNames()).toIterable().containsExactly("query", "available_tools");
        assertThat(first.get("available_tools")).allSatisfy(t -> {
            assertThat(t.has("description")).isFalse();
            assertThat(t.has("parameters")).isFalse();
            assertThat(t.has("name")).isTrue();
        });
    }

    @Test
    void detail_score_is_ten_per_success_five_per_tool_type_minus_five_ln_steps() {
        assertThat(V1PreferenceEvaluator.detailScore(3, 2, 4)).isCloseTo(30 + 10 - 5 * Math.log(4), within(1e-12));
        assertThat(V1PreferenceEvaluator.detailScore(3, 2, 1)).isEqualTo(40.0);
        assertThat(V1PreferenceEvaluator.detailScore(9, 9, 0)).isEqualTo(-100000.0);
    }

    @Test
    void leaderboard_rows_rebuilt_from_group_counts_reproduce_the_published_v1_leaderboard() throws Exception {
        Path published = RESULTS.resolve("leaderboard###default_evalset###tooleval_gpt-3.5-turbo_normalized###gpt-3.5-turbo_CoT.csv");
        List<String> lines = Files.readAllLines(published);
        String[] header = lines.getFirst().split(",");
        List<String> groups = new ArrayList<>();
        for (String column : header) {
            if (column.endsWith("_WinRate")) {
                groups.add(column.substring(0, column.length() - "_WinRate".length()));
            }
        }
        List<V1Leaderboard.Row> rows = new ArrayList<>();
        Map<String, String[]> publishedRows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            publishedRows.put(cells[0], cells);
            if (cells[0].equals(REF)) {
                continue; // the reference's own row is 0.5 by definition, not a measured preference
            }
            Map<String, List<Integer>> prefs = new LinkedHashMap<>();
            for (int g = 0; g < groups.size(); g++) {
                prefs.put(groups.get(g), binary(Double.parseDouble(cells[3 + g])));
            }
            rows.add(V1Leaderboard.row(cells[0], prefs));
        }
        String written = V1Leaderboard.leaderboardCsv(groups, rows);
        List<String> out = written.lines().toList();
        assertThat(out.getFirst()).isEqualTo(lines.getFirst());
        assertThat(out).hasSize(lines.size() - 1);
        for (String line : out.subList(1, out.size())) {
            String[] mine = line.split(",");
            String[] theirs = publishedRows.get(mine[0]);
            for (int c = 1; c < mine.length; c++) {
                assertThat(Double.parseDouble(mine[c])).as(mine[0] + " " + header[c])
                        .isCloseTo(Double.parseDouble(theirs[c]), within(1e-12));
            }
        }
        V1Leaderboard.Row oneK = rows.stream().filter(r -> r.method().equals("llama-65B-finetuned-1k_CoT")).findFirst().orElseThrow();
        assertThat(oneK.overall().queries()).isEqualTo(599);
        assertThat(oneK.overall().winRate()).isEqualTo(399.0 / 599);
        assertThat(V1Leaderboard.winCsv(oneK)).startsWith(",Method,Win Rate,Std Error\n0,llama-65B-finetuned-1k_CoT,0.666110183639399");
    }

    /** The preferences of a group rate: n = the largest count up to 100 at which the rate is a whole number of wins. */
    private static List<Integer> binary(double rate) {
        for (int n = 100; n > 0; n--) {
            double wins = rate * n;
            if (Math.abs(wins - Math.rint(wins)) < 1e-9) {
                List<Integer> prefs = new ArrayList<>(Collections.nCopies((int) Math.rint(wins), 1));
                prefs.addAll(Collections.nCopies(n - (int) Math.rint(wins), 0));
                return prefs;
            }
        }
        throw new AssertionError("no group size gives " + rate);
    }
}
