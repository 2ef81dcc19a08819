package io.stave.eval.judge;

/**
 * The functions of ToolEval's evaluators and the field each one answers with: the four of v2
 * (§9.1), the three of v1's {@code normalized} evaluator and the one of v1's {@code fn} evaluators
 * (§11.2).
 */
public enum JudgeFunction {
    CHECK_ANSWER_STATUS("check_answer_status", "answer_status"),
    PARSE_ANSWER_STATUS("parse_answer_status", "answer_status"),
    CHECK_TASK_SOLVABLE("check_task_solvable", "task_status"),
    SELECT_BETTER_ANSWER("select_better_answer", "index"),
    /** v1: also answers {@code used_tool_types}. */
    PARSE_ANSWER_DETAILS("parse_answer_details", "succeed_tool_calling"),
    SELECT_BEST_FINAL_ANSWER("select_best_final_answer", "best_answer_index"),
    CHECK_SOLVE_QUERY("check_solve_query", "is_solved"),
    /** v1 {@code fn} evaluators: the whole preference in one call. */
    CHOOSE_PREFERENCE("choose_preference", "preference");

    private final String functionName;
    private final String resultField;

    JudgeFunction(String functionName, String resultField) {
        this.functionName = functionName;
        this.resultField = resultField;
    }

    /** The name in the template, the config and the forced {@code function_call}. */
    public String functionName() {
        return functionName;
    }

    /** The property of the function arguments that carries the verdict. */
    public String resultField() {
        return resultField;
    }

    public static JudgeFunction byName(String name) {
        for (JudgeFunction f : values()) {
            if (f.functionName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown judge function " + name);
    }
}
