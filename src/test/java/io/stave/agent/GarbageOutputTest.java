package io.stave.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.Message;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.prompt.ChatPrompts;
import io.stave.bench.prompt.HistoryStyle;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.FunctionSet;
import io.stave.bench.schema.SchemaOptions;
import io.stave.llm.ChatRequest;
import io.stave.llm.TextCompletion;
import io.stave.llm.ToolLlamaBackend;
import io.stave.tools.ActionDispatcher;
import io.stave.tools.Executor;
import io.stave.tools.ToolsSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ToolLLaMA that writes garbage — no markers, an unknown function, arguments that are not JSON,
 * a malformed Finish — goes through the whole episode (parser, dispatcher, simulator) as ToolBench
 * would take it: every turn becomes nodes and observations, nothing throws.
 */
class GarbageOutputTest {

    @Test
    void garbage_generations_become_observations_with_toolbench_status_codes() {
        Query query = QueryFiles.read(StableToolBenchData.exampleQueries()).stream()
                .filter(q -> q.id().equals("1073")).findFirst().orElseThrow();
        FunctionSet functions = FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH));
        List<String> generations = new ArrayList<>(List.of(
                "I will just talk.",                                                                 // no markers
                "Thought: try\nAction: fly_to_the_moon\nAction Input: {}",                          // unknown name
                "Thought: search\nAction: querykeywords_for_keyword_analysis\nAction Input: {q: broken", // bad JSON
                "Thought: done\nAction: Finish\nAction Input: {\"final_answer\": \"x\"}",            // no return_type
                "Thought: done\nAction: Finish\nAction Input: {\"return_type\": \"give_answer\", \"final_answer\": \"ok\"}"));
        TextCompletion model = new TextCompletion() {
            @Override
            public Completion complete(String prompt) {
                return new Completion(generations.removeFirst(), 0, 0, null);
            }

            @Override
            public String id() {
                return "garbage";
            }
        };
        try (Executor tools = ToolsSpec.builder().build().open("simulate")) {
            List<Message> initial = ChatPrompts.initial(query, ToolCatalog.NONE);
            Episode episode = new Episode(new ToolLlamaBackend(model, HistoryStyle.TB_THOUGHT_ONLY),
                    new ChatRequest(initial, functions, Profile.TOOLBENCH, "G1_instruction/1073_CoT@1", 0, false),
                    new ToolActions(ActionDispatcher.of(query, functions, tools, 1024), "G1_instruction/1073_CoT@1"),
                    new SearchSettings(50, 200, 1), 1);

            ChainSearch.Result result = new ChainSearch(1).run(episode);

            assertThat(result.win()).isTrue();
            List<Integer> codes = result.chosen().chain().stream()
                    .filter(n -> n.type() == NodeType.ACTION_INPUT).map(Node::observationCode).toList();
            // No markers: ToolBench's slices give an odd name that matches no function (1); then the unknown
            // name (1); the broken JSON goes to the tool environment
            // untouched (the offline simulator answers it: 0); the
            // Finish without return_type (2); the answer (3).
            assertThat(codes).containsExactly(1, 1, 0, 2, 3);
            Node broken = result.chosen().chain().stream()
                    .filter(n -> n.type() == NodeType.ACTION_INPUT).toList().get(2);
            assertThat(broken.description()).isEqualTo("{q: broken");
            assertThat(broken.observation()).contains("querykeywords");
            assertThat(episode.counters().llmCalls()).isEqualTo(5);
        }
    }
}
