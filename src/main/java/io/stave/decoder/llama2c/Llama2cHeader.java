package io.stave.decoder.llama2c;

/**
 * The configuration of a llama2.c checkpoint (spec/decoder.md §7.1).
 *
 * @param version          0 (legacy, no magic), 1 (float32 with header) or 2 (int8 with grouped scales)
 * @param sharedClassifier whether the classifier is the token embedding
 * @param groupSize        the int8 group size (version 2 only, else 0)
 * @param headerBytes      28 for version 0, 256 otherwise
 */
record Llama2cHeader(int version, int dim, int hiddenDim, int layers, int heads, int kvHeads, int vocabSize,
        int seqLen, boolean sharedClassifier, int groupSize, int headerBytes) {

    int headSize() {
        return dim / heads;
    }

    int kvDim() {
        return headSize() * kvHeads;
    }

    /** Elements of every weight tensor kind, in llama2.c's order, for the size formulas. */
    long embeddingElements() {
        return (long) vocabSize * dim;
    }

    long layerMatrixElements() {
        return (long) layers * ((long) dim * dim * 2 + (long) kvDim() * dim * 2 + (long) hiddenDim * dim * 3);
    }

    long normElements() {
        return (long) layers * dim * 2 + dim;
    }
}
