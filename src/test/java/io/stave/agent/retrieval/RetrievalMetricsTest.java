package io.stave.agent.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stave.bench.RelevantApi;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

    private static final RelevantApi A = new RelevantApi("T", "a");
    private static final RelevantApi B = new RelevantApi("T", "b");
    private static final RelevantApi C = new RelevantApi("T", "c");
    private static final RelevantApi D = new RelevantApi("T", "d");
    private static final RelevantApi X = new RelevantApi("T", "x");
    private static final RelevantApi Y = new RelevantApi("T", "y");

    // Ranking a x b y c against R = {a, b, c, d}: hits at ranks 1, 3 and 5.
    private static final List<RelevantApi> RANKING = List.of(A, X, B, Y, C);
    private static final Set<RelevantApi> RELEVANT = Set.of(A, B, C, D);

    @Test
    void recall_at_k_is_the_share_of_relevant_apis_in_the_first_k() {
        assertThat(RetrievalMetrics.recallAtK(RANKING, RELEVANT, 5)).isEqualTo(0.75);
        assertThat(RetrievalMetrics.recallAtK(RANKING, RELEVANT, 2)).isEqualTo(0.25);
        assertThat(RetrievalMetrics.recallAtK(RANKING, RELEVANT, 100)).isEqualTo(0.75);
    }

    @Test
    void ndcg_at_k_discounts_each_hit_by_log2_of_rank_plus_one() {
        // DCG@5 = 1/log2(2) + 1/log2(4) + 1/log2(6) = 1 + 0.5 + 0.386853 = 1.886853
        // IDCG@5 = 1/log2(2) + 1/log2(3) + 1/log2(4) + 1/log2(5) = 1 + 0.630930 + 0.5 + 0.430677 = 2.561606
        assertThat(RetrievalMetrics.ndcgAtK(RANKING, RELEVANT, 5)).isCloseTo(1.886853 / 2.561606, within(1e-6));
        // DCG@3 = 1.5, IDCG@3 = 2.130930
        assertThat(RetrievalMetrics.ndcgAtK(RANKING, RELEVANT, 3)).isCloseTo(1.5 / 2.130930, within(1e-6));
        assertThat(RetrievalMetrics.ndcgAtK(RANKING, RELEVANT, 1)).isEqualTo(1.0);
        assertThat(RetrievalMetrics.ndcgAtK(List.of(X, A), Set.of(A), 2)).isCloseTo(0.630930, within(1e-6));
    }

    @Test
    void a_perfect_ranking_scores_one_and_a_ranking_without_hits_zero() {
        assertThat(RetrievalMetrics.ndcgAtK(List.of(B, A, X), Set.of(A, B), 3)).isCloseTo(1.0, within(1e-12));
        assertThat(RetrievalMetrics.recallAtK(List.of(B, A, X), Set.of(A, B), 3)).isEqualTo(1.0);
        assertThat(RetrievalMetrics.ndcgAtK(List.of(X, Y), Set.of(A), 2)).isZero();
        assertThat(RetrievalMetrics.recallAtK(List.of(X, Y), Set.of(A), 2)).isZero();
    }

    @Test
    void an_api_listed_twice_in_the_ranking_is_credited_once() {
        // The same [tool, api] under two categories: the second copy is no second hit.
        assertThat(RetrievalMetrics.recallAtK(List.of(A, A), Set.of(A, B), 2)).isEqualTo(0.5);
        assertThat(RetrievalMetrics.ndcgAtK(List.of(A, A), Set.of(A, B), 2)).isCloseTo(1 / 1.630930, within(1e-6));
    }

    @Test
    void metrics_are_undefined_without_relevant_apis() {
        assertThatThrownBy(() -> RetrievalMetrics.recallAtK(RANKING, Set.of(), 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrievalMetrics.ndcgAtK(RANKING, Set.of(), 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
