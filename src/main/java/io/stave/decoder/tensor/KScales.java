package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The 6-bit scale/min pairs of Q4_K and Q5_K: 8 sub-blocks packed into 12 bytes (spec/decoder.md §6). */
final class KScales {

    private KScales() {}

    /** The scale of sub-block {@code j} (0…7), from the 12 bytes at {@code s}. */
    static int scale(MemorySegment data, long s, int j) {
        if (j < 4) {
            return u8(data, s + j) & 63;
        }
        return (u8(data, s + j + 4) & 0x0F) | ((u8(data, s + j - 4) >>> 6) << 4);
    }

    /** The min of sub-block {@code j} (0…7), from the 12 bytes at {@code s}. */
    static int min(MemorySegment data, long s, int j) {
        if (j < 4) {
            return u8(data, s + j + 4) & 63;
        }
        return (u8(data, s + j + 4) >>> 4) | ((u8(data, s + j) >>> 6) << 4);
    }

    static int u8(MemorySegment data, long offset) {
        return data.get(ValueLayout.JAVA_BYTE, offset) & 0xFF;
    }
}
