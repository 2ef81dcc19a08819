package io.stave.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.agent.Scripted.ScriptedBackend;
import io.stave.bench.chat.Message;
import io.stave.bench.chat.Role;
import io.stave.bench.prompt.DiversityPrompt;
import io.stave.llm.ChatRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** DFSDT on hand-built scenarios, against the pseudo-code of spec/toolbench.md §6.3. */
class DepthFirstSearchTest {

    private static final DepthFirstSearch DFSDT = new DepthFirstSearch(2, false);

    @Test
    void a_give_up_backtracks_two_levels_and_the_next_sibling_gets_a_diversity_prompt() {
        ScriptedBackend backend = ScriptedBackend.of(
                Scripted.call("tool_a", "{\"x\": 1}"),   // root -> A
                Scripted.giveUp(),                      // A -> give up: A gets no second child
                Scripted.call("tool_b", "{\"x\": 2}"),   // root, second child, after a diversity prompt
                Scripted.answer("done"));               // B -> answer
        Episode episode = Scripted.episode(backend, SearchSettings.DEFAULTS, 7);

        DepthFirstSearch.Result result = DFSDT.run(episode);

        assertThat(result.win()).isTrue();
        assertThat(result.stop()).isEqualTo(StopReason.ANSWER);
        assertThat(episode.counters().llmCalls()).isEqualTo(4);
        Node root = result.root();
        assertThat(root.children()).extracting(Node::description).containsExactly("tool_a", "tool_b");
        Node a = root.children().get(0).children().getFirst();
        assertThat(a.children()).hasSize(1);
        Node giveUp = a.children().getFirst().children().getFirst();
        assertThat(giveUp.pruned()).isTrue();
        assertThat(giveUp.observationCode()).isEqualTo(4);
        assertThat(result.giveUpNodes()).containsExactly(giveUp);
        // expand_num: root 0, A 1, give-up 2, B 3, answer 4.
        Node b = root.children().get(1).children().getFirst();
        Node answer = b.children().getFirst().children().getFirst();
        assertThat(List.of(root, a, giveUp, b, answer)).extracting(Node::expandNum).containsExactly(0, 1, 2, 3, 4);

        // The third request carries the diversity prompt naming A's call and observation, valid when sent.
        ChatRequest third = backend.requests.get(2);
        Message diversity = third.messages().getLast();
        assertThat(diversity.role()).isEqualTo(Role.USER);
        assertThat(diversity.valid()).isTrue();
        assertThat(diversity.content()).isEqualTo(DiversityPrompt.render(List.of(new DiversityPrompt.Candidate(
                "tool_a", "{\"x\": 1}", "{\"error\": \"\", \"response\": \"tool_a ok\"}")), "").orElseThrow());
        // ... and is kept in the root's history, marked invalid, so OpenAI models never see it again.
        assertThat(root.messages().getLast().valid()).isFalse();
        assertThat(b.messages()).extracting(Message::valid).containsExactly(true, true, false, true, true);
        // The answer's train_messages keep that invalid message in the last list.
        List<List<Message>> train = TrainMessages.of(answer);
        assertThat(train).hasSize(2);
        assertThat(train.getLast()).extracting(Message::valid).contains(false);
    }

