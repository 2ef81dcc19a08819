package io.stave.eval.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The parsed arguments of the function the judge called, as ToolEval reads them. */
public record JudgeReply(ObjectNode arguments) {

    /** The verdict field ({@code answer_status}, {@code task_status} or {@code index}). */
    public JsonNode result(JudgeFunction function) {
        return arguments.get(function.resultField());
    }

    /** {@code ret['reason']}; empty when the call did not ask for one. */
    public String reason() {
        JsonNode reason = arguments.get("reason");
        return reason == null || reason.isNull() ? "" : reason.isTextual() ? reason.asText() : reason.toString();
    }
}
