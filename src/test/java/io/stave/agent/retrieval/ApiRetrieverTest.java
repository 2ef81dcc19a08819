package io.stave.agent.retrieval;

import static io.stave.agent.retrieval.HandMadeCorpus.key;
import static io.stave.agent.retrieval.HandMadeCorpus.query;
import static io.stave.agent.retrieval.HandMadeCorpus.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stave.BadInputException;
import io.stave.bench.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiRetrieverTest {

    @TempDir
    Path tmp;

    private final KeywordEmbedder embedder = new KeywordEmbedder();

    private ApiRetriever retriever(ApiCorpus corpus) {
        return ApiRetriever.builder().corpus(corpus).embedder(embedder).build();
    }

    private static ApiCorpus corpus() {
        return ApiCorpus.of(HandMadeCorpus.APIS, "hand-made");
    }

    private static List<String> names(List<RetrievedApi> ranking) {
        return ranking.stream().map(r -> r.api().name()).toList();
    }

    @Test
    void corpus_is_sorted_by_category_tool_and_api_and_holds_each_api_once() {
        List<io.stave.bench.Api> twice = new ArrayList<>(HandMadeCorpus.APIS);
        twice.addAll(HandMadeCorpus.APIS);
        ApiCorpus corpus = ApiCorpus.of(twice, "twice");
        assertThat(corpus.apis()).extracting(io.stave.bench.Api::name).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(corpus.hash()).isEqualTo(corpus().hash());
    }

    @Test
    void ranks_apis_by_cosine_similarity_with_their_scores() {
        List<RetrievedApi> top = retriever(corpus()).topK("What is the weather?", 3);
        assertThat(names(top)).containsExactly("a", "b", "c");
        assertThat(top).extracting(RetrievedApi::rank).containsExactly(1, 2, 3);
        assertThat(top.get(0).score()).isCloseTo(1.0, within(1e-6));
        assertThat(top.get(1).score()).isCloseTo(1 / Math.sqrt(2), within(1e-6));
        assertThat(top.get(2).score()).isCloseTo(1 / Math.sqrt(5), within(1e-6));
        assertThat(top.get(0).key()).isEqualTo(key("T1", "a"));
    }

    @Test
    void equal_scores_keep_corpus_order() {
        // d, e and f all score 0 against "weather"; a query without keywords scores 0 everywhere.
        assertThat(names(retriever(corpus()).topK("weather", 6))).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(names(retriever(corpus()).topK("hello", 4))).containsExactly("a", "b", "c", "d");
    }

    @Test
    void k_beyond_the_corpus_returns_every_api() {
        assertThat(retriever(corpus()).topK("music", 50)).hasSize(6).first()
                .extracting(r -> r.api().name()).isEqualTo("f");
    }

    @Test
    void rejects_a_blank_query_and_a_k_below_one() {
        ApiRetriever retriever = retriever(corpus());
        assertThatThrownBy(() -> retriever.topK("  ", 5)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> retriever.topK("weather", 0)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--k 0");
    }

    @Test
    void the_cache_serves_a_second_build_without_embedding_the_corpus_again() {
        EmbeddingCache cache = new EmbeddingCache(tmp.resolve("cache"));
        ApiRetriever first = ApiRetriever.builder().corpus(corpus()).embedder(embedder).cache(cache).build();
        assertThat(first.fromCache()).isFalse();
        assertThat(embedder.embedded).isEqualTo(6);

        ApiRetriever second = ApiRetriever.builder().corpus(corpus()).embedder(embedder).cache(cache).build();
        assertThat(second.fromCache()).isTrue();
        assertThat(embedder.embedded).isEqualTo(6);
        assertThat(names(second.topK("stock", 6))).isEqualTo(names(first.topK("stock", 6)));
        assertThat(second.topK("stock", 1).getFirst().score()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void another_corpus_or_a_damaged_cache_file_is_embedded_afresh() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(tmp.resolve("cache"));
        ApiRetriever.builder().corpus(corpus()).embedder(embedder).cache(cache).build();
        ApiCorpus smaller = ApiCorpus.of(HandMadeCorpus.APIS.subList(0, 3), "three");
        ApiRetriever other = ApiRetriever.builder().corpus(smaller).embedder(embedder).cache(cache).build();
        assertThat(other.fromCache()).isFalse();
        assertThat(embedder.embedded).isEqualTo(9);

        Path file = cache.file(embedder.id(), corpus().hash());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ApiRetriever again = ApiRetriever.builder().corpus(corpus()).embedder(embedder).cache(cache).build();
        assertThat(again.fromCache()).isFalse();
        assertThat(embedder.embedded).isEqualTo(15);
        assertThat(Files.size(file)).isEqualTo(bytes.length);
    }

    @Test
    void evaluation_averages_recall_and_ndcg_per_group_and_over_all_queries() {
        // q1 "weather" ranks a b c; relevant {b, d}: recall@3 1/2, NDCG@3 (1/log2 3) / (1 + 1/log2 3) = 0.386853
        // q2 "movie music" ranks f e a; relevant {e}: recall 1, NDCG 1/log2 3 = 0.630930
        // q3 has no relevant APIs: counted, not scored
        // q4 "stock" ranks d c b; relevant {d, (T9, zz)} with zz outside the corpus: recall 1/2, NDCG 1/1.630930
        Suite x = suite("x", query("1", "weather", List.of(key("T2", "b"), key("T4", "d"))),
                query("2", "movie music", List.of(key("T5", "e"))));
        Suite y = suite("y", query("3", "stock", List.of()),
                query("4", "stock", List.of(key("T4", "d"), key("T9", "zz"))));
        ApiRetriever retriever = retriever(ApiCorpus.fromSuites(List.of(x, y)));

        RetrievalReport report = RetrievalEvaluation.evaluate(retriever, List.of(x, y), 3);

        assertThat(report.corpusSize()).isEqualTo(6);
        assertThat(report.corpus()).isEqualTo("suites x, y");
        assertThat(report.k()).isEqualTo(3);
        GroupScores gx = report.groups().get(0);
        assertThat(gx.group()).isEqualTo("x");
        assertThat(gx.queries()).isEqualTo(2);
        assertThat(gx.scored()).isEqualTo(2);
        assertThat(gx.recall()).isCloseTo(0.75, within(1e-9));
        assertThat(gx.ndcg()).isCloseTo((0.386853 + 0.630930) / 2, within(1e-6));
        assertThat(gx.missing()).isZero();
        GroupScores gy = report.groups().get(1);
        assertThat(gy.queries()).isEqualTo(2);
        assertThat(gy.scored()).isEqualTo(1);
        assertThat(gy.recall()).isCloseTo(0.5, within(1e-9));
        assertThat(gy.ndcg()).isCloseTo(0.613147, within(1e-6));
        assertThat(gy.missing()).isEqualTo(1);
        GroupScores all = report.overall();
        assertThat(all.queries()).isEqualTo(4);
        assertThat(all.scored()).isEqualTo(3);
        assertThat(all.recall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(all.ndcg()).isCloseTo((0.386853 + 0.630930 + 0.613147) / 3, within(1e-6));
        assertThat(all.missing()).isEqualTo(1);
    }
}
