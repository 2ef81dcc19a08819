package io.stave.bench.prompt;

import io.stave.bench.ToolBenchTexts;
import io.stave.bench.py.PyJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DFSDT diversity prompt (spec/toolbench.md §4.8): the actions already tried from a node, so
 * that the next expansion differs from them.
 */
public final class DiversityPrompt {

    /**
     * An action already taken from the node.
     *
     * @param name           the called function (the Action node's description)
     * @param arguments      the raw argument string
     * @param functionOutput the observation
     */
    public record Candidate(String name, String arguments, String functionOutput) {}

    private DiversityPrompt() {}

    /**
     * The prompt, or empty when there is no candidate (then no diversity message is added).
     *
     * @param formerObservation the node's own observation; {@code null} or empty adds no line
     */
    public static Optional<String> render(List<Candidate> candidates, String formerObservation) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> objects = candidates.stream().map(DiversityPrompt::object).toList();
        StringBuilder previous = new StringBuilder(PyJson.dumpsIndent(objects, 2)).append('\n');
        if (formerObservation != null && !formerObservation.isEmpty()) {
            previous.append("again, your former observation: ").append(formerObservation).append('\n');
        }
        return Optional.of(ToolBenchTexts.DIVERSITY_PROMPT.replace("{previous_candidate}", previous));
    }

    private static Map<String, Object> object(Candidate candidate) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", candidate.name());
        object.put("arguments", candidate.arguments());
        object.put("function_output", candidate.functionOutput());
        object.put("mento-carlo-action-value", 0.0);
        return object;
    }
}