    @Test
    void depth_limit_failures_expand_each_node_to_width_two_before_returning() {
        // Every reply calls a tool; depth limit 4 ends each branch after two calls.
        ScriptedBackend backend = new ScriptedBackend(r -> Scripted.call("tool_" + r.messages().size(), "{}"));
        Episode episode = Scripted.episode(backend, new SearchSettings(4, 200, 1), 1);

        DepthFirstSearch.Result result = DFSDT.run(episode);

        // Root: 2 children; each: 2 children at depth 4 (pruned). 2 + 4 calls.
        assertThat(episode.counters().llmCalls()).isEqualTo(6);
        assertThat(result.win()).isFalse();
        assertThat(result.stop()).isEqualTo(StopReason.EXHAUSTED);
        assertThat(result.chosen()).isNull();
        assertThat(result.root().size()).isEqualTo(1 + 2 * 6);
        // Preorder expansion: root, then each subtree before the next sibling.
        List<Integer> order = preorderOfExpandedNodes(result.root());
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6);
        // The second sibling under a node sees a diversity prompt (4 of the 6 calls, none at the root's first).
        long withDiversity = backend.requests.stream()
                .filter(r -> r.messages().getLast().role() == Role.USER && r.messages().size() > 2).count();
        assertThat(withDiversity).isEqualTo(3);
        assertThat(episode.counters().diversityPrompts()).isEqualTo(3);
    }

    @Test
    void the_search_stops_at_max_query_count_and_drops_the_last_reply() {
        ScriptedBackend backend = new ScriptedBackend(r -> Scripted.call("tool_x", "{}"));
        Episode episode = Scripted.episode(backend, new SearchSettings(50, 200, 1), 1);

        DepthFirstSearch.Result result = DFSDT.run(episode);

        assertThat(backend.requests).hasSize(200);
        assertThat(episode.counters().llmCalls()).isEqualTo(200);
        assertThat(result.stop()).isEqualTo(StopReason.MAX_QUERY_COUNT);
        // 199 replies became Action + Action Input pairs; the 200th was discarded.
        assertThat(result.root().size()).isEqualTo(1 + 2 * 199);
    }

    @Test
    void without_an_answer_the_give_up_is_drawn_from_the_episode_seed() {
        // Each root child gives up at once: root -> give up (x2).
        Set<String> chosen = IntStream.range(0, 40).mapToObj(seed -> {
            ScriptedBackend backend = new ScriptedBackend(r -> Scripted.giveUp());
            Episode episode = Scripted.episode(backend, SearchSettings.DEFAULTS, seed);
            DepthFirstSearch.Result result = DFSDT.run(episode);
            assertThat(result.giveUpNodes()).hasSize(1);
            return result.finishType() + "@" + result.giveUpNodes().indexOf(result.chosen());
        }).collect(Collectors.toSet());
        // A give-up at the root's first child returns 2: the root returns at once, one give-up in all.
        assertThat(chosen).containsExactly("give_up@0");

        // Two give-ups: under A (after A's tool call) and under B.
        List<Integer> picks = IntStream.range(0, 40).mapToObj(seed -> {
            ScriptedBackend backend = new ScriptedBackend(r -> r.messages().stream().anyMatch(m -> m.role() == Role.FUNCTION)
                    ? Scripted.giveUp() : Scripted.call("tool_y", "{\"n\": " + r.messages().size() + "}"));
            Episode episode = Scripted.episode(backend, SearchSettings.DEFAULTS, seed);
            DepthFirstSearch.Result result = DFSDT.run(episode);
            assertThat(result.giveUpNodes()).hasSize(2);
            assertThat(result.finishType()).isEqualTo("give_up");
            return result.giveUpNodes().indexOf(result.chosen());
        }).toList();
        assertThat(picks).contains(0, 1);
        // CPython: random.seed(s); random.randint(0, 1) for s = 0, 1, 2, 3 gives 1, 0, 0, 0.
        assertThat(picks.subList(0, 4)).containsExactly(1, 0, 0, 0);
        // Same seed, same choice.
        assertThat(picks.get(3)).isEqualTo(IntStream.of(3).mapToObj(seed -> {
            ScriptedBackend backend = new ScriptedBackend(r -> r.messages().stream().anyMatch(m -> m.role() == Role.FUNCTION)
                    ? Scripted.giveUp() : Scripted.call("tool_y", "{\"n\": " + r.messages().size() + "}"));
            DepthFirstSearch.Result result = DFSDT.run(Scripted.episode(backend, SearchSettings.DEFAULTS, seed));
            return result.giveUpNodes().indexOf(result.chosen());
        }).findFirst().orElseThrow());
    }

    @Test
    void with_filter_all_children_are_generated_then_expanded_in_ranked_order() {
        // Root children: tool_a then tool_b; the ranker always prefers the candidate that called tool_b.
        ScriptedBackend backend = new ScriptedBackend(r -> {
            if (r.noFunctionCall()) {
                String system = r.messages().getFirst().content();
                String a = system.substring(system.indexOf("{{CANDIDATE_A_START}}"), system.indexOf("{{CANDIDATE_A_END}}"));
                return Message.assistant(a.contains("tool_b") ? "A" : "B", null);
            }
            boolean atRoot = r.messages().stream().noneMatch(m -> m.role() == Role.ASSISTANT);
            if (atRoot) {
                boolean first = r.messages().stream().noneMatch(m -> m.role() == Role.USER && m.content().contains("previous"));
                return Scripted.call(first ? "tool_a" : "tool_b", "{}");
            }
            return Scripted.answer("from " + r.messages().stream().filter(m -> m.role() == Role.ASSISTANT)
                    .findFirst().orElseThrow().call().name());
        });
        Episode episode = Scripted.episode(backend, SearchSettings.DEFAULTS, 1);

        DepthFirstSearch.Result result = new DepthFirstSearch(2, true).run(episode);

        assertThat(result.win()).isTrue();
        assertThat(result.chosen().description()).contains("from tool_b");
        // Root: 2 children + 2 ranking calls (A,B and B,A); tool_b's node: again 2 children (both answers)
        // and 2 ranking calls before the first is expanded. Every ranking call counts as a query.
        long ranking = backend.requests.stream().filter(ChatRequest::noFunctionCall).count();
        assertThat(ranking).isEqualTo(4);
        assertThat(episode.counters().llmCalls()).isEqualTo(8);
        assertThat(result.root().children()).extracting(Node::description).containsExactly("tool_a", "tool_b");
        Node b = result.root().children().get(1).children().getFirst();
        assertThat(b.expandNum()).isEqualTo(1);
    }

    private static List<Integer> preorderOfExpandedNodes(Node root) {
        List<Integer> order = new java.util.ArrayList<>();
        collect(root, order);
        return order;
    }

    private static void collect(Node node, List<Integer> order) {
        if (node.type() == NodeType.ACTION_INPUT) {
            order.add(node.expandNum());
        }
        node.children().forEach(child -> collect(child, order));
    }
}
