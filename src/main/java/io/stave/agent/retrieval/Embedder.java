package io.stave.agent.retrieval;

import java.util.List;

/** A sentence-embedding model: text in, one vector per text out. */
public interface Embedder {

    /**
     * Names the model in embedding-cache keys; it must change whenever the vectors would (another
     * model file, tokenizer or pooling).
     */
    String id();

    /** One vector per text, in order; all of the same dimension. */
    List<float[]> embedAll(List<String> texts);
}
