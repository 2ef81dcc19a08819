package io.stave.eval.tooleval;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.py.PyRepr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code get_steps} (§2.8): the tool nodes of the answer chain as "Step k: …" lines and the last one
 * as "Final step: …", each message written with Python {@code str()}.
 */
public record Steps(String answerSteps, String finalStep) {

    /** The substring whose presence in the final step means the answer ended with a Finish call. */
    public static final String FINISH_MARK = "'name': 'Finish'";

    public static Steps of(JsonNode example) {
        List<String> steps = new ArrayList<>();
        String finalStep = "";
        JsonNode node = example.path("answer").path("answer_details").path(0);
        while (node.isObject()) {
            JsonNode message = node.get("message");
            if ("tool".equals(node.path("role").asText()) && message != null && !isEmpty(message)) {
                String text = PyRepr.str(message);
                steps.add("Step " + (steps.size() + 1) + ": " + text);
                finalStep = "Final step: " + text;
            }
            JsonNode next = node.path("next");
            node = next.isArray() && !next.isEmpty() ? next.get(0) : null;
            if (node == null) {
                break;
            }
        }
        return new Steps(String.join("\n", steps), finalStep);
    }

    public boolean endsWithFinish() {
        return finalStep.contains(FINISH_MARK);
    }

    private static boolean isEmpty(JsonNode message) {
        return message.isNull() || (message.isTextual() && message.asText().isEmpty())
                || (message.isContainerNode() && message.isEmpty());
    }
}
