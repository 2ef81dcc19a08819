package io.stave.eval.tooleval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.PyJson;
import io.stave.bench.py.PyRandom;
import io.stave.bench.py.PyRepr;
import io.stave.eval.judge.Judge;
import io.stave.eval.judge.JudgeCall;
import io.stave.eval.judge.JudgeContext;
import io.stave.eval.judge.JudgeException;
import io.stave.eval.judge.JudgeFunction;
import io.stave.eval.judge.JudgeReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods of ToolEval's {@code ReinforceToolLearningEvaluator} (§9.3, §9.5) over a {@link Judge}:
 * {@code check_is_solved} with its escalation to {@code parse_answer_status}, {@code
 * check_task_solvable}, and {@code select_better_answer} with its identical-answer shortcut and its
 * retries on an index out of range.
 */
public final class ToolEvalChecks {

    /** {@code select_better_answer} is wrapped in {@code @retry(stop_after_attempt(3))}. */
    private static final int SELECT_ATTEMPTS = 3;

    private final Judge judge;

    public ToolEvalChecks(Judge judge) {
        this.judge = judge;
    }

    /** {@code {"query": …, "available_tools": […]}}, the task description of every call. */
    public static ObjectNode task(JsonNode query, JsonNode availableTools) {
        ObjectNode task = io.stave.bench.py.Json.NODES.objectNode();
        task.set("query", query);
        task.set("available_tools", availableTools);
        return task;
    }

    public Verdict<AnswerStatus> checkIsSolved(ObjectNode task, JsonNode answer, boolean returnReason, JudgeContext context) {
        String finalAnswer = answer.path("final_answer").asText("");
        if (finalAnswer.isEmpty() || finalAnswer.contains("give_up_and_restart")) {
            return new Verdict<>(AnswerStatus.Unsolved, returnReason ? "Empty final answer!" : "");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("query", PyRepr.str(task.get("query")));
        arguments.put("answer", finalAnswer);
        JudgeReply reply = ask(JudgeFunction.CHECK_ANSWER_STATUS, arguments, returnReason, context);
        AnswerStatus status = AnswerStatus.valueOf(reply.result(JudgeFunction.CHECK_ANSWER_STATUS).asText());
        if (status == AnswerStatus.Unsure) {
            Map<String, String> detailed = new LinkedHashMap<>();
            detailed.put("query", PyRepr.str(task.get("query")));
            detailed.put("answer", PyJson.dumps(answer));
            reply = ask(JudgeFunction.PARSE_ANSWER_STATUS, detailed, returnReason, context);
            status = AnswerStatus.valueOf(reply.result(JudgeFunction.PARSE_ANSWER_STATUS).asText());
        }
        return new Verdict<>(status, returnReason ? reply.reason() : "");
    }

    public Verdict<TaskStatus> checkTaskSolvable(ObjectNode task, boolean hasBeenSolved, boolean returnReason, JudgeContext context) {
        if (hasBeenSolved) {
            return new Verdict<>(TaskStatus.Solvable, returnReason ? "Task has been solved before." : "");
        }
        JudgeReply reply = ask(JudgeFunction.CHECK_TASK_SOLVABLE, Map.of("task", PyJson.dumps(task)), returnReason, context);
        TaskStatus status = TaskStatus.valueOf(reply.result(JudgeFunction.CHECK_TASK_SOLVABLE).asText());
        return new Verdict<>(status, returnReason ? reply.reason() : "");
    }

    /**
     * {@code select_better_answer} over two answers (positions 0 and 1 of the shuffled order):
     * identical answers get a random candidate index without a call; otherwise the judge's index
     * must be one of {@code candidates}, else the call is made again.
     */
    public int selectBetterAnswer(String query, List<Integer> candidates, List<JsonNode> answers, PyRandom random,
            JudgeContext context) {
        if (identical(answers)) {
            return random.choice(candidates);
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("query", query);
        arguments.put("answer_0", PyJson.dumps(answers.get(0)));
        arguments.put("answer_1", PyJson.dumps(answers.get(1)));
        JudgeCall call = new JudgeCall(JudgeFunction.SELECT_BETTER_ANSWER, arguments, true, context, 0);
        String problem = "";
        for (int attempt = 0; attempt < SELECT_ATTEMPTS; attempt++) {
            JudgeReply reply = judge.call(call.withAttempt(attempt));
            JsonNode index = reply.result(JudgeFunction.SELECT_BETTER_ANSWER);
            int chosen = index.isNumber() ? index.intValue() : (int) Double.parseDouble(index.asText().trim());
            if (candidates.contains(chosen)) {
                return chosen;
            }
            problem = "Index " + chosen + " not found!";
        }
        throw new JudgeException("judge " + judge.id() + ": select_better_answer for query " + context.qid()
                + " failed after " + SELECT_ATTEMPTS + " attempts: " + problem);
    }

    private static boolean identical(List<JsonNode> answers) {
        JsonNode first = answers.getFirst();
        for (JsonNode other : answers.subList(1, answers.size())) {
            if (!other.path("final_answer").equals(first.path("final_answer"))) {
                return false;
            }
            if (!PyRepr.str(other.path("answer_details")).equals(PyRepr.str(first.path("answer_details")))) {
                return false;
            }
        }
        return true;
    }

    private JudgeReply ask(JudgeFunction function, Map<String, String> arguments, boolean returnReason, JudgeContext context) {
        return judge.call(new JudgeCall(function, arguments, returnReason, context, 0));
    }
}
