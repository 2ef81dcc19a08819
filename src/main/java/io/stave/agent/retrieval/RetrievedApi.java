package io.stave.agent.retrieval;

import io.stave.bench.Api;
import io.stave.bench.RelevantApi;

/**
 * One API of a ranking.
 *
 * @param api   the corpus API, with its full documentation (usable as an {@code api_list} entry)
 * @param score cosine similarity of the query and the API document, in [-1, 1]
 * @param rank  1 for the best
 */
public record RetrievedApi(Api api, double score, int rank) {

    /** The {@code [tool_name, api_name]} pair that {@code relevant APIs} lists. */
    public RelevantApi key() {
        return new RelevantApi(api.toolName(), api.name());
    }
}
