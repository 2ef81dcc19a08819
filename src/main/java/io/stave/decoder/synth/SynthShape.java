package io.stave.decoder.synth;

import java.util.List;
import java.util.Optional;

/**
 * The hyperparameters of a real Llama architecture, for synthetic weights of the same shape.
 *
 * @param name the {@code --shape} name
 * @param dim embedding length D
 * @param hidden feed-forward length F
 * @param layers block count L
 * @param heads query heads H
 * @param kvHeads key/value heads H_kv
 * @param vocab vocabulary size V
 * @param context trained context length
 * @param rmsEps RMSNorm epsilon
 * @param ropeBase RoPE frequency base
 * @param tiedOutput true when the model reuses token_embd as the output matrix (no output.weight)
 */
public record SynthShape(
        String name, int dim, int hidden, int layers, int heads, int kvHeads, int vocab, int context,
        float rmsEps, float ropeBase, boolean tiedOutput) {

    public static final SynthShape STORIES_260K =
            new SynthShape("stories260k", 64, 172, 5, 8, 4, 512, 512, 1e-5f, 10000f, true);
    public static final SynthShape TINYLLAMA_1_1B =
            new SynthShape("tinyllama-1.1b", 2048, 5632, 22, 32, 4, 32000, 2048, 1e-5f, 10000f, false);
    public static final SynthShape LLAMA_2_7B =
            new SynthShape("llama-2-7b", 4096, 11008, 32, 32, 32, 32000, 4096, 1e-5f, 10000f, false);

    public static final List<SynthShape> ALL = List.of(STORIES_260K, TINYLLAMA_1_1B, LLAMA_2_7B);

    public SynthShape {
        if (dim % heads != 0 || heads % kvHeads != 0) {
            throw new IllegalArgumentException("heads must divide dim and kv heads must divide heads");
        }
    }

    public static Optional<SynthShape> byName(String name) {
        return ALL.stream().filter(shape -> shape.name.equalsIgnoreCase(name)).findFirst();
    }

    public int headDim() {
        return dim / heads;
    }

    public int kvDim() {
        return kvHeads * headDim();
    }
}
