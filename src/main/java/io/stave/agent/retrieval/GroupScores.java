package io.stave.agent.retrieval;

/**
 * Mean retrieval scores over the queries of one group (or of all groups: the mean over all their queries).
 *
 * @param group   group name, e.g. {@code G1_instruction}, or {@code overall}
 * @param queries queries in the group
 * @param scored  queries with a non-empty {@code relevant APIs} list: the ones averaged
 * @param recall  mean recall@k over the scored queries
 * @param ndcg    mean NDCG@k over the scored queries
 * @param missing relevant APIs of the scored queries that the corpus does not hold (they can never be found)
 */
public record GroupScores(String group, int queries, int scored, double recall, double ndcg, int missing) {}
