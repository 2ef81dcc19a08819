package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;

/** Creates the {@link WeightMatrix} implementation for a tensor type. */
public final class WeightMatrices {

    private WeightMatrices() {}

    /**
     * A matrix of {@code rows × cols} elements of {@code type}, read from {@code data}, which must
     * hold exactly {@code rows * type.bytesFor(cols)} bytes. The segment is read in place (a
     * mapped file stays mapped, nothing is copied).
     */
    public static WeightMatrix of(GgmlType type, MemorySegment data, int rows, int cols) {
        long expected = rows * type.bytesFor(cols);
        if (data.byteSize() != expected) {
            throw new IllegalArgumentException(type + " matrix " + rows + "×" + cols + " needs "
                    + expected + " bytes, got " + data.byteSize());
        }
        return switch (type) {
            case F32 -> new F32Matrix(data, rows, cols);
            case F16 -> new F16Matrix(data, rows, cols);
            case BF16 -> new BF16Matrix(data, rows, cols);
            case Q8_0 -> new Q8_0Matrix(data, rows, cols);
            case Q4_0 -> new Q4_0Matrix(data, rows, cols);
            case Q4_1 -> new Q4_1Matrix(data, rows, cols);
            case Q4_K -> new Q4_KMatrix(data, rows, cols);
            case Q5_K -> new Q5_KMatrix(data, rows, cols);
            case Q6_K -> new Q6_KMatrix(data, rows, cols);
        };
    }
}
