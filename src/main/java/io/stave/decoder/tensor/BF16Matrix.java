package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;

/** bfloat16 weights: the upper 16 bits of a float32. */
final class BF16Matrix extends BlockMatrix {

    BF16Matrix(MemorySegment data, int rows, int cols) {
        super(GgmlType.BF16, data, rows, cols);
    }

    static float bf16(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }

    @Override
    void dequantizeBlock(long offset, float[] out, int outOffset) {
        out[outOffset] = bf16(data.get(SHORT, offset));
    }

    @Override
    public float get(int row, int col) {
        checkIndex(row, col);
        return bf16(data.get(SHORT, ((long) row * cols + col) * 2));
    }

    @Override
    void dequantizeRowVector(int row, float[] out) {
        long rowOffset = (long) row * rowBytes;
        int upper = F.loopBound(cols);
        int j = 0;
        for (; j < upper; j += L) {
            ShortVector bits = ShortVector.fromMemorySegment(F16Matrix.S, data, rowOffset + 2L * j, ByteOrder.LITTLE_ENDIAN);
            ((IntVector) bits.convertShape(VectorOperators.S2I, F16Matrix.I, 0))
                    .lanewise(VectorOperators.LSHL, 16)
                    .reinterpretAsFloats()
                    .intoArray(out, j);
        }
        for (; j < cols; j++) {
            out[j] = bf16(data.get(SHORT, rowOffset + 2L * j));
        }
    }
}
