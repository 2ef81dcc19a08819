package io.stave.agent.retrieval;

import io.stave.bench.Query;
import io.stave.bench.RelevantApi;
import io.stave.bench.Suite;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores a retriever against the {@code relevant APIs} of each query (spec/toolbench.md §2.1): every query
 * text is sent to {@link ApiRetriever#topK}, and its ranking judged with {@link RetrievalMetrics}. Queries
 * without relevant APIs are counted but not averaged.
 */
public final class RetrievalEvaluation {

    private RetrievalEvaluation() {}

    public static RetrievalReport evaluate(ApiRetriever retriever, List<Suite> suites, int k) {
        Set<RelevantApi> inCorpus = retriever.corpus().apis().stream()
                .map(api -> new RelevantApi(api.toolName(), api.name()))
                .collect(Collectors.toSet());
        List<GroupScores> groups = new ArrayList<>();
        Totals all = new Totals();
        for (Suite suite : suites) {
            Totals group = new Totals();
            List<Query> queries = suite.queries();
            List<List<RetrievedApi>> rankings = retriever.topK(queries.stream().map(Query::text).toList(), k);
            for (int i = 0; i < queries.size(); i++) {
                Set<RelevantApi> relevant = new LinkedHashSet<>(queries.get(i).relevantApis());
                List<RelevantApi> ranking = rankings.get(i).stream().map(RetrievedApi::key).toList();
                group.add(relevant, ranking, k, inCorpus);
                all.add(relevant, ranking, k, inCorpus);
            }
            groups.add(group.scores(suite.name()));
        }
        return new RetrievalReport(retriever.embedder().id(), retriever.corpus().description(),
                retriever.corpus().size(), k, groups, all.scores("overall"));
    }

    /** Running sums of one group. */
    private static final class Totals {
        int queries;
        int scored;
        double recall;
        double ndcg;
        int missing;

        void add(Set<RelevantApi> relevant, List<RelevantApi> ranking, int k, Set<RelevantApi> inCorpus) {
            queries++;
            if (relevant.isEmpty()) {
                return;
            }
            scored++;
            recall += RetrievalMetrics.recallAtK(ranking, relevant, k);
            ndcg += RetrievalMetrics.ndcgAtK(ranking, relevant, k);
            missing += (int) relevant.stream().filter(api -> !inCorpus.contains(api)).count();
        }

        GroupScores scores(String name) {
            return new GroupScores(name, queries, scored, scored == 0 ? Double.NaN : recall / scored,
                    scored == 0 ? Double.NaN : ndcg / scored, missing);
        }
    }
}
