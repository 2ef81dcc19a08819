package io.stave.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.agent.Scripted.ScriptedBackend;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.chat.Role;
import io.stave.bench.chat.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ReAct ({@code CoT@n}, spec/toolbench.md §6.2) on scripted models, garbage included. */
class ChainSearchTest {

    @Test
    void a_hallucinated_name_is_rewritten_in_the_history_and_the_chain_goes_on() {
        ScriptedBackend backend = ScriptedBackend.of(
                Scripted.thoughtAndCall("try it", "no_such_function", "{}"),
                Message.assistant("thinking only", null),
                Scripted.answer("ok"));
        Episode episode = Scripted.episode(backend, SearchSettings.DEFAULTS, 1);

        ChainSearch.Result result = new ChainSearch(1).run(episode);

        assertThat(result.win()).isTrue();
        Node leaf = result.chosen();
        assertThat(leaf.chain()).extracting(Node::description)
                .containsExactly("try it", "no_such_function", "{}", "thinking only", "Finish", leaf.description());
        Node input = leaf.chain().get(2);
        assertThat(input.observationCode()).isEqualTo(1);
        // The second request shows the rewritten call and the function result under the same name.
        var second = backend.requests.get(1).messages();
        assertThat(second.get(2).call().name()).isEqualTo(Episode.HALLUCINATED);
        assertThat(second.get(3).role()).isEqualTo(Role.FUNCTION);
        assertThat(second.get(3).name()).isEqualTo(Episode.HALLUCINATED);
        ObjectNode file = AnswerJson.of(result, episode, "Find things.");
        assertThat(file.path("answer_generation").path("query_count").asInt()).isEqualTo(3);
        assertThat(file.path("answer_generation").path("total_tokens").asInt()).isEqualTo(45);
        assertThat(file.path("trys").get(0).path("win").asBoolean()).isFalse();
    }

    @Test
    void pass_at_three_retries_after_give_ups_and_records_the_win_flag_before_each_try() {
        ScriptedBackend backend = ScriptedBackend.of(Scripted.giveUp(), Scripted.giveUp(), Scripted.answer("third"),
                Scripted.answer("never asked"));
        Episode episode = Scripted.episode(backend, SearchSettings.DEFAULTS, 1);

        ChainSearch.Result result = new ChainSearch(3).run(episode);

        assertThat(result.tries()).hasSize(3);
        assertThat(result.tries()).extracting(t -> t.leaf().pruned()).containsExactly(true, true, false);
        assertThat(result.tries()).extracting(ChainSearch.Try::win).containsExactly(false, false, false);
        assertThat(backend.requests).hasSize(3);
        ObjectNode file = AnswerJson.of(result, episode, "Find things.");
        assertThat(file.path("try_count").asInt()).isEqualTo(3);
        assertThat(file.path("forward_args").path("pass_at").asInt()).isEqualTo(3);
        assertThat(file.path("answer_generation").path("final_answer").asText()).contains("third");
        assertThat(file.path("compare_candidates")).hasSize(1);
    }

    @Test
    void the_depth_limit_prunes_a_chain_of_tool_calls_without_answer() {
        ScriptedBackend backend = new ScriptedBackend(r -> Scripted.call("tool_a", "{}"));
        Episode episode = Scripted.episode(backend, SearchSettings.DEFAULTS, 1);

        ChainSearch.Result result = new ChainSearch(1).run(episode);

        // Six calls reach depth 12 (as StableToolBench's 588_CoT@1 does).
        assertThat(backend.requests).hasSize(6);
        assertThat(result.chosen()).isNull();
        ObjectNode file = AnswerJson.of(result, episode, "Find things.");
        assertThat(file.path("answer_generation").path("valid_data").asBoolean()).isFalse();
        assertThat(file.path("answer_generation").path("final_answer").asText()).isEmpty();
        assertThat(file.path("answer_generation").path("train_messages")).isEmpty();
    }

    @Test
    void replies_with_neither_text_nor_call_stop_at_max_query_count_instead_of_looping() {
        ScriptedBackend backend = new ScriptedBackend(r -> Message.assistant(null, null));
        Episode episode = Scripted.episode(backend, new SearchSettings(12, 25, 1), 1);

        ChainSearch.Result result = new ChainSearch(1).run(episode);

        assertThat(backend.requests).hasSize(25);
        assertThat(result.stop()).isEqualTo(StopReason.MAX_QUERY_COUNT);
        assertThat(result.chosen()).isNull();
    }

    @Test
    void parallel_tool_calls_run_in_order_as_one_chain_with_the_assistant_message_before_the_results() {
        Message parallel = Message.assistantWithTools("two at once", List.of(
                new ToolCall("c1", new FunctionCall("tool_a", "{}")), new ToolCall("c2", new FunctionCall("tool_b", "{}"))));
        ScriptedBackend backend = ScriptedBackend.of(parallel, Message.assistantWithTools(null,
                List.of(new ToolCall("c3", new FunctionCall("Finish", "{\"return_type\": \"give_answer\", \"final_answer\": \"x\"}")))));
        Episode episode = Scripted.episode(backend, SearchSettings.DEFAULTS, 1);

        ChainSearch.Result result = new ChainSearch(1).run(episode);

        assertThat(result.chosen().chain()).extracting(Node::type).containsExactly(NodeType.THOUGHT, NodeType.ACTION,
                NodeType.ACTION_INPUT, NodeType.ACTION, NodeType.ACTION_INPUT, NodeType.ACTION, NodeType.ACTION_INPUT);
        assertThat(result.chosen().chain()).extracting(Node::description).containsSubsequence("tool_a", "tool_b", "Finish");
        List<Message> second = backend.requests.get(1).messages();
        assertThat(second).extracting(Message::role).containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL);
        assertThat(second).extracting(Message::toolCallId).containsExactly(null, null, null, "c1", "c2");
        assertThat(second.get(4).content()).contains("tool_b ok");
    }

    @Test
    void a_failed_model_call_becomes_a_pruned_thought_with_code_minus_one() {
        ScriptedBackend backend = ScriptedBackend.of();
        Episode episode = Scripted.episode(backend, SearchSettings.DEFAULTS, 1);

        ChainSearch.Result result = new ChainSearch(1).run(episode);

        Node leaf = result.tries().getFirst().leaf();
        assertThat(leaf.type()).isEqualTo(NodeType.THOUGHT);
        assertThat(leaf.observationCode()).isEqualTo(-1);
        assertThat(leaf.pruned()).isTrue();
        assertThat(episode.counters().llmFailures()).isEqualTo(1);
    }
}
