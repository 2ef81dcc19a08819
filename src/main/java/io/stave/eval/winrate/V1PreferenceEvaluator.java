package io.stave.eval.winrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.bench.py.PyRandom;
import io.stave.bench.py.PyRepr;
import io.stave.eval.Seeds;
import io.stave.eval.judge.Judge;
import io.stave.eval.judge.JudgeCall;
import io.stave.eval.judge.JudgeContext;
import io.stave.eval.judge.JudgeException;
import io.stave.eval.judge.JudgeFunction;
import io.stave.eval.judge.JudgeReply;
import io.stave.eval.tooleval.ToolEvalChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ToolEval v1's preference (§11.2) with the {@code tooleval_gpt-3.5-turbo_normalized} evaluator:
 * one sample per query; the processed answers are shuffled, then {@code normalized_openai_completions}
 * decides — by {@code check_solve_query} on non-empty final answers, fewer steps, and
 * {@code select_best_final_answer} among equals, or by the score of {@code parse_answer_details}.
 * With the {@code fn} evaluators one {@code choose_preference} call decides instead.
 * Queries answered by only one side are left out (the v1 leaderboard counts 99 queries for a group
 * where the candidate answered 99), with a warning.
 */
public final class V1PreferenceEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(V1PreferenceEvaluator.class);
    private static final int SELECT_ATTEMPTS = 3;

    private final Judge judge;
    private final long seed;
    private final boolean choosePreference;

    /** With the {@code normalized} evaluator. */
    public V1PreferenceEvaluator(Judge judge, long seed) {
        this(judge, seed, false);
    }

    /**
     * @param choosePreference true for the {@code fn} evaluators (one {@code choose_preference} call
     *                         over the task description and both answers), false for {@code normalized}
     */
    public V1PreferenceEvaluator(Judge judge, long seed, boolean choosePreference) {
        this.judge = judge;
        this.seed = seed;
        this.choosePreference = choosePreference;
    }

    /** Preferences of every test id that both converted files answer. */
    public GroupPreference evaluate(String group, List<String> testIds, ObjectNode reference, String referenceModel,
            ObjectNode candidate, String candidateModel) {
        List<QueryPreference> queries = new ArrayList<>();
        List<String> notJudged = new ArrayList<>();
        for (String qid : testIds) {
            JsonNode ref = reference.get(qid);
            JsonNode cand = candidate.get(qid);
            if (ref == null || cand == null) {
                LOG.warn("query {} of {} answered by {} only: left out of the v1 win rate", qid, group,
                        ref == null ? candidateModel : referenceModel);
                continue;
            }
            try {
                int preferred = annotatePreference(group, qid, ref.path("query"),
                        PreferenceEvaluator.processTools(ref.path("available_tools")),
                        List.of(PreferenceEvaluator.processAnswer(ref.path("answer")),
                                PreferenceEvaluator.processAnswer(cand.path("answer"))),
                        List.of(referenceModel, candidateModel));
                queries.add(new QueryPreference(qid, preferred == 0 ? 1 : 0, preferred == 1 ? 1 : 0, List.of(true)));
            } catch (JudgeException e) {
                notJudged.add(qid + ": " + e.getMessage());
            }
        }
        notJudged.forEach(line -> LOG.warn("not judged: {}", line));
        return new GroupPreference(group, referenceModel, candidateModel, queries, notJudged);
    }

    /** {@code annotate_preference} over [reference, candidate]: 0 when the reference is preferred, 1 otherwise. */
    int annotatePreference(String group, String qid, JsonNode query, ArrayNode tools, List<ObjectNode> answers,
            List<String> models) {
        PyRandom random = Seeds.random(seed, "v1-shuffle", group, qid, 0);
        List<Integer> order = new ArrayList<>(List.of(0, 1));
        random.shuffle(order);
        List<ObjectNode> shuffled = order.stream().map(answers::get).toList();
        List<String> shuffledModels = order.stream().map(models::get).toList();
        if (choosePreference) {
            return order.get(openAiCompletions(group, qid, ToolEvalChecks.task(query, tools), shuffled, shuffledModels));
        }
        PyRandom ties = Seeds.random(seed, "v1-ties", group, qid, 0);
        return order.get(normalizedCompletions(group, qid, query.asText(), shuffled, shuffledModels, ties));
    }

    /**
     * {@code openai_completions} of the {@code fn} evaluators: {@code choose_preference} with
     * {@code task_description = py_json({query, available_tools})} and {@code answers = py_json([a0, a1])};
     * an index outside [0, 1] is asked again.
     */
    private int openAiCompletions(String group, String qid, ObjectNode task, List<ObjectNode> answers, List<String> models) {
        ArrayNode pair = Json.NODES.arrayNode();
        answers.forEach(pair::add);
        Map<String, String> args = new LinkedHashMap<>();
        args.put("task_description", PyJson.dumps(task));
        args.put("answers", PyJson.dumps(pair));
        JudgeCall call = new JudgeCall(JudgeFunction.CHOOSE_PREFERENCE, args, false, JudgeContext.forPair(group, qid, models, 0), 0);
        String problem = "";
        for (int attempt = 0; attempt < SELECT_ATTEMPTS; attempt++) {
            JsonNode index = judge.call(call.withAttempt(attempt)).result(JudgeFunction.CHOOSE_PREFERENCE);
            int chosen = index.isNumber() ? index.intValue() : (int) Double.parseDouble(index.asText().trim());
            if (chosen == 0 || chosen == 1) {
                return chosen;
            }
            problem = "preference " + chosen + " is not 0 or 1";
        }
        throw new JudgeException("judge " + judge.id() + ": choose_preference for query " + qid + " failed after "
                + SELECT_ATTEMPTS + " attempts: " + problem);
    }

    /** {@code normalized_openai_completions}: the position (in shuffled order) of the preferred answer. */
    int normalizedCompletions(String group, String qid, String query, List<ObjectNode> answers, List<String> models,
            PyRandom random) {
        List<Integer> withAnswer = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (!finalAnswer(answers.get(i)).isEmpty()) {
                withAnswer.add(i);
            }
        }
        if (withAnswer.size() == 1) {
            return withAnswer.getFirst();
        }
        if (withAnswer.isEmpty()) {
            return compareAnswerDetails(group, qid, answers, models, random);
        }
        List<Integer> solved = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Map<String, String> args = new LinkedHashMap<>();
            args.put("query", query);
            args.put("final_answer", finalAnswer(answers.get(i)));
            JudgeReply reply = ask(JudgeFunction.CHECK_SOLVE_QUERY, args, JudgeContext.forAnswer(group, qid, models.get(i), 0));
            if (reply.result(JudgeFunction.CHECK_SOLVE_QUERY).asBoolean(false)) {
                solved.add(i);
            }
        }
        if (solved.size() == 1) {
            return solved.getFirst();
        }
        if (solved.isEmpty()) {
            return compareAnswerDetails(group, qid, answers, models, random);
        }
        int fewest = solved.stream().mapToInt(i -> totalSteps(answers.get(i))).min().orElseThrow();
        List<Integer> tied = solved.stream().filter(i -> totalSteps(answers.get(i)) == fewest).toList();
        return tied.size() == 1 ? tied.getFirst() : selectBestFinalAnswer(group, qid, query, tied, answers, models, random);
    }

    /** Among answers with the same steps: a random one when their final answers are identical, else the judge's pick. */
    private int selectBestFinalAnswer(String group, String qid, String query, List<Integer> tied, List<ObjectNode> answers,
            List<String> models, PyRandom random) {
        List<String> finalAnswers = tied.stream().map(i -> finalAnswer(answers.get(i))).toList();
        if (finalAnswers.stream().distinct().count() == 1) {
            return random.choice(tied);
        }
        Map<String, String> args = new LinkedHashMap<>();
        args.put("query", query);
        args.put("final_answers", PyRepr.str(finalAnswers));
        JudgeCall call = new JudgeCall(JudgeFunction.SELECT_BEST_FINAL_ANSWER, args, false,
                JudgeContext.forPair(group, qid, tied.stream().map(models::get).toList(), 0), 0);
        String problem = "";
        for (int attempt = 0; attempt < SELECT_ATTEMPTS; attempt++) {
            JsonNode index = judge.call(call.withAttempt(attempt)).result(JudgeFunction.SELECT_BEST_FINAL_ANSWER);
            int chosen = index.isNumber() ? index.intValue() : (int) Double.parseDouble(index.asText().trim());
            if (chosen >= 0 && chosen < tied.size()) {
                return tied.get(chosen);
            }
            problem = "best_answer_index " + chosen + " is not in [0, " + tied.size() + ")";
        }
        throw new JudgeException("judge " + judge.id() + ": select_best_final_answer for query " + qid + " failed after "
                + SELECT_ATTEMPTS + " attempts: " + problem);
    }

    /** The highest {@link #detailScore} wins; equal scores are decided at random. */
    private int compareAnswerDetails(String group, String qid, List<ObjectNode> answers, List<String> models, PyRandom random) {
        double best = Double.NEGATIVE_INFINITY;
        List<Integer> leaders = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Map<String, String> args = Map.of("answer_details", PyRepr.str(answers.get(i).path("answer_details")));
            JudgeReply reply = ask(JudgeFunction.PARSE_ANSWER_DETAILS, args, JudgeContext.forAnswer(group, qid, models.get(i), 0));
            double score = detailScore(number(reply.arguments().path("succeed_tool_calling")),
                    number(reply.arguments().path("used_tool_types")), totalSteps(answers.get(i)));
            if (score > best) {
                best = score;
                leaders.clear();
            }
            if (score == best) {
                leaders.add(i);
            }
        }
        return leaders.size() == 1 ? leaders.getFirst() : random.choice(leaders);
    }

    /** 10 · successful calls + 5 · tool types − 5 · ln(steps); −100000 without steps. */
    static double detailScore(double succeedToolCalling, double usedToolTypes, int totalSteps) {
        if (totalSteps <= 0) {
            return -100000;
        }
        return 10 * succeedToolCalling + 5 * usedToolTypes - 5 * Math.log(totalSteps);
    }

    private JudgeReply ask(JudgeFunction function, Map<String, String> args, JudgeContext context) {
        return judge.call(new JudgeCall(function, args, false, context, 0));
    }

    private static double number(JsonNode value) {
        return value.isNumber() ? value.doubleValue() : Double.parseDouble(value.asText("0").trim());
    }

    private static String finalAnswer(JsonNode answer) {
        return answer.path("final_answer").asText("");
    }

    private static int totalSteps(JsonNode answer) {
        return answer.path("total_steps").asInt(0);
    }
}
