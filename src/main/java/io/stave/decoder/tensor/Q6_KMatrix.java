package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import java.lang.foreign.ValueLayout;

/**
 * Q6_K: super-blocks of 256 weights, {@code u8 ql[128]; u8 qh[64]; i8 scales[16]; half d} (d
 * last), as two halves of 128 (spec/decoder.md §6).
 */
final class Q6_KMatrix extends BlockMatrix {

    Q6_KMatrix(MemorySegment data, int rows, int cols) {
        super(GgmlType.Q6_K, data, rows, cols);
    }

    @Override
    void dequantizeBlock(long offset, float[] out, int outOffset) {
        float d = half(data.get(SHORT, offset + 208));
        for (int n = 0; n < 2; n++) {
            long ql = offset + 64 * n;
            long qh = offset + 128 + 32 * n;
            long sc = offset + 192 + 8 * n;
            int y = outOffset + 128 * n;
            for (int l = 0; l < 32; l++) {
                int k = l / 16;
                int lo = KScales.u8(data, ql + l);
                int lo32 = KScales.u8(data, ql + l + 32);
                int h = KScales.u8(data, qh + l);
                int q1 = ((lo & 0x0F) | ((h & 3) << 4)) - 32;
                int q2 = ((lo32 & 0x0F) | (((h >>> 2) & 3) << 4)) - 32;
                int q3 = ((lo >>> 4) | (((h >>> 4) & 3) << 4)) - 32;
                int q4 = ((lo32 >>> 4) | (((h >>> 6) & 3) << 4)) - 32;
                out[y + l] = d * scale(sc, k) * q1;
                out[y + l + 32] = d * scale(sc, k + 2) * q2;
                out[y + l + 64] = d * scale(sc, k + 4) * q3;
                out[y + l + 96] = d * scale(sc, k + 6) * q4;
            }
        }
    }

    /** Scales are signed int8. */
    private byte scale(long sc, int i) {
        return data.get(ValueLayout.JAVA_BYTE, sc + i);
    }

    /** 32 quant bytes widen into this many float vectors. */
    private static final int PARTS = 32 / L;

    @Override
    void dequantizeRowVector(int row, float[] out) {
        long rowOffset = (long) row * rowBytes;
        for (int k = 0; k < blocksPerRow; k++) {
            long offset = rowOffset + (long) k * 210;
            float d = half(data.get(SHORT, offset + 208));
            for (int n = 0; n < 2; n++) {
                long sc = offset + 192 + 8 * n;
                ByteVector l0 = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, offset + 64 * n, ByteOrder.LITTLE_ENDIAN);
                ByteVector l32 = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, offset + 64 * n + 32, ByteOrder.LITTLE_ENDIAN);
                ByteVector h = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, offset + 128 + 32 * n, ByteOrder.LITTLE_ENDIAN);
                ByteVector q1 = l0.and((byte) 0x0F).or(h.and((byte) 3).lanewise(VectorOperators.LSHL, 4)).sub((byte) 32);
                ByteVector q2 = l32.and((byte) 0x0F).or(h.lanewise(VectorOperators.LSHR, 2).and((byte) 3).lanewise(VectorOperators.LSHL, 4)).sub((byte) 32);
                ByteVector q3 = l0.lanewise(VectorOperators.LSHR, 4).or(h.lanewise(VectorOperators.LSHR, 4).and((byte) 3).lanewise(VectorOperators.LSHL, 4)).sub((byte) 32);
                ByteVector q4 = l32.lanewise(VectorOperators.LSHR, 4).or(h.lanewise(VectorOperators.LSHR, 6).lanewise(VectorOperators.LSHL, 4)).sub((byte) 32);
                int y = k * 256 + 128 * n;
                for (int p = 0; p < PARTS; p++) {
                    // lanes l = p·L …: the scale index k = l / 16 changes halfway through the 32
                    int s = p * L / 16;
                    int at = y + p * L;
                    ((FloatVector) q1.convertShape(VectorOperators.B2F, F, p)).mul(d * scale(sc, s)).intoArray(out, at);
                    ((FloatVector) q2.convertShape(VectorOperators.B2F, F, p)).mul(d * scale(sc, s + 2)).intoArray(out, at + 32);
                    ((FloatVector) q3.convertShape(VectorOperators.B2F, F, p)).mul(d * scale(sc, s + 4)).intoArray(out, at + 64);
                    ((FloatVector) q4.convertShape(VectorOperators.B2F, F, p)).mul(d * scale(sc, s + 6)).intoArray(out, at + 96);
                }
            }
        }
    }
}
