package io.stave.decoder.model;

/**
 * Llama hyperparameters (spec/decoder.md §2.1), whatever container they came from.
 *
 * @param dim            D, the model width
 * @param hiddenDim      F, the FFN hidden size
 * @param layers         L
 * @param heads          H, query heads
 * @param kvHeads        H_kv, key/value heads (GQA when fewer than H)
 * @param vocabSize      V
 * @param contextLength  the trained context the file declares (informational; may be a converter default)
 * @param rmsEps         ε of RMSNorm
 * @param ropeDims       n_rot, the rotated dimensions of each head (= head size for Llama)
 * @param ropeBase       the RoPE base the file declares (10000 when absent)
 * @param ropeScale      the linear position-interpolation ratio r the file declares (1 when absent)
 * @param ropePairing    which elements of a head form a rotation pair
 */
public record LlamaConfig(
        int dim,
        int hiddenDim,
        int layers,
        int heads,
        int kvHeads,
        int vocabSize,
        int contextLength,
        float rmsEps,
        int ropeDims,
        double ropeBase,
        double ropeScale,
        RopePairing ropePairing) {

    public LlamaConfig {
        if (dim <= 0 || hiddenDim <= 0 || layers <= 0 || heads <= 0 || kvHeads <= 0 || vocabSize <= 0) {
            throw new IllegalArgumentException("hyperparameters must be positive: " + dimensions());
        }
        if (dim % heads != 0 || heads % kvHeads != 0) {
            throw new IllegalArgumentException("dim must divide into heads and heads into kv heads: "
                    + dim + "/" + heads + "/" + kvHeads);
        }
    }

    /** d = D / H. */
    public int headSize() {
        return dim / heads;
    }

    /** kv_dim = d · H_kv. */
    public int kvDim() {
        return headSize() * kvHeads;
    }

    /** Query heads per key/value head. */
    public int groupSize() {
        return heads / kvHeads;
    }

    private String dimensions() {
        return "dim " + dim + ", hidden " + hiddenDim + ", layers " + layers + ", heads " + heads
                + ", kv heads " + kvHeads + ", vocab " + vocabSize;
    }

    /** The same configuration with another RoPE pairing (for weights stored in the other layout). */
    public LlamaConfig withRopePairing(RopePairing pairing) {
        return new LlamaConfig(dim, hiddenDim, layers, heads, kvHeads, vocabSize, contextLength, rmsEps,
                ropeDims, ropeBase, ropeScale, pairing);
    }
}
