package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Q4_K: super-blocks of 256 weights, {@code half d; half dmin; u8 scales[12]; u8 qs[128]}, as four
 * chunks of 64 that share 32 bytes of nibbles (spec/decoder.md §6).
 */
final class Q4_KMatrix extends BlockMatrix {

    Q4_KMatrix(MemorySegment data, int rows, int cols) {
        super(GgmlType.Q4_K, data, rows, cols);
    }

    @Override
    void dequantizeBlock(long offset, float[] out, int outOffset) {
        float d = half(data.get(SHORT, offset));
        float dmin = half(data.get(SHORT, offset + 2));
        long scales = offset + 4;
        long qs = offset + 16;
        for (int c = 0; c < 4; c++) {
            float d1 = d * KScales.scale(data, scales, 2 * c);
            float m1 = dmin * KScales.min(data, scales, 2 * c);
            float d2 = d * KScales.scale(data, scales, 2 * c + 1);
            float m2 = dmin * KScales.min(data, scales, 2 * c + 1);
            for (int l = 0; l < 32; l++) {
                int q = KScales.u8(data, qs + 32 * c + l);
                out[outOffset + 64 * c + l] = d1 * (q & 0x0F) - m1;
                out[outOffset + 64 * c + 32 + l] = d2 * (q >>> 4) - m2;
            }
        }
    }

    /** 32 quant bytes widen into this many float vectors. */
    private static final int PARTS = 32 / L;

    @Override
    void dequantizeRowVector(int row, float[] out) {
        long rowOffset = (long) row * rowBytes;
        for (int k = 0; k < blocksPerRow; k++) {
            long offset = rowOffset + (long) k * 144;
            float d = half(data.get(SHORT, offset));
            float dmin = half(data.get(SHORT, offset + 2));
            long scales = offset + 4;
            for (int c = 0; c < 4; c++) {
                FloatVector d1 = FloatVector.broadcast(F, d * KScales.scale(data, scales, 2 * c));
                FloatVector m1 = FloatVector.broadcast(F, dmin * KScales.min(data, scales, 2 * c));
                FloatVector d2 = FloatVector.broadcast(F, d * KScales.scale(data, scales, 2 * c + 1));
                FloatVector m2 = FloatVector.broadcast(F, dmin * KScales.min(data, scales, 2 * c + 1));
                ByteVector q = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, offset + 16 + 32 * c, ByteOrder.LITTLE_ENDIAN);
                ByteVector lo = q.and((byte) 0x0F);
                ByteVector hi = q.lanewise(VectorOperators.LSHR, 4);
                int y = k * 256 + 64 * c;
                for (int p = 0; p < PARTS; p++) {
                    ((FloatVector) lo.convertShape(VectorOperators.B2F, F, p)).mul(d1).sub(m1).intoArray(out, y + p * L);
                    ((FloatVector) hi.convertShape(VectorOperators.B2F, F, p)).mul(d2).sub(m2).intoArray(out, y + 32 + p * L);
                }
            }
        }
    }
}
