package io.stave.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.prompt.HistoryStyle;
import io.stave.bench.ToolBenchTexts;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ToolLLaMA over a text-completion function: prompt in, ReAct parse out (spec/toolbench.md §4.5–4.6). */
class ToolLlamaBackendTest {

    /** Answers with fixed generations and keeps the prompts. */
    static final class FixedCompletion implements TextCompletion {
        final List<String> prompts = new ArrayList<>();
        private final List<String> generations;

        FixedCompletion(String... generations) {
            this.generations = new ArrayList<>(List.of(generations));
        }

        @Override
        public Completion complete(String prompt) {
            prompts.add(prompt);
            return new Completion(generations.removeFirst(), 11, 4, null);
        }

        @Override
        public String id() {
            return "fixed";
        }
    }

    private static ChatRequest request(Profile profile, List<Message> messages) {
        Query query = new Query("1", "q", List.of(), List.of());
        return new ChatRequest(messages, FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(profile)),
                profile, "e", 0, false);
    }

    private static final List<Message> FIRST = List.of(
            Message.system(ToolBenchTexts.SYSTEM_PROMPT.replace("{task_description}", "td")), Message.user("\nq\nBegin!\n"));

    @Test
    void toolbench_history_keeps_only_the_thought_and_calls_the_parsed_function() {
        FixedCompletion model = new FixedCompletion("Thought: look it up\nAction: search_for_x\nAction Input: {\"q\": 1}");
        ToolLlamaBackend backend = new ToolLlamaBackend(model, HistoryStyle.TB_THOUGHT_ONLY);

        Reply reply = backend.complete(request(Profile.TOOLBENCH, FIRST));

        assertThat(reply.message().content()).isEqualTo("look it up");
        assertThat(reply.message().functionCall()).isEqualTo(new FunctionCall("search_for_x", "{\"q\": 1}"));
        assertThat(reply.totalTokens()).isEqualTo(15);
        assertThat(model.prompts.getFirst()).startsWith("System: You are AutoGPT").endsWith("User: \nq\nBegin!\n\nAssistant:\n")
                .contains("Your output should follow this format:\nThought:\nAction\nAction Input:\n")
                .contains("Specifically, you have access to the following APIs: [{'name': 'Finish'");
    }

    @Test
    void stabletoolbench_history_keeps_the_whole_generation_and_renders_it_next_turn() {
        String generation = "Thought: go\nAction: Finish\nAction Input: {\"return_type\": \"give_up_and_restart\"}";
        FixedCompletion model = new FixedCompletion("  " + generation + "\n", "Thought: again\nAction: Finish\nAction Input: {}");
        ToolLlamaBackend backend = new ToolLlamaBackend(model, HistoryStyle.STB_GENERATION);

        Reply reply = backend.complete(request(Profile.STABLETOOLBENCH, FIRST));
        assertThat(reply.message().content()).isEqualTo(generation);
        assertThat(reply.message().toolCalls()).singleElement().satisfies(c -> assertThat(c.function().name()).isEqualTo("Finish"));

        List<Message> next = new ArrayList<>(FIRST);
        next.add(reply.message());
        next.add(Message.tool("Finish", "{\"response\":\"chose to give up and restart\"}", "call_0"));
        backend.complete(request(Profile.STABLETOOLBENCH, next));
        assertThat(model.prompts.get(1)).endsWith("Assistant: " + generation
                + "\nFunction: {\"response\":\"chose to give up and restart\"}\nAssistant:\n");
    }

    @Test
    void garbage_without_action_markers_is_parsed_as_toolbench_does_not_refused() {
        FixedCompletion model = new FixedCompletion("I am not sure what to do.");
        Reply reply = new ToolLlamaBackend(model, HistoryStyle.TB_THOUGHT_ONLY).complete(request(Profile.TOOLBENCH, FIRST));

        // Python slices between missing markers: an odd name that the tools answer with status 1.
        assertThat(reply.errorCode()).isZero();
        assertThat(reply.message().functionCall()).isNotNull();
    }
}
