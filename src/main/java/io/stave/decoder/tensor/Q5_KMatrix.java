package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Q5_K: Q4_K with a fifth bit per weight, {@code half d; half dmin; u8 scales[12]; u8 qh[32];
 * u8 qs[128]} (spec/decoder.md §6).
 */
final class Q5_KMatrix extends BlockMatrix {

    Q5_KMatrix(MemorySegment data, int rows, int cols) {
        super(GgmlType.Q5_K, data, rows, cols);
    }

    @Override
    void dequantizeBlock(long offset, float[] out, int outOffset) {
        float d = half(data.get(SHORT, offset));
        float dmin = half(data.get(SHORT, offset + 2));
        long scales = offset + 4;
        long qh = offset + 16;
        long qs = offset + 48;
        for (int c = 0; c < 4; c++) {
            float d1 = d * KScales.scale(data, scales, 2 * c);
            float m1 = dmin * KScales.min(data, scales, 2 * c);
            float d2 = d * KScales.scale(data, scales, 2 * c + 1);
            float m2 = dmin * KScales.min(data, scales, 2 * c + 1);
            int u1 = 1 << (2 * c);
            int u2 = 1 << (2 * c + 1);
            for (int l = 0; l < 32; l++) {
                int q = KScales.u8(data, qs + 32 * c + l);
                int h = KScales.u8(data, qh + l);
                out[outOffset + 64 * c + l] = d1 * ((q & 0x0F) + ((h & u1) != 0 ? 16 : 0)) - m1;
                out[outOffset + 64 * c + 32 + l] = d2 * ((q >>> 4) + ((h & u2) != 0 ? 16 : 0)) - m2;
            }
        }
    }

    /** 32 quant bytes widen into this many float vectors. */
    private static final int PARTS = 32 / L;

    @Override
    void dequantizeRowVector(int row, float[] out) {
        long rowOffset = (long) row * rowBytes;
        for (int k = 0; k < blocksPerRow; k++) {
            long offset = rowOffset + (long) k * 176;
            float d = half(data.get(SHORT, offset));
            float dmin = half(data.get(SHORT, offset + 2));
            long scales = offset + 4;
            ByteVector qh = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, offset + 16, ByteOrder.LITTLE_ENDIAN);
            for (int c = 0; c < 4; c++) {
                FloatVector d1 = FloatVector.broadcast(F, d * KScales.scale(data, scales, 2 * c));
                FloatVector m1 = FloatVector.broadcast(F, dmin * KScales.min(data, scales, 2 * c));
                FloatVector d2 = FloatVector.broadcast(F, d * KScales.scale(data, scales, 2 * c + 1));
                FloatVector m2 = FloatVector.broadcast(F, dmin * KScales.min(data, scales, 2 * c + 1));
                ByteVector q = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, offset + 48 + 32 * c, ByteOrder.LITTLE_ENDIAN);
                // the fifth bit: bit 2c of qh[l] for the low nibbles, bit 2c+1 for the high ones, worth 16
                ByteVector lo = q.and((byte) 0x0F).or(qh.lanewise(VectorOperators.LSHR, 2 * c).and((byte) 1).lanewise(VectorOperators.LSHL, 4));
                ByteVector hi = q.lanewise(VectorOperators.LSHR, 4)
                        .or(qh.lanewise(VectorOperators.LSHR, 2 * c + 1).and((byte) 1).lanewise(VectorOperators.LSHL, 4));
                int y = k * 256 + 64 * c;
                for (int p = 0; p < PARTS; p++) {
                    ((FloatVector) lo.convertShape(VectorOperators.B2F, F, p)).mul(d1).sub(m1).intoArray(out, y + p * L);
                    ((FloatVector) hi.convertShape(VectorOperators.B2F, F, p)).mul(d2).sub(m2).intoArray(out, y + 32 + p * L);
                }
            }
        }
    }
}
