/**
 * The API retriever of ToolBench's "DFSDT-Retriever" setting: instead of a query's own {@code api_list},
 * the agent is offered the top-k APIs of a tool corpus, ranked by the cosine similarity of sentence
 * embeddings of the query and of each API's document.
 *
 * <p>Use: build an {@link io.stave.agent.retrieval.ApiCorpus} (from suites or a tool root), then an
 * {@link io.stave.agent.retrieval.ApiRetriever} with an {@link io.stave.agent.retrieval.Embedder}
 * ({@link io.stave.agent.retrieval.Embedders#parse}), and call
 * {@link io.stave.agent.retrieval.ApiRetriever#topK(String, int)}:
 *
 * <pre>{@code
 * ApiRetriever retriever = ApiRetriever.builder()
 *         .corpus(ApiCorpus.fromSuites(suites))
 *         .embedder(Embedders.parse("minilm"))
 *         .build();
 * List<RetrievedApi> top5 = retriever.topK(query.text(), 5);
 * }</pre>
 *
 * <p>{@link io.stave.agent.retrieval.RetrievalEvaluation} scores a retriever against the queries'
 * {@code relevant APIs} with {@link io.stave.agent.retrieval.RetrievalMetrics} (recall@k, NDCG@k).
 */
package io.stave.agent.retrieval;
