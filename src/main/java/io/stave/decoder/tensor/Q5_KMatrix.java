package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;

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
}
