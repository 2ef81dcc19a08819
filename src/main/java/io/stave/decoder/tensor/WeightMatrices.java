package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;

/** Creates the {@link WeightMatrix} implementation for a tensor type. */
public final class WeightMatrices {

    private WeightMatrices() {}

    /**
     * A matrix of {@code rows × cols} elements of {@code type}, read from {@code data}, which must
     * hold exactly {@code rows * type.bytesFor(cols)} bytes.
     */
    public static WeightMatrix of(GgmlType type, MemorySegment data, int rows, int cols) {
        long expected = rows * type.bytesFor(cols);
        if (data.byteSize() != expected) {
            throw new IllegalArgumentException(type + " matrix " + rows + "×" + cols + " needs "
                    + expected + " bytes, got " + data.byteSize());
        }
        return switch (type) {
            case F32 -> new F32Matrix(data, rows, cols);
            default -> throw new IllegalArgumentException("no kernel for tensor type " + type);
        };
    }
}
