package io.stave.agent.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;

/**
 * An {@link Embedder} over a langchain4j {@link EmbeddingModel} (the in-process ONNX models). The
 * in-process models embed a text longer than 510 tokens as the token-weighted mean of its 510-token
 * windows, where sentence-transformers truncates at the model's maximum length.
 */
public final class LangChainEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final String id;

    public LangChainEmbedder(EmbeddingModel model, String id) {
        this.model = model;
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }
}
