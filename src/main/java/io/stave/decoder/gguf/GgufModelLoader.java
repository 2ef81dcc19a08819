package io.stave.decoder.gguf;

import io.stave.BadInputException;
import io.stave.decoder.model.LlamaConfig;
import io.stave.decoder.model.LlamaWeights;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.RopePairing;
import io.stave.decoder.model.Tensors;
import io.stave.decoder.tensor.WeightMatrix;
import io.stave.decoder.tokenizer.Tokenizer;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Loads a {@code llama} GGUF (spec/decoder.md §5) into a {@link Model}; tensors stay in the mapping. */
public final class GgufModelLoader {

    private GgufModelLoader() {}

    public static Model load(Path path) {
        Arena arena = Arena.ofShared();
        try {
            return load(GgufFile.open(path, arena), arena);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    static Model load(GgufFile gguf, Arena arena) {
        Path path = gguf.path();
        String architecture = gguf.string("general.architecture");
        if (!architecture.equals("llama")) {
            throw new BadInputException(path + ": metadata general.architecture: expected llama, found " + architecture);
        }
        Tokenizer tokenizer = GgufTokenizers.read(gguf);
        LlamaConfig config = config(gguf, tokenizer.vocabSize());
        LlamaWeights weights = weights(gguf, config);
        Set<Integer> stops = new HashSet<>();
        if (tokenizer.eos() >= 0) {
            stops.add(tokenizer.eos());
        }
        return new Model(path.toString(), "gguf v" + gguf.version(), config, weights, tokenizer, stops, arena);
    }

    static LlamaConfig config(GgufFile gguf, int vocabSize) {
        Path path = gguf.path();
        int dim = gguf.positiveInt("llama.embedding_length");
        int heads = gguf.positiveInt("llama.attention.head_count");
        long kvHeads = gguf.integer("llama.attention.head_count_kv", heads);
        if (kvHeads <= 0 || heads % kvHeads != 0) {
            throw new BadInputException(path + ": llama.attention.head_count_kv: expected a divisor of the head count "
                    + heads + ", found " + kvHeads);
        }
        if (dim % heads != 0) {
            throw new BadInputException(path + ": llama.attention.head_count: expected a divisor of the embedding length "
                    + dim + ", found " + heads);
        }
        int headSize = dim / heads;
        long ropeDims = gguf.integer("llama.rope.dimension_count", headSize);
        if (ropeDims <= 0 || ropeDims > headSize || ropeDims % 2 != 0) {
            throw new BadInputException(path + ": llama.rope.dimension_count: expected an even number up to the head size "
                    + headSize + ", found " + ropeDims);
        }
        long declaredVocab = gguf.integer("llama.vocab_size", vocabSize);
        if (declaredVocab != vocabSize) {
            throw new BadInputException(path + ": llama.vocab_size: expected the token count " + vocabSize + ", found "
                    + declaredVocab);
        }
        double base = gguf.number("llama.rope.freq_base", 10000.0);
        return new LlamaConfig(dim, gguf.positiveInt("llama.feed_forward_length"), gguf.positiveInt("llama.block_count"),
                heads, (int) kvHeads, vocabSize, gguf.positiveInt("llama.context_length"),
                (float) gguf.number("llama.attention.layer_norm_rms_epsilon", 1e-5), (int) ropeDims, base,
                ropeScale(gguf), RopePairing.ADJACENT);
    }

    /** The linear PI ratio the file declares (§3.4); other scaling types are rejected. */
    private static double ropeScale(GgufFile gguf) {
        Path path = gguf.path();
        if (gguf.tensor("rope_freqs.weight") != null) {
            throw new BadInputException(path + ": tensor rope_freqs.weight: expected no per-frequency RoPE factors "
                    + "(Llama-3.1 scaling is not supported)");
        }
        Object type = gguf.metadata().get("llama.rope.scaling.type");
        if (type != null && !type.equals("none") && !type.equals("linear")) {
            throw new BadInputException(path + ": metadata llama.rope.scaling.type: expected none or linear, found " + type);
        }
        double factor = "linear".equals(type) ? gguf.number("llama.rope.scaling.factor", 1.0)
                : gguf.number("llama.rope.scale_linear", 1.0);
        if (!(factor > 0)) {
            throw new BadInputException(path + ": metadata llama.rope.scaling.factor: expected a positive number, found "
                    + factor);
        }
        return factor;
    }

    private static LlamaWeights weights(GgufFile gguf, LlamaConfig c) {
        WeightMatrix embedding = matrix(gguf, "token_embd.weight", c.vocabSize(), c.dim());
        List<LlamaWeights.Layer> layers = new ArrayList<>();
        for (int l = 0; l < c.layers(); l++) {
            String p = "blk." + l + ".";
            layers.add(new LlamaWeights.Layer(
                    vector(gguf, p + "attn_norm.weight", c.dim()),
                    matrix(gguf, p + "attn_q.weight", c.dim(), c.dim()),
                    matrix(gguf, p + "attn_k.weight", c.kvDim(), c.dim()),
                    matrix(gguf, p + "attn_v.weight", c.kvDim(), c.dim()),
                    matrix(gguf, p + "attn_output.weight", c.dim(), c.dim()),
                    vector(gguf, p + "ffn_norm.weight", c.dim()),
                    matrix(gguf, p + "ffn_gate.weight", c.hiddenDim(), c.dim()),
                    matrix(gguf, p + "ffn_down.weight", c.dim(), c.hiddenDim()),
                    matrix(gguf, p + "ffn_up.weight", c.hiddenDim(), c.dim())));
        }
        // No output.weight means the classifier is tied to the embedding.
        WeightMatrix classifier = gguf.tensor("output.weight") == null ? embedding
                : matrix(gguf, "output.weight", c.vocabSize(), c.dim());
        return new LlamaWeights(embedding, List.copyOf(layers), vector(gguf, "output_norm.weight", c.dim()), classifier);
    }

    private static GgufTensor tensor(GgufFile gguf, String name, long... dims) {
        GgufTensor tensor = gguf.tensor(name);
        if (tensor == null) {
            throw new BadInputException(gguf.path() + ": tensor " + name + ": expected the tensor, it is missing");
        }
        if (!Arrays.equals(tensor.dims(), dims)) {
            throw new BadInputException(gguf.path() + ": tensor " + name + ": dims: expected " + Arrays.toString(dims)
                    + ", found " + Arrays.toString(tensor.dims()));
        }
        return tensor;
    }

    private static WeightMatrix matrix(GgufFile gguf, String name, int rows, int cols) {
        GgufTensor t = tensor(gguf, name, cols, rows); // GGUF dims are ne order: [in, out]
        return Tensors.matrix(gguf.path() + ": tensor " + name, t.type(), t.data(), rows, cols);
    }

    private static float[] vector(GgufFile gguf, String name, int length) {
        GgufTensor t = tensor(gguf, name, length);
        return Tensors.vector(gguf.path() + ": tensor " + name, t.type(), t.data(), length);
    }
}
