package io.stave.bench.prompt;

import io.stave.bench.ToolBenchTexts;
import io.stave.bench.py.PyStrings;
import java.util.List;
import java.util.Locale;

/**
 * The pairwise ranking prompts of DFS with filter (spec/toolbench.md §4.9); DFSDT does not use them.
 */
public final class RankPrompts {

    private static final int OBSERVATION_MAX = 1024;

    /**
     * One node on a compared path.
     *
     * @param nodeType    {@code Thought}, {@code Action} or {@code Action Input}
     * @param description the node's description
     * @param observation the node's observation, {@code null} or empty when it has none
     */
    public record TraceNode(String nodeType, String description, String observation) {}

    private RankPrompts() {}

    /** The system message; the doubled-brace markers stay doubled. */
    public static String system(String taskDescription, String intersectTrace, String candidateA, String candidateB) {
        return ToolBenchTexts.RANK_SYSTEM_PROMPT
                .replace("{task_description}", taskDescription)
                .replace("{intersect_trice}", intersectTrace)
                .replace("{candidate_A}", candidateA)
                .replace("{candidate_B}", candidateB);
    }

    /** The user message: {@code \nTell me which candidate is better in ONE Word: "A" or "B":}. */
    public static String user() {
        return ToolBenchTexts.RANK_USER_PROMPT;
    }

    /** A path as {@code step_<k>: <item>\n} items, or {@code None} when it is empty. */
    public static String trace(List<TraceNode> path) {
        if (path.isEmpty()) {
            return "None";
        }
        StringBuilder trace = new StringBuilder();
        int k = 1;
        for (TraceNode node : path) {
            StringBuilder item = new StringBuilder(node.nodeType()).append(": ").append(node.description()).append('\n');
            if (node.observation() != null && !node.observation().isEmpty()) {
                item.append("Observation: ").append(cut(node.observation())).append('\n');
            }
            trace.append("step_").append(k++).append(": ").append(item).append('\n');
        }
        return trace.toString();
    }

    /** Whether candidate A wins: the last character of the lower-cased, stripped reply is {@code a}. */
    public static boolean prefersA(String reply) {
        String answer = PyStrings.strip(reply.toLowerCase(Locale.ROOT));
        return answer.endsWith("a");
    }

    private static String cut(String observation) {
        int length = PyStrings.len(observation);
        if (length <= OBSERVATION_MAX) {
            return observation;
        }
        return PyStrings.head(observation, OBSERVATION_MAX) + "...(len=" + length + ")";
    }
}
