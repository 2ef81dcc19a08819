package io.stave.eval.tooleval;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.py.PyRepr;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code check_has_hallucination} (§9.3), reported as {@code not_hallucinate} and never scored:
 * every tool node must name an available tool. As in the original, a check that cannot run
 * (e.g. wrapped StableToolBench tools without a top-level name) counts as no hallucination.
 */
public final class Hallucination {

    private static final Pattern NAME = Pattern.compile("'name':\\s*'(.*?)'", Pattern.DOTALL);

    private Hallucination() {}

    public static boolean notHallucinate(JsonNode example) {
        Set<String> available = new HashSet<>();
        for (JsonNode tool : example.path("available_tools")) {
            JsonNode name = tool.get("name");
            if (name == null) {
                return true;
            }
            available.add(name.asText());
        }
        try {
            return allValid(example.path("answer").path("answer_details"), available);
        } catch (CheckFailed e) {
            return true;
        }
    }

    private static final class CheckFailed extends RuntimeException {
        CheckFailed() {
            super(null, null, false, false);
        }
    }

    private static boolean allValid(JsonNode nodes, Set<String> available) {
        for (JsonNode node : nodes) {
            if ("tool".equals(node.path("role").asText())) {
                Matcher m = NAME.matcher(PyRepr.str(node.path("message")));
                if (!m.find()) {
                    throw new CheckFailed(); // IndexError in the original: the whole check counts as passed
                }
                if (!available.contains(m.group(1))) {
                    return false;
                }
            }
            if (!allValid(node.path("next"), available)) {
                return false;
            }
        }
        return true;
    }
}
