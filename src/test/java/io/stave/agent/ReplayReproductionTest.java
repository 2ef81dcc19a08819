package io.stave.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.Message;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.py.Json;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import io.stave.llm.ChatRequest;
import io.stave.llm.ReplayBackend;
import io.stave.store.CanonicalJson;
import io.stave.tools.ActionDispatcher;
import io.stave.tools.AnswerFiles;
import io.stave.tools.Executor;
import io.stave.tools.ToolCache;
import io.stave.tools.ToolsSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays the StableToolBench example answers (spec/toolbench.md §14.1) through stave's searches:
 * the recorded assistant turns from {@code replay:}, the tools from a {@code cache:} imported from the
 * same files; the answer file written must be the recorded one, tree and answer_generation included.
 */
class ReplayReproductionTest {

    @TempDir
    static Path caches;

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
        "virtual_chatgpt_cot, 1073_CoT@1", "virtual_chatgpt_cot, 588_CoT@1", "virtual_chatgpt_cot, 608_CoT@1",
        "virtual_chatgpt_dfs, 1073_DFS_woFilter_w2", "virtual_chatgpt_dfs, 588_DFS_woFilter_w2",
        "virtual_chatgpt_dfs, 608_DFS_woFilter_w2",
    })
    void replaying_an_example_answer_reproduces_its_file(String run, String name) throws IOException {
        Path folder = StableToolBenchData.example("answer/" + run);
        JsonNode recorded = read(folder.resolve("G1_instruction/" + name + ".json"));
        String qid = name.substring(0, name.indexOf('_'));
        Method method = Method.parse(name.substring(name.indexOf('_') + 1));

        ObjectNode written = AnswerJson.of(replay(folder, "G1_instruction/" + name, qid, method, recorded),
                lastEpisode, recorded.path("answer_generation").path("query").asText());

        JsonNode expected = recorded.path("answer_generation");
        JsonNode actual = written.path("answer_generation");
        assertThat(actual.path("final_answer")).isEqualTo(expected.path("final_answer"));
        assertThat(actual.path("valid_data")).isEqualTo(expected.path("valid_data"));
        assertThat(actual.path("finish_type")).isEqualTo(expected.path("finish_type"));
        assertThat(actual.path("query_count").asInt()).isEqualTo(expected.path("query_count").asInt());
        assertThat(CanonicalJson.of(actual.path("train_messages"))).isEqualTo(CanonicalJson.of(expected.path("train_messages")));
        if (recorded.has("tree")) {
            assertThat(CanonicalJson.of(written.path("tree"))).isEqualTo(CanonicalJson.of(recorded.path("tree")));
        } else {
            assertThat(CanonicalJson.of(written.path("trys"))).isEqualTo(CanonicalJson.of(recorded.path("trys")));
        }
        // The whole file, every key and value, as a tree of JSON values (key order aside).
        assertThat(CanonicalJson.of(written)).isEqualTo(CanonicalJson.of(recorded));
        assertThat(written.fieldNames()).toIterable().containsExactlyElementsOf(() -> recorded.fieldNames());
    }

    private Episode lastEpisode;

    private SearchResult replay(Path folder, String episodeName, String qid, Method method, JsonNode recorded)
            throws IOException {
        Query query = QueryFiles.read(StableToolBenchData.exampleQueries()).stream()
                .filter(q -> q.id().equals(qid)).findFirst().orElseThrow();
        var functions = FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH));
        ChatRequest first = new ChatRequest(initialMessages(qid), functions, Profile.STABLETOOLBENCH, episodeName, 0, false);
        Path cacheFile = caches.resolve(folder.getFileName() + ".sqlite");
        if (!Files.exists(cacheFile)) {
            try (ToolCache cache = ToolCache.open(cacheFile)) {
                AnswerFiles.importFolder(folder, cache);
            }
        }
        try (ReplayBackend backend = new ReplayBackend(folder);
                Executor tools = ToolsSpec.builder().build().open("cache:" + cacheFile + ",miss=error")) {
            ActionDispatcher dispatcher = ActionDispatcher.of(query, functions, tools, 1024);
            lastEpisode = new Episode(backend, first, new ToolActions(dispatcher, episodeName), SearchSettings.DEFAULTS, 1);
            SearchResult result = method.run(lastEpisode);
            assertThat(lastEpisode.counters().toolSources()).doesNotContainKey("miss");
            return result;
        }
    }

    /** The system and user messages as the example run sent them (its DFS answers all keep them). */
    private static List<Message> initialMessages(String qid) throws IOException {
        JsonNode dfs = read(StableToolBenchData.example(
                "answer/virtual_chatgpt_dfs/G1_instruction/" + qid + "_DFS_woFilter_w2.json"));
        JsonNode messages = dfs.path("answer_generation").path("train_messages").get(0);
        return List.of(Message.fromJson(messages.get(0)), Message.fromJson(messages.get(1)));
    }

    private static JsonNode read(Path file) throws IOException {
        return Json.MAPPER.readTree(Files.readString(file));
    }
}
