package io.stave.decoder.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reference quantisers for the types stave writes (synthetic models, tests): F32, F16, BF16,
 * Q8_0 (spec/decoder.md §6), Q4_0 and Q4_1 (ggml's {@code quantize_row_q4_0/1_ref}). The K-quants
 * need ggml's weighted least-squares search and are not written.
 */
public final class Quantizer {

    private Quantizer() {}

    /** True for the types {@link #quantize} can write. */
    public static boolean canQuantize(GgmlType type) {
        return switch (type) {
            case F32, F16, BF16, Q8_0, Q4_0, Q4_1 -> true;
            default -> false;
        };
    }

    /**
     * Encodes {@code n} floats from {@code src[offset…]} (a multiple of the block size) as
     * {@code type}, appending {@code type.bytesFor(n)} bytes to {@code out}, which must be
     * little-endian.
     */
    public static void quantize(GgmlType type, float[] src, int offset, int n, ByteBuffer out) {
        if (out.order() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalArgumentException("GGUF data is little-endian");
        }
        long bytes = type.bytesFor(n);
        if (out.remaining() < bytes) {
            throw new IllegalArgumentException(type + " needs " + bytes + " bytes, buffer has " + out.remaining());
        }
        switch (type) {
            case F32 -> {
                for (int i = 0; i < n; i++) {
                    out.putFloat(src[offset + i]);
                }
            }
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out.putShort(Float.floatToFloat16(src[offset + i]));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out.putShort(toBf16(src[offset + i]));
                }
            }
            case Q8_0 -> {
                for (int b = offset; b < offset + n; b += 32) {
                    q8_0(src, b, out);
                }
            }
            case Q4_0 -> {
                for (int b = offset; b < offset + n; b += 32) {
                    q4_0(src, b, out);
                }
            }
            case Q4_1 -> {
                for (int b = offset; b < offset + n; b += 32) {
                    q4_1(src, b, out);
                }
            }
            default -> throw new IllegalArgumentException("stave cannot quantise to " + type);
        }
    }

    /** float32 → bfloat16, rounding to nearest even; NaN stays a (quiet) NaN. */
    public static short toBf16(float value) {
        int bits = Float.floatToRawIntBits(value);
        if ((bits & 0x7FFFFFFF) > 0x7F800000) {
            return (short) ((bits >>> 16) | 64);
        }
        return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
    }

    /** amax/127 scale; q = round(x/d) half away from zero with the unrounded d. */
    private static void q8_0(float[] x, int from, ByteBuffer out) {
        float amax = 0f;
        for (int j = 0; j < 32; j++) {
            amax = Math.max(amax, Math.abs(x[from + j]));
        }
        float d = amax / 127f;
        float id = d != 0f ? 1f / d : 0f;
        out.putShort(Float.floatToFloat16(d));
        for (int j = 0; j < 32; j++) {
            float v = x[from + j] * id;
            out.put((byte) (v < 0 ? -Math.round(-v) : Math.round(v)));
        }
    }

    /** d = (the value of largest magnitude) / −8, q = min(15, ⌊x/d + 8.5⌋). */
    private static void q4_0(float[] x, int from, ByteBuffer out) {
        float amax = 0f;
        float max = 0f;
        for (int j = 0; j < 32; j++) {
            float v = x[from + j];
            if (amax < Math.abs(v)) {
                amax = Math.abs(v);
                max = v;
            }
        }
        float d = max / -8f;
        float id = d != 0f ? 1f / d : 0f;
        out.putShort(Float.floatToFloat16(d));
        for (int j = 0; j < 16; j++) {
            int lo = Math.min(15, (int) (x[from + j] * id + 8.5f));
            int hi = Math.min(15, (int) (x[from + 16 + j] * id + 8.5f));
            out.put((byte) (lo | (hi << 4)));
        }
    }

    /** d = (max − min)/15, m = min, q = min(15, ⌊(x − min)/d + 0.5⌋). */
    private static void q4_1(float[] x, int from, ByteBuffer out) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (int j = 0; j < 32; j++) {
            min = Math.min(min, x[from + j]);
            max = Math.max(max, x[from + j]);
        }
        float d = (max - min) / 15f;
        float id = d != 0f ? 1f / d : 0f;
        out.putShort(Float.floatToFloat16(d));
        out.putShort(Float.floatToFloat16(min));
        for (int j = 0; j < 16; j++) {
            int lo = Math.min(15, (int) ((x[from + j] - min) * id + 0.5f));
            int hi = Math.min(15, (int) ((x[from + 16 + j] - min) * id + 0.5f));
            out.put((byte) (lo | (hi << 4)));
        }
    }
}
