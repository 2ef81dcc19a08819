package io.stave.agent;

import io.stave.bench.chat.Message;
import io.stave.bench.prompt.DiversityPrompt;
import io.stave.bench.py.PyRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * ToolBench's tree search (spec/toolbench.md §6.3, §6.4). Without filter ({@code DFS_woFilter_w<N>},
 * DFSDT): children are generated lazily, one model call each, the next sibling with a diversity
 * prompt after the previous subtree failed; a give-up sends the search two levels back. With filter
 * ({@code DFS_w<N>}): all {@code N} children first, then expanded in the order of the model's
 * pairwise ranking.
 */
public final class DepthFirstSearch {

    /** A final answer was found: unwind everything. */
    private static final int DONE = 10000;
    /** {@code max_query_count} was reached: abort. */
    private static final int ABORT = 100000;
    private static final int FINAL_ANSWER_BACK_LENGTH = 2;
    private static final int PRUNE_BACK_LENGTH = 2;

    /** The tree, its answers and give-ups, the success flag, the stop reason and the give-up choice. */
    public record Result(Node root, int width, boolean withFilter, List<Node> terminalNodes, List<Node> giveUpNodes,
            boolean win, StopReason stop, Node chosenGiveUp) implements SearchResult {

        @Override
        public Node chosen() {
            return terminalNodes.stream().filter(n -> !n.pruned()).findFirst().orElse(chosenGiveUp);
        }

        @Override
        public List<Node> candidates() {
            return terminalNodes.stream().filter(n -> !n.pruned()).toList();
        }

        /** {@code give_answer}, or {@code give_up} when the answer is a random give-up node (§6.5). */
        public String finishType() {
            boolean answered = terminalNodes.stream().anyMatch(n -> !n.pruned());
            return !answered && chosenGiveUp != null ? "give_up" : "give_answer";
        }
    }

    private final int width;
    private final boolean withFilter;

    /**
     * @param width      {@code tree_beam_size}, the number after {@code _w}
     * @param withFilter {@code DFS_w<N>} (ranking) rather than {@code DFS_woFilter_w<N>}
     */
    public DepthFirstSearch(int width, boolean withFilter) {
        if (width < 1) {
            throw new IllegalArgumentException("tree width must be >= 1: " + width);
        }
        this.width = width;
        this.withFilter = withFilter;
    }

    public int width() {
        return width;
    }

    public boolean withFilter() {
        return withFilter;
    }

    public Result run(Episode episode) {
        Run run = new Run(episode);
        Node root = episode.newRoot();
        run.dfs(root);
        StopReason stop = !run.terminalNodes.isEmpty() ? StopReason.ANSWER
                : run.aborted ? StopReason.MAX_QUERY_COUNT : StopReason.EXHAUSTED;
        Node giveUp = null;
        if (run.terminalNodes.stream().allMatch(Node::pruned) && !run.giveUpNodes.isEmpty()) {
            // ToolBench's random.randint(0, n - 1), with Python's generator seeded by the episode's seed (§6.5, §13).
            giveUp = run.giveUpNodes.get(new PyRandom(episode.seed()).randint(0, run.giveUpNodes.size() - 1));
        }
        return new Result(root, width, withFilter, run.terminalNodes, run.giveUpNodes, !run.terminalNodes.isEmpty(), stop, giveUp);
    }

    /** The mutable state of one search. */
    private final class Run {
        final Episode episode;
        final List<Node> terminalNodes = new ArrayList<>();
        final List<Node> giveUpNodes = new ArrayList<>();
        int expandCounter;
        boolean aborted;

        Run(Episode episode) {
            this.episode = episode;
        }

        int dfs(Node node) {
            node.expandNum(expandCounter++);
            episode.counters().expansions++;
            if (node.depth() >= episode.settings().singleChainMaxStep() || node.pruned() || node.terminal()) {
                if (node.terminal()) {
                    terminalNodes.add(node);
                    return FINAL_ANSWER_BACK_LENGTH;
                }
                node.prune();
                if (Integer.valueOf(4).equals(node.observationCode())) {
                    giveUpNodes.add(node);
                    return PRUNE_BACK_LENGTH;
                }
                return 1;
            }
            return withFilter ? expandRanked(node) : expandLazily(node);
        }

        private int expandLazily(Node node) {
            for (int i = 0; i < width; i++) {
                Node child = generate(node);
                if (child == null) {
                    return ABORT;
                }
                int r = dfs(child);
                if (terminalNodes.size() >= episode.settings().answer()) {
                    return DONE;
                }
                if (r > 1) {
                    episode.counters().backtracks++;
                    return r - 1;
                }
            }
            return 1;
        }

        private int expandRanked(Node node) {
            List<Node> generated = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                Node child = generate(node);
                if (child == null) {
                    return ABORT;
                }
                generated.add(child);
            }
            if (generated.size() > 1) {
                double[] scores = new PairwiseRanking(episode).scores(generated);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < generated.size(); i++) {
                    order.add(i);
                }
                // Python's sort(reverse=True) is stable: equal scores keep their order.
                order.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
                generated = order.stream().map(generated::get).toList();
            }
            for (Node child : generated) {
                int r = dfs(child);
                if (terminalNodes.size() >= episode.settings().answer()) {
                    return DONE;
                }
                if (r > 1) {
                    episode.counters().backtracks++;
                    node.makeFinish(2);
                    return r - 1;
                }
            }
            return 1;
        }

        /** One child turn, with a diversity prompt when the node already has children; null at the call limit. */
        private Node generate(Node node) {
            boolean diversity = false;
            if (!node.children().isEmpty()) {
                Optional<String> prompt = DiversityPrompt.render(candidates(node), node.observation());
                if (prompt.isPresent()) {
                    node.messages().add(Message.user(prompt.get()));
                    episode.counters().diversityPrompts++;
                    diversity = true;
                }
            }
            var reply = episode.ask(node.messages());
            if (episode.counters().llmCalls() >= episode.settings().maxQueryCount()) {
                aborted = true;
                return null;
            }
            if (diversity) {
                // Sent once, then kept for ToolLLaMA prompts and train_messages but never sent to OpenAI again.
                node.messages().set(node.messages().size() - 1, node.messages().getLast().invalid());
            }
            return episode.apply(node, reply, true);
        }
    }

    /** The actions already tried from {@code node}, for the diversity prompt (§4.8). */
    static List<DiversityPrompt.Candidate> candidates(Node node) {
        List<DiversityPrompt.Candidate> candidates = new ArrayList<>();
        for (Node child : node.children()) {
            Node reached = child;
            while (!reached.terminal() && reached.type() != NodeType.ACTION_INPUT && !reached.children().isEmpty()) {
                reached = reached.children().getFirst();
            }
            if (reached.type() == NodeType.ACTION_INPUT) {
                candidates.add(new DiversityPrompt.Candidate(reached.father().description(), reached.description(),
                        reached.observation()));
            }
        }
        return candidates;
    }
}
