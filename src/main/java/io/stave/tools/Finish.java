package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.py.PyJson;
import io.stave.bench.py.PyStrings;

/**
 * The Finish function's local observations (toolbench.md §5.2). The two error texts are not
 * valid JSON on purpose: ToolBench sends exactly these characters.
 */
public final class Finish {

    public static final String NAME = "Finish";

    static final String NO_RETURN_TYPE = "{error:\"must have \"return_type\"\"}";
    static final String GIVE_UP = "{\"response\":\"chose to give up and restart\"}";
    static final String NO_FINAL_ANSWER = "{error:\"must have \"final_answer\"\"}";
    static final String GIVE_ANSWER = "{\"response\":\"successfully giving the final answer.\"}";
    static final String BAD_RETURN_TYPE = "{error:\"\"return_type\" is not a valid choice\"}";

    private static final String RETURN_TYPE_MARK = "\"return_type\": \"";
    private static final String FINAL_ANSWER_MARK = "\"final_answer\": \"";

    private Finish() {}

    /** The observation (status 2, 3 or 4) for a Finish call with the raw argument string {@code arguments}. */
    public static Observation observe(String arguments) {
        Fields fields = parse(arguments);
        if (!fields.hasReturnType()) {
            return Observation.local(NO_RETURN_TYPE, StatusCodes.BAD_FINISH);
        }
        if ("give_up_and_restart".equals(fields.returnType())) {
            return Observation.local(GIVE_UP, StatusCodes.GIVE_UP);
        }
        if ("give_answer".equals(fields.returnType())) {
            return fields.hasFinalAnswer()
                    ? Observation.local(GIVE_ANSWER, StatusCodes.GIVE_ANSWER)
                    : Observation.local(NO_FINAL_ANSWER, StatusCodes.BAD_FINISH);
        }
        return Observation.local(BAD_RETURN_TYPE, StatusCodes.BAD_FINISH);
    }

    /** What the check needs: is there a return type (and which, when it is a string), is there a final answer. */
    private record Fields(boolean hasReturnType, String returnType, boolean hasFinalAnswer) {}

    private static Fields parse(String x) {
        JsonNode json;
        try {
            json = PyJson.loads(x);
        } catch (RuntimeException e) {
            json = null;
        }
        if (json != null && json.isObject()) {
            JsonNode returnType = json.get("return_type");
            return new Fields(returnType != null, returnType != null && returnType.isTextual()
                    ? returnType.textValue() : null, json.has("final_answer"));
        }
        // Not JSON: ToolBench falls back to substring search on the raw text.
        String returnType = null;
        if (x.contains(RETURN_TYPE_MARK)) {
            if (x.contains(RETURN_TYPE_MARK + "give_answer\"")) {
                returnType = "give_answer";
            } else if (x.contains(RETURN_TYPE_MARK + "give_up_and_restart\"")) {
                returnType = "give_up_and_restart";
            } else {
                int start = PyStrings.find(x, RETURN_TYPE_MARK) + PyStrings.len(RETURN_TYPE_MARK);
                returnType = PyStrings.slice(x, start, PyStrings.find(x, "\","));
            }
        }
        return new Fields(returnType != null, returnType, x.contains(FINAL_ANSWER_MARK));
    }
}
