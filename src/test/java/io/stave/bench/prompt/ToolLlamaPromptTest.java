package io.stave.bench.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.ExampleAnswers;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.SpecBlocks;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.data.DescriptionMap;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolLlamaPromptTest {

    private static Query query1073() {
        return QueryFiles.read(StableToolBenchData.exampleQueries()).stream()
                .filter(q -> q.id().equals("1073")).findFirst().orElseThrow();
    }

    private static List<ObjectNode> functions1073() {
        return FunctionSchemas.build(query1073(), ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH)).plain();
    }

    private static ToolCatalog catalog1073() {
        return new DescriptionMap(ExampleAnswers.toolDescriptions(ExampleAnswers.systemMessage("1073")));
    }

    @Test
    void first_turn_of_query_1073_equals_the_spec_rendering() {
        List<Message> messages = ChatPrompts.initial(query1073(), catalog1073());
        for (HistoryStyle style : HistoryStyle.values()) {
            assertThat(ToolLlamaPrompt.render(messages, functions1073(), style))
                    .isEqualTo(SpecBlocks.get("TOOLLLAMA_PROMPT_1073_TURN1"));
        }
    }

    /** Replays the first ChatGPT step of 1073_CoT@1.json (a chat-model history renders in training layout). */
    @Test
    void prompt_after_the_first_step_of_query_1073_equals_the_spec_rendering() {
        List<Message> path = ExampleAnswers.trainMessages(ExampleAnswers.cot("1073"));
        List<Message> afterFirstStep = path.subList(0, 4);
        assertThat(afterFirstStep.get(2).call().name()).isEqualTo("popularsitesforquery_for_keyword_analysis");
        assertThat(ToolLlamaPrompt.render(afterFirstStep, functions1073(), HistoryStyle.TRAINING_FORMAT))
                .isEqualTo(SpecBlocks.get("TOOLLLAMA_PROMPT_1073_TURN2_TRAINING"));
        // The system and user messages stave builds are those of the answer file.
        assertThat(ChatPrompts.initial(query1073(), catalog1073())).isEqualTo(path.subList(0, 2));
    }

    @Test
    void toolbench_history_drops_the_action_lines_and_the_stable_fix_keeps_the_generation() {
        String turn2 = SpecBlocks.get("TOOLLLAMA_PROMPT_1073_TURN2_TRAINING");
        String generation = "Thought: \nAction: popularsitesforquery_for_keyword_analysis\nAction Input: {\n  \"q\": \"birthday party ideas\"\n}";
        ReactOutput parsed = ReactParser.parse(generation);
        assertThat(parsed).isEqualTo(new ReactOutput("", "popularsitesforquery_for_keyword_analysis",
                "{\n  \"q\": \"birthday party ideas\"\n}"));
        List<Message> path = new ArrayList<>(ExampleAnswers.trainMessages(ExampleAnswers.cot("1073")).subList(0, 4));
        String replayed = "Assistant: \nThought: \nAction: popularsitesforquery_for_keyword_analysis\nAction Input: {\n  \"q\": \"birthday party ideas\"\n}\n";
        assertThat(turn2).contains(replayed);

        FunctionCall call = new FunctionCall(parsed.action(), parsed.actionInput());
        path.set(2, Message.assistant(ToolLlamaPrompt.storedContent(generation, parsed, HistoryStyle.TB_THOUGHT_ONLY), call));
        assertThat(ToolLlamaPrompt.render(path, functions1073(), HistoryStyle.TB_THOUGHT_ONLY))
                .isEqualTo(turn2.replace(replayed, "Assistant: \n"));

        path.set(2, Message.assistant(ToolLlamaPrompt.storedContent(" " + generation + "\n", parsed, HistoryStyle.STB_GENERATION), call));
        assertThat(ToolLlamaPrompt.render(path, functions1073(), HistoryStyle.STB_GENERATION))
                .isEqualTo(turn2.replace(replayed, "Assistant: " + generation + "\n"));
    }

    @Test
    void invalid_diversity_messages_are_rendered_as_user_turns_and_tool_results_as_function() {
        List<Message> messages = List.of(
                Message.system("S"), Message.user("U"), Message.user("try something else").invalid(),
                Message.tool("f", "{\"ok\": 1}", "call_1"));
        assertThat(ToolLlamaPrompt.render(messages, List.of(), HistoryStyle.STB_GENERATION))
                .isEqualTo("System: S\nUser: U\nUser: try something else\nFunction: {\"ok\": 1}\nAssistant:\n");
    }

    @Test
    void a_system_message_without_the_format_sentence_is_an_error_when_functions_exist() {
        assertThatThrownBy(() -> ToolLlamaPrompt.render(List.of(Message.system("hello")), functions1073(),
                HistoryStyle.TB_THOUGHT_ONLY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("excute your step");
    }
}
