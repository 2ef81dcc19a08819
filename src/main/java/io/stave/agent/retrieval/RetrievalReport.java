package io.stave.agent.retrieval;

import java.util.List;

/**
 * The outcome of {@link RetrievalEvaluation}.
 *
 * @param retriever  the embedder id
 * @param corpus     where the corpus came from
 * @param corpusSize number of APIs in the corpus
 * @param k          the cut-off of recall@k and NDCG@k
 * @param groups     one row per suite, in the order given
 * @param overall    the mean over all scored queries of all suites
 */
public record RetrievalReport(String retriever, String corpus, int corpusSize, int k, List<GroupScores> groups,
        GroupScores overall) {

    public RetrievalReport {
        groups = List.copyOf(groups);
    }
}
