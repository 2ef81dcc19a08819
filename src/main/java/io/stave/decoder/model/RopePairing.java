package io.stave.decoder.model;

/** Which two elements of a head rotate together (spec/decoder.md §3.2). */
public enum RopePairing {
    /** Pair i is (2i, 2i+1): GGUF {@code llama}, llama2.c, Meta checkpoints. */
    ADJACENT,
    /** Pair i is (i, i + d/2): raw Hugging Face {@code q_proj}/{@code k_proj} rows. */
    HALF_SPLIT
}
