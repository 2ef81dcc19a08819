package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
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
}
