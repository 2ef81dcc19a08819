package io.stave.llm.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.agent.DepthFirstSearch;
import io.stave.agent.Episode;
import io.stave.agent.Method;
import io.stave.agent.SearchSettings;
import io.stave.agent.ToolActions;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.Message;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.prompt.HistoryStyle;
import io.stave.bench.py.Json;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import io.stave.decoder.Stories260K;
import io.stave.llm.ChatRequest;
import io.stave.llm.ToolLlamaBackend;
import io.stave.tools.ActionDispatcher;
import io.stave.tools.AnswerFiles;
import io.stave.tools.Executor;
import io.stave.tools.ToolCache;
import io.stave.tools.ToolsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole DFSDT episode of StableToolBench query 1073 with ToolLLaMA played by stories260K in the
 * local decoder (two buckets, PI ratio 4 so the ToolLLaMA prompt fits), the tools answered from a
 * cache imported from the example answers. The model writes stories, not ReAct: the parser and the
 * search must take that without failing, and the growing prompts must reuse their KV.
 */
class LocalToolLlamaEpisodeTest {

    @TempDir
    Path folder;

    @Test
    void a_dfsdt_episode_on_garbage_generations_runs_to_its_end_and_reuses_the_shared_prompt() throws Exception {
        Query query = QueryFiles.read(StableToolBenchData.exampleQueries()).stream()
                .filter(q -> q.id().equals("1073")).findFirst().orElseThrow();
        var functions = FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH));
        JsonNode dfs = Json.MAPPER.readTree(Files.readString(StableToolBenchData.example(
                "answer/virtual_chatgpt_dfs/G1_instruction/1073_DFS_woFilter_w2.json")));
        JsonNode first = dfs.path("answer_generation").path("train_messages").get(0);
        List<Message> messages = List.of(Message.fromJson(first.get(0)), Message.fromJson(first.get(1)));
        ChatRequest request = new ChatRequest(messages, functions, Profile.TOOLBENCH, "G1_instruction/1073", 0, false);

        Path cacheFile = folder.resolve("tools.sqlite");
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            AnswerFiles.importFolder(StableToolBenchData.example("answer/virtual_chatgpt_dfs"), cache);
        }
        String spec = "gguf:" + Stories260K.gguf() + ",buckets=10000;25000,pi-scale=4,max-new-tokens=16,seed=1";
        try (LocalTextCompletion model = LocalTextCompletion.open(spec);
                ToolLlamaBackend backend = new ToolLlamaBackend(model, HistoryStyle.TB_THOUGHT_ONLY);
                Executor tools = ToolsSpec.builder().build().open("cache:" + cacheFile + ",miss=simulate")) {
            ActionDispatcher dispatcher = ActionDispatcher.of(query, functions, tools, 1024);
            Episode episode = new Episode(backend, request, new ToolActions(dispatcher, "G1_instruction/1073"),
                    new SearchSettings(12, 4, 1), 1);
            DepthFirstSearch.Result result = (DepthFirstSearch.Result) Method.parse("DFS_woFilter_w2").run(episode);

            assertThat(result.root().children()).isNotEmpty();
            assertThat(episode.counters().llmCalls()).isBetween(2, 4);
            ReuseStats stats = model.stats();
            assertThat(stats.calls()).isEqualTo(episode.counters().llmCalls());
            assertThat(stats.promptTokens()).isEqualTo(episode.counters().promptTokens());
            assertThat(stats.prefilled() + stats.reused()).isEqualTo(stats.promptTokens());
            // Every call after the first starts with the same system prompt and query, already in a kept session.
            long firstPrompt = model.model().tokenizer().encode(backend.prompt(request), true).length;
            assertThat(stats.reused()).isGreaterThanOrEqualTo((stats.calls() - 1) * (firstPrompt - 16));
        }
    }
}
