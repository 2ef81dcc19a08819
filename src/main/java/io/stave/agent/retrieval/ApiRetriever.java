package io.stave.agent.retrieval;

import io.stave.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Exact top-k API retrieval by cosine similarity of sentence embeddings.
 *
 * <p>Built once per corpus: every API document is embedded (or read back from the {@link EmbeddingCache})
 * and normalised to unit length, so a query costs one embedding and one dot product per API. The ranking
 * is by score, highest first; equal scores keep corpus order ({@link ApiCorpus}: category, tool, API),
 * so the same inputs always give the same list. Thread-safe after {@link Builder#build()}.
 */
public final class ApiRetriever {

    /** Documents per call to the model: bounds memory and paces the progress reports. */
    private static final int BATCH = 64;

    private final ApiCorpus corpus;
    private final Embedder embedder;
    private final float[][] vectors;
    private final boolean fromCache;

    private ApiRetriever(ApiCorpus corpus, Embedder embedder, float[][] vectors, boolean fromCache) {
        this.corpus = corpus;
        this.embedder = embedder;
        this.vectors = vectors;
        this.fromCache = fromCache;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ApiCorpus corpus() {
        return corpus;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** True when the corpus vectors were read from the cache rather than computed. */
    public boolean fromCache() {
        return fromCache;
    }

    /** The {@code k} APIs most similar to the query (fewer when the corpus is smaller), best first. */
    public List<RetrievedApi> topK(String query, int k) {
        return topK(List.of(query), k).getFirst();
    }

    /** {@link #topK(String, int)} for many queries, embedded together. */
    public List<List<RetrievedApi>> topK(List<String> queries, int k) {
        if (k < 1) {
            throw new BadInputException("--k " + k + ": expected a positive number of APIs");
        }
        for (String query : queries) {
            if (query == null || query.isBlank()) {
                throw new BadInputException("query text: expected a non-blank request to retrieve APIs for");
            }
        }
        List<List<RetrievedApi>> rankings = new ArrayList<>(queries.size());
        for (float[] q : embedAll(embedder, queries)) {
            rankings.add(rank(unit(q), k));
        }
        return rankings;
    }

    private List<RetrievedApi> rank(float[] query, int k) {
        double[] scores = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            scores[i] = dot(query, vectors[i]);
        }
        // A stable sort on the score alone keeps corpus order among ties.
        Integer[] order = new Integer[vectors.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int n = Math.min(k, order.length);
        List<RetrievedApi> top = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            top.add(new RetrievedApi(corpus.apis().get(order[r]), scores[order[r]], r + 1));
        }
        return top;
    }

    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalStateException("embedding dimensions differ: query " + a.length + ", corpus " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** The vector scaled to length 1 (a zero vector stays zero and scores 0 against everything). */
    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        float[] u = new float[v.length];
        for (int i = 0; i < v.length && norm > 0; i++) {
            u[i] = (float) (v[i] / norm);
        }
        return u;
    }

    private static List<float[]> embedAll(Embedder embedder, List<String> texts) {
        List<float[]> vectors = embedder.embedAll(texts);
        if (vectors.size() != texts.size()) {
            throw new IllegalStateException(embedder.id() + " returned " + vectors.size() + " vectors for "
                    + texts.size() + " texts");
        }
        return vectors;
    }

    /** Options of a retriever: the corpus and model are required, the cache and progress listener optional. */
    public static final class Builder {

        private ApiCorpus corpus;
        private Embedder embedder;
        private EmbeddingCache cache;
        private IntConsumer progress = done -> {};

        private Builder() {}

        public Builder corpus(ApiCorpus corpus) {
            this.corpus = corpus;
            return this;
        }

        public Builder embedder(Embedder embedder) {
            this.embedder = embedder;
            return this;
        }

        /** Where corpus vectors are kept between runs; none by default. */
        public Builder cache(EmbeddingCache cache) {
            this.cache = cache;
            return this;
        }

        /** Told the number of documents embedded so far, after each batch (not called on a cache hit). */
        public Builder progress(IntConsumer progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public ApiRetriever build() {
            Objects.requireNonNull(corpus, "corpus");
            Objects.requireNonNull(embedder, "embedder");
            if (corpus.size() == 0) {
                throw new BadInputException("API corpus (" + corpus.description() + "): expected at least one API");
            }
            String hash = corpus.hash();
            List<float[]> cached = cache == null ? null : cache.load(embedder.id(), hash, corpus.size()).orElse(null);
            List<float[]> raw = cached != null ? cached : embedCorpus();
            if (cached == null && cache != null) {
                cache.store(embedder.id(), hash, raw);
            }
            float[][] vectors = raw.stream().map(ApiRetriever::unit).toArray(float[][]::new);
            return new ApiRetriever(corpus, embedder, vectors, cached != null);
        }

        private List<float[]> embedCorpus() {
            List<String> documents = corpus.documents();
            List<float[]> vectors = new ArrayList<>(documents.size());
            for (int from = 0; from < documents.size(); from += BATCH) {
                vectors.addAll(embedAll(embedder, documents.subList(from, Math.min(documents.size(), from + BATCH))));
                progress.accept(vectors.size());
            }
            return vectors;
        }
    }
}
