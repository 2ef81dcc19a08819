package io.stave.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test actions that give back, call by call, the observations an answer file recorded for the same
 * function and arguments (in file order; the last one repeats).
 */
final class RecordedObservations implements Actions {

    private final Map<String, List<ActionOutcome>> outcomes = new HashMap<>();
    private final Map<String, Integer> cursor = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    RecordedObservations(JsonNode answer) {
        if (answer.has("tree")) {
            collect(answer.path("tree").path("tree"));
        }
        for (JsonNode attempt : answer.path("trys")) {
            JsonNode chain = attempt.path("chain");
            for (int i = 1; i < chain.size(); i++) {
                add(chain.get(i - 1), chain.get(i));
            }
        }
    }

    private void collect(JsonNode node) {
        for (JsonNode child : node.path("children")) {
            add(node, child);
            collect(child);
        }
    }

    private void add(JsonNode father, JsonNode node) {
        if (node.path("node_type").asText().equals("Action Input") && father.path("node_type").asText().equals("Action")) {
            String key = father.path("description").asText() + "\u0000" + node.path("description").asText();
            outcomes.computeIfAbsent(key, k -> new ArrayList<>()).add(new ActionOutcome(
                    node.path("observation").asText(""), node.path("observation_code").asInt(), "cache"));
        }
    }

    @Override
    public ActionOutcome act(String name, String arguments) {
        calls.add(name);
        String key = name + "\u0000" + arguments;
        List<ActionOutcome> recorded = outcomes.get(key);
        if (recorded == null) {
            return new ActionOutcome("{\"error\": \"not recorded\", \"response\": \"\"}", 12, "miss");
        }
        int at = cursor.merge(key, 1, Integer::sum) - 1;
        return recorded.get(Math.min(at, recorded.size() - 1));
    }
}
