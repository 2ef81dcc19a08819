package io.stave.agent.retrieval;

import io.stave.bench.RelevantApi;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ranking metrics with binary relevance: an API is relevant iff its {@code [tool_name, api_name]} is in the
 * query's {@code relevant APIs} set {@code R} (|R| ≥ 1). A relevant pair is credited once, at its first
 * position, should the corpus hold it under two categories.
 *
 * <ul>
 *   <li><b>recall@k</b> = |R ∩ top_k| / |R| — the share of the relevant APIs found in the first k.
 *   <li><b>NDCG@k</b> = DCG@k / IDCG@k, where DCG@k = Σ_{i=1..k} rel_i / log2(i + 1) with rel_i = 1 if the
 *       API at rank i is relevant (and not already credited), else 0; IDCG@k = Σ_{i=1..min(k, |R|)} 1 / log2(i + 1),
 *       the DCG of a ranking with every relevant API on top. This is the NDCG that ToolBench's retriever
 *       evaluation reports (sentence-transformers' information-retrieval evaluator).
 * </ul>
 */
public final class RetrievalMetrics {

    private RetrievalMetrics() {}

    public static double recallAtK(List<RelevantApi> ranking, Set<RelevantApi> relevant, int k) {
        requireRelevant(relevant);
        Set<RelevantApi> found = new HashSet<>();
        for (RelevantApi api : ranking.subList(0, Math.min(k, ranking.size()))) {
            if (relevant.contains(api)) {
                found.add(api);
            }
        }
        return (double) found.size() / relevant.size();
    }

    public static double ndcgAtK(List<RelevantApi> ranking, Set<RelevantApi> relevant, int k) {
        requireRelevant(relevant);
        Set<RelevantApi> credited = new HashSet<>();
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            RelevantApi api = ranking.get(i);
            if (relevant.contains(api) && credited.add(api)) {
                dcg += discount(i + 1);
            }
        }
        double idcg = 0;
        for (int i = 1; i <= Math.min(k, relevant.size()); i++) {
            idcg += discount(i);
        }
        return dcg / idcg;
    }

    /** 1 / log2(rank + 1): 1 at rank 1, 0.63 at rank 2, 0.5 at rank 3. */
    private static double discount(int rank) {
        return Math.log(2) / Math.log(rank + 1);
    }

    private static void requireRelevant(Set<RelevantApi> relevant) {
        if (relevant.isEmpty()) {
            throw new IllegalArgumentException("recall and NDCG are undefined for a query without relevant APIs");
        }
    }
}
