package io.stave.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * ReAct as ToolBench runs it, {@code CoT@n} (spec/toolbench.md §6.2): up to {@code n} independent
 * chains, each asking the model until an answer, a give-up, a failed call or the depth limit; stop
 * at the first answer.
 */
public final class ChainSearch {

    /**
     * One chain.
     *
     * @param leaf the node the chain ended on
     * @param win  the search's success flag before this try was scored (what the file records)
     */
    public record Try(Node leaf, boolean win) {}

    /** The tries in order, the overall success flag and the stop reason. */
    public record Result(List<Try> tries, int passAt, boolean win, StopReason stop) implements SearchResult {

        /** The first non-pruned try leaf: the answer (§6.5). */
        @Override
        public Node chosen() {
            return tries.stream().map(Try::leaf).filter(leaf -> !leaf.pruned()).findFirst().orElse(null);
        }

        @Override
        public List<Node> candidates() {
            return tries.stream().map(Try::leaf).filter(leaf -> !leaf.pruned()).toList();
        }
    }

    private final int passAt;

    public ChainSearch(int passAt) {
        if (passAt < 1) {
            throw new IllegalArgumentException("CoT@n needs n >= 1: " + passAt);
        }
        this.passAt = passAt;
    }

    public int passAt() {
        return passAt;
    }

    public Result run(Episode episode) {
        List<Try> tries = new ArrayList<>();
        boolean win = false;
        int successes = 0;
        StopReason stop = StopReason.EXHAUSTED;
        for (int i = 0; i < passAt; i++) {
            Node leaf = chain(episode, episode.newRoot());
            tries.add(new Try(leaf, win));
            if (leaf.terminal()) {
                win = true;
                successes++;
                if (successes >= episode.settings().answer()) {
                    stop = StopReason.ANSWER;
                    break;
                }
            }
            if (episode.counters().llmCalls() >= episode.settings().maxQueryCount()) {
                stop = StopReason.MAX_QUERY_COUNT;
                break;
            }
        }
        return new Result(tries, passAt, win, stop);
    }

    /** {@code do_chain}, plus stave's call limit: the original loops forever on empty replies. */
    private static Node chain(Episode episode, Node start) {
        Node node = start;
        int maxStep = episode.settings().singleChainMaxStep();
        while (true) {
            if (episode.counters().llmCalls() >= episode.settings().maxQueryCount()) {
                node.prune();
                return node;
            }
            node = episode.apply(node, episode.ask(node.messages()), false);
            if (node.depth() >= maxStep && !node.terminal()) {
                node.prune();
            }
            if (node.pruned() || node.terminal()) {
                return node;
            }
        }
    }
}
