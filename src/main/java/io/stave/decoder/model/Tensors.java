package io.stave.decoder.model;

import io.stave.BadInputException;
import io.stave.decoder.tensor.GgmlType;
import io.stave.decoder.tensor.WeightMatrices;
import io.stave.decoder.tensor.WeightMatrix;
import java.lang.foreign.MemorySegment;

/** Helpers the readers share to turn stored tensors into matrices and gain vectors. */
public final class Tensors {

    private Tensors() {}

    /**
     * A {@code rows × cols} matrix of {@code type} over {@code data}.
     *
     * @param where names the file and tensor for messages
     */
    public static WeightMatrix matrix(String where, GgmlType type, MemorySegment data, int rows, int cols) {
        if (cols % type.blockSize() != 0) {
            throw new BadInputException(where + ": expected a row length that is a multiple of " + type
                    + "'s block of " + type.blockSize() + ", found " + cols);
        }
        long expected = rows * type.bytesFor(cols);
        if (data.byteSize() != expected) {
            throw new BadInputException(where + ": expected " + expected + " bytes for " + type + " " + rows + "×"
                    + cols + ", found " + data.byteSize());
        }
        try {
            return WeightMatrices.of(type, data, rows, cols);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": expected a tensor type this build has a kernel for, found "
                    + type + " (" + e.getMessage() + ")");
        }
    }

    /** A gain vector of {@code length} elements, dequantised to float. */
    public static float[] vector(String where, GgmlType type, MemorySegment data, int length) {
        float[] out = new float[length];
        matrix(where, type, data, 1, length).dequantizeRow(0, out, 0);
        return out;
    }
}
