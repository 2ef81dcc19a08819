package io.stave.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.agent.retrieval.ApiCorpus;
import io.stave.agent.retrieval.ApiRetriever;
import io.stave.agent.retrieval.Embedder;
import io.stave.bench.Api;
import io.stave.bench.Names;
import io.stave.bench.Query;
import io.stave.bench.Suite;
import io.stave.bench.data.Suites;
import io.stave.bench.py.Json;
import io.stave.bench.Profile;
import io.stave.bench.ToolCatalog;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import io.stave.bench.schema.ToolFunction;
import io.stave.llm.ChatRequest;
import io.stave.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stave run} in the DFSDT-Retriever setting: the retrieved top-k APIs replace each query's api_list. */
class RetrieverRunTest {

    @TempDir
    Path dir;

    private final Suite suite = Suites.fromFile(
            Shared.stableToolBench().resolve("solvable_queries_example/test_instruction/G1_instruction.json"), null);

    /** Bag of words hashed into 64 dimensions: deterministic, and hand-checkable by {@link #cosine}. */
    static final class WordEmbedder implements Embedder {
        @Override
        public String id() {
            return "test-words-64";
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(WordEmbedder::vector).toList();
        }

        static float[] vector(String text) {
            float[] v = new float[64];
            for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                if (word.length() > 2) {
                    v[Math.floorMod(word.hashCode(), 64)]++;
                }
            }
            return v;
        }
    }

    private RunConfig config(int k) {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("method", "react");
        set.put("profile", "toolbench");
        set.put("retriever.model", "test-words");
        set.put("retriever.k", Integer.toString(k));
        return RunConfig.resolve(List.of(), set);
    }

    private AgentRun.Outcome run(RunConfig config, Scripted.ScriptedBackend backend, Path runDir)
            throws InterruptedException {
        ApiCorpus corpus = QueryRetrieval.corpus(config.retriever(), List.of(suite), null);
        ApiRetriever retriever = ApiRetriever.builder().corpus(corpus).embedder(new WordEmbedder()).build();
        return AgentRun.builder().config(config).suites(List.of(suite))
                .model("scripted", backend)
                .tools("none", call -> { throw new AssertionError("no tool is called: the script answers at once"); })
                .runDir(runDir).retrieval(new QueryRetrieval(retriever, config.retriever())).build().run();
    }

    private static Scripted.ScriptedBackend answering() {
        return new Scripted.ScriptedBackend(request -> Scripted.answer("done"));
    }

    @Test
    void each_query_is_offered_the_functions_of_its_retrieved_top_k_apis_and_the_ledger_records_them()
            throws Exception {
        Path runDir = dir.resolve("run");
        Scripted.ScriptedBackend backend = answering();
        assertThat(run(config(2), backend, runDir).exitCode()).isZero();

        ApiCorpus corpus = ApiCorpus.fromSuites(List.of(suite));
        assertThat(corpus.size()).as("the corpus pools the APIs of all three queries").isGreaterThan(
                suite.queries().stream().mapToInt(q -> q.apis().size()).max().orElseThrow());
        Map<String, JsonNode> ledger = new LinkedHashMap<>();
        Files.readAllLines(runDir.resolve("ledger.jsonl")).forEach(l -> {
            JsonNode r = Json.parse(l);
            ledger.put(r.path("qid").asText(), r);
        });
        int differentFromOwnList = 0;
        for (Query query : suite.queries()) {
            List<Api> expected = topByCosine(corpus, query.text(), 2);
            JsonNode retrieved = ledger.get(query.id()).path("retrieved");
            assertThat(retrieved).hasSize(2);
            for (int r = 0; r < 2; r++) {
                assertThat(retrieved.get(r).path("rank").asInt()).isEqualTo(r + 1);
                assertThat(retrieved.get(r).path("tool_name").asText()).isEqualTo(expected.get(r).toolName());
                assertThat(retrieved.get(r).path("api_name").asText()).isEqualTo(expected.get(r).name());
                assertThat(retrieved.get(r).path("score").asDouble())
                        .isCloseTo(cosine(query.text(), expected.get(r)), org.assertj.core.data.Offset.offset(1e-6));
            }
            ChatRequest first = backend.requests.stream()
                    .filter(req -> req.episode().equals("G1_instruction/" + query.id() + "_CoT@1"))
                    .findFirst().orElseThrow();
            List<String> offered = first.functions().apis().stream().map(ToolFunction::name).toList();
            assertThat(offered).as("query " + query.id()).containsExactlyElementsOf(functionNames(query, expected));
            assertThat(first.functions().names()).hasSize(3).last().isEqualTo("Finish");
            // The system prompt describes the retrieved tools, as with any api_list.
            String system = first.messages().getFirst().content();
            expected.forEach(api -> assertThat(system).contains("." + Names.standardize(api.toolName()) + ": "));
            if (!offered.equals(functionNames(query, query.apis().subList(0, 2)))) {
                differentFromOwnList++;
            }
            // The answer file keeps ToolBench's format: functions of the retrieved APIs, no stave field.
            JsonNode answer = Json.parse(Files.readString(runDir.resolve("answers/G1_instruction/" + query.id() + "_CoT@1.json")));
            assertThat(answer.path("answer_generation").has("retrieved")).isFalse();
            assertThat(answer.path("answer_generation").path("function")).hasSize(3);
            assertThat(answer.path("answer_generation").path("query").asText()).isEqualTo(query.text());
        }
        assertThat(differentFromOwnList).as("retrieval changed what some query is offered").isPositive();

        JsonNode manifest = Json.parse(Files.readString(runDir.resolve("manifest.json"))).path("retriever");
        assertThat(manifest.path("model").asText()).isEqualTo("test-words");
        assertThat(manifest.path("embedder_id").asText()).isEqualTo("test-words-64");
        assertThat(manifest.path("k").asInt()).isEqualTo(2);
        assertThat(manifest.path("corpus_size").asInt()).isEqualTo(corpus.size());
        assertThat(manifest.path("corpus_sha256").asText()).isEqualTo(corpus.hash());
    }

    @Test
    void resuming_with_another_k_is_refused_and_with_the_same_k_skips_the_done_queries() throws Exception {
        Path runDir = dir.resolve("resume");
        assertThat(run(config(2), answering(), runDir).exitCode()).isZero();

        assertThatThrownBy(() -> run(config(3), answering(), runDir))
                .isInstanceOf(BadInputException.class).hasMessageContaining("retriever.k")
                .hasMessageContaining("--allow-config-change");

        Scripted.ScriptedBackend again = answering();
        AgentRun.Outcome resumed = run(config(2), again, runDir);
        assertThat(resumed.skipped()).isEqualTo(3);
        assertThat(again.requests).isEmpty();
    }

    @Test
    void the_retriever_is_off_unless_configured_and_its_keys_are_checked() {
        assertThat(RunConfig.resolve(List.of(), Map.of("profile", "toolbench")).retriever()).isNull();
        assertThat(RunConfig.resolve(List.of(), Map.of()).retriever()).isNull();
        assertThat(config(5).retriever()).isEqualTo(new RetrieverSetting("test-words", 5, "suite", null));
        assertThatThrownBy(() -> RunConfig.resolve(List.of(), Map.of("retriever.modle", "minilm")))
                .hasMessageContaining("unknown config key 'retriever.modle'")
                .hasMessageContaining("did you mean 'retriever.model'");
        assertThatThrownBy(() -> RunConfig.resolve(List.of(), Map.of("retriever.model", "minilm", "retriever.k", "0")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("retriever.k");
        assertThatThrownBy(() -> RunConfig.resolve(List.of(), Map.of("retriever.model", "minilm", "retriever.corpus", "web")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("retriever.corpus");
        assertThatThrownBy(() -> QueryRetrieval.corpus(new RetrieverSetting("minilm", 5, "tools", null), List.of(suite), null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("tool root");
    }

    private static List<String> functionNames(Query query, List<Api> apis) {
        Query offered = new Query(query.id(), query.text(), apis, List.of());
        return FunctionSchemas.build(offered, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH)).apis().stream()
                .map(ToolFunction::name).toList();
    }

    /** The test's own ranking: cosine of bag-of-words vectors, ties in corpus order. */
    private static List<Api> topByCosine(ApiCorpus corpus, String query, int k) {
        List<Api> apis = new ArrayList<>(corpus.apis());
        List<Integer> order = IntStream.range(0, apis.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> cosine(query, apis.get(i))).reversed()).toList();
        return order.subList(0, k).stream().map(apis::get).toList();
    }

    private static double cosine(String query, Api api) {
        float[] a = WordEmbedder.vector(query);
        float[] b = WordEmbedder.vector(io.stave.agent.retrieval.ApiDocuments.text(api));
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
