package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;

/**
 * A weight matrix {@code W[rows][cols]} in one tensor type, read in place from a (usually
 * memory-mapped) segment: {@code y[i] = Σ_j W[i][j]·x[j]}.
 *
 * <p>Batch-first: {@link #matmul} multiplies {@code batch} activation rows at once, so that every
 * weight block is read from memory once per call however many rows there are (spec/decoder.md
 * §9.2). Implementations may split the output rows over worker threads.
 */
public interface WeightMatrix {

    GgmlType type();

    int rows();

    int cols();

    /** The encoded bytes, row-major, {@code rows * type().bytesFor(cols)} long. */
    MemorySegment data();

    /**
     * {@code y[b*rows + i] = Σ_j W[i][j] · x[b*cols + j]} for every batch row {@code b < batch}
     * and every output row {@code i < rows}.
     */
    void matmul(float[] x, float[] y, int batch);

    /** Dequantises row {@code row} into {@code out[offset … offset+cols)}. */
    void dequantizeRow(int row, float[] out, int offset);

    /** One element, dequantised (slow; for tests and reference paths). */
    float get(int row, int col);
}
