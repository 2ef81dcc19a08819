package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Q4_1: blocks of 32 weights, {@code half d; half m; u8 qs[16]}; low nibbles are elements 0–15,
 * high nibbles 16–31, each q·d + m (spec/decoder.md §6).
 */
final class Q4_1Matrix extends BlockMatrix {

    private static final int BLOCK = 32;
    private static final int BLOCK_BYTES = 20;
    private static final int PARTS = 16 / L;

    Q4_1Matrix(MemorySegment data, int rows, int cols) {
        super(GgmlType.Q4_1, data, rows, cols);
    }

    @Override
    void dequantizeBlock(long offset, float[] out, int outOffset) {
        float d = half(data.get(SHORT, offset));
        float m = half(data.get(SHORT, offset + 2));
        for (int j = 0; j < 16; j++) {
            int q = data.get(ValueLayout.JAVA_BYTE, offset + 4 + j) & 0xFF;
            out[outOffset + j] = (q & 0x0F) * d + m;
            out[outOffset + j + 16] = (q >>> 4) * d + m;
        }
    }

    @Override
    void dequantizeRowVector(int row, float[] out) {
        long rowOffset = (long) row * rowBytes;
        for (int k = 0; k < blocksPerRow; k++) {
            long block = rowOffset + (long) k * BLOCK_BYTES;
            FloatVector d = FloatVector.broadcast(F, half(data.get(SHORT, block)));
            FloatVector m = FloatVector.broadcast(F, half(data.get(SHORT, block + 2)));
            ByteVector q = ByteVector.fromMemorySegment(ByteVector.SPECIES_128, data, block + 4, ByteOrder.LITTLE_ENDIAN);
            ByteVector lo = q.and((byte) 0x0F);
            ByteVector hi = q.lanewise(VectorOperators.LSHR, 4);
            int j = k * BLOCK;
            for (int p = 0; p < PARTS; p++) {
                ((FloatVector) lo.convertShape(VectorOperators.B2F, F, p)).fma(d, m).intoArray(out, j + p * L);
                ((FloatVector) hi.convertShape(VectorOperators.B2F, F, p)).fma(d, m).intoArray(out, j + 16 + p * L);
            }
        }
    }
}
