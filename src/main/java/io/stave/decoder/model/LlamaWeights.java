package io.stave.decoder.model;

import io.stave.decoder.tensor.WeightMatrix;
import java.util.List;

/**
 * The tensors of a Llama model, all matrices {@code [out][in]} in the adjacent-pair RoPE layout
 * unless the config says otherwise. Norm gains are small and read once into heap arrays.
 *
 * @param tokenEmbedding {@code [V][D]}; rows are read one token at a time
 * @param classifier     {@code [V][D]}; the same object as the embedding when tied
 */
public record LlamaWeights(WeightMatrix tokenEmbedding, List<Layer> layers, float[] finalNorm,
        WeightMatrix classifier) {

    /** One transformer block. w1 = gate, w2 = down, w3 = up. */
    public record Layer(float[] attentionNorm, WeightMatrix wq, WeightMatrix wk, WeightMatrix wv,
            WeightMatrix wo, float[] ffnNorm, WeightMatrix w1, WeightMatrix w2, WeightMatrix w3) {}

    public boolean tiedClassifier() {
        return classifier == tokenEmbedding;
    }
}
