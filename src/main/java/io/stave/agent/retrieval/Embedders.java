package io.stave.agent.retrieval;

import io.stave.Sha256;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.stave.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Parses a retriever SPEC into an {@link Embedder}:
 *
 * <ul>
 *   <li>{@code minilm} (alias {@code all-minilm-l6-v2}; the default): langchain4j's in-process
 *       all-MiniLM-L6-v2, mean pooling, 384 dimensions;
 *   <li>{@code onnx:PATH[,tokenizer=PATH][,pooling=mean|cls]}: any BERT-style ONNX export, such as
 *       ToolBench's own retriever {@code ToolBench/ToolBench_IR_bert_based_uncased} (a sentence-transformers
 *       model with mean pooling). The tokenizer is a HuggingFace {@code tokenizer.json}, by default the one
 *       beside the model file; pooling defaults to {@code mean}.
 * </ul>
 */
public final class Embedders {

    public static final String DEFAULT = "minilm";
    /** Names the bundled model and the version of the artifact that carries it. */
    static final String MINILM_ID = "all-minilm-l6-v2@langchain4j-embeddings-1.19.0-beta29";

    private Embedders() {}

    public static Embedder parse(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.equals("minilm") || lower.equals("all-minilm-l6-v2")) {
            return new LangChainEmbedder(new AllMiniLmL6V2EmbeddingModel(), MINILM_ID);
        }
        if (lower.startsWith("onnx:")) {
            return onnx(spec.substring("onnx:".length()), spec);
        }
        throw new BadInputException("--retriever '" + spec
                + "': expected minilm or onnx:PATH[,tokenizer=PATH][,pooling=mean|cls]");
    }

    private static Embedder onnx(String arguments, String spec) {
        String[] parts = arguments.split(",");
        Path model = Path.of(parts[0]);
        Path tokenizer = null;
        PoolingMode pooling = PoolingMode.MEAN;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("tokenizer=")) {
                tokenizer = Path.of(part.substring("tokenizer=".length()));
            } else if (part.startsWith("pooling=")) {
                pooling = pooling(part.substring("pooling=".length()), spec);
            } else {
                throw new BadInputException("--retriever '" + spec + "': unknown option '" + part
                        + "' (expected tokenizer=PATH or pooling=mean|cls)");
            }
        }
        if (tokenizer == null) {
            tokenizer = model.toAbsolutePath().resolveSibling("tokenizer.json");
        }
        requireFile(model, "an ONNX model file");
        requireFile(tokenizer, "a HuggingFace tokenizer.json (give it with ,tokenizer=PATH)");
        String id = "onnx:" + sha256(model) + ":" + sha256(tokenizer) + ":" + pooling.name().toLowerCase(Locale.ROOT);
        return new LangChainEmbedder(new OnnxEmbeddingModel(model, tokenizer, pooling), id);
    }

    private static PoolingMode pooling(String name, String spec) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mean" -> PoolingMode.MEAN;
            case "cls" -> PoolingMode.CLS;
            default -> throw new BadInputException("--retriever '" + spec + "': pooling '" + name
                    + "': expected mean or cls");
        };
    }

    private static void requireFile(Path file, String expected) {
        if (!Files.isRegularFile(file)) {
            throw BadInputException.at(file, "(--retriever)", expected);
        }
    }

    /** The content hash keys the cache, so a re-exported model at the same path is re-embedded. */
    private static String sha256(Path file) {
        return Sha256.of(file).substring(0, 16);
    }
}
