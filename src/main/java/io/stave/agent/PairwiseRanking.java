package io.stave.agent;

import io.stave.bench.chat.Message;
import io.stave.bench.prompt.RankPrompts;
import io.stave.llm.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM ranking of {@code DFS_w<N>} (spec/toolbench.md §4.9): every pair asked as (A, B) and
 * (B, A); 1 point to a candidate that wins both, half a point each on a split.
 */
final class PairwiseRanking {

    private static final String TASK_MARKER = "Task description: ";

    private final Episode episode;
    private final String taskDescription;

    PairwiseRanking(Episode episode) {
        this.episode = episode;
        String system = episode.request().messages().getFirst().content();
        int at = system.lastIndexOf(TASK_MARKER);
        this.taskDescription = at < 0 ? system : system.substring(at + TASK_MARKER.length());
    }

    double[] scores(List<Node> candidates) {
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < candidates.size() - 1; i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                boolean iFirst = prefersFirst(candidates.get(i), candidates.get(j));
                boolean jFirst = prefersFirst(candidates.get(j), candidates.get(i));
                if (iFirst && !jFirst) {
                    scores[i] += 1;
                } else if (!iFirst && jFirst) {
                    scores[j] += 1;
                } else {
                    scores[i] += 0.5;
                    scores[j] += 0.5;
                }
            }
        }
        return scores;
    }

    private boolean prefersFirst(Node a, Node b) {
        Node ancestor = commonAncestor(a, b);
        String system = RankPrompts.system(taskDescription, RankPrompts.trace(path(null, ancestor)),
                RankPrompts.trace(path(ancestor, a)), RankPrompts.trace(path(ancestor, b)));
        Reply reply = episode.askWithoutCalls(List.of(Message.system(system), Message.user(RankPrompts.user())));
        String text = reply.message().content();
        return reply.errorCode() == 0 && text != null && RankPrompts.prefersA(text);
    }

    /** The nodes below {@code top} (excluded; null = from the root, excluded too) down to {@code node}. */
    private static List<RankPrompts.TraceNode> path(Node top, Node node) {
        List<RankPrompts.TraceNode> path = new ArrayList<>();
        for (Node now = node; now != top && now.father() != null; now = now.father()) {
            path.addFirst(new RankPrompts.TraceNode(now.type().label(), now.description(), now.observation()));
        }
        return path;
    }

    private static Node commonAncestor(Node a, Node b) {
        List<Node> ancestorsOfA = new ArrayList<>();
        for (Node now = a; now != null; now = now.father()) {
            ancestorsOfA.add(now);
        }
        for (Node now = b; now != null; now = now.father()) {
            if (ancestorsOfA.contains(now)) {
                return now;
            }
        }
        throw new IllegalStateException("nodes of different trees");
    }
}
