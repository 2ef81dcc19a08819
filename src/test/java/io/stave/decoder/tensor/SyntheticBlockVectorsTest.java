package io.stave.decoder.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The synthetic blocks of spec/decoder.md §6.1: byte pattern (29·k + 7) mod 256, fixed half fields. */
class SyntheticBlockVectorsTest {

    private static final ValueLayout.OfShort HALF = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int[] K_INDICES = {0, 1, 31, 32, 33, 63, 64, 100, 127, 128, 200, 255};
    private static final int[] SMALL_INDICES = {0, 1, 2, 15, 16, 17, 31};

    private static WeightMatrix block(GgmlType type) {
        MemorySegment block = MemorySegment.ofArray(new byte[type.blockBytes()]);
        for (int k = 0; k < type.blockBytes(); k++) {
            block.set(ValueLayout.JAVA_BYTE, k, (byte) ((29 * k + 7) % 256));
        }
        switch (type) {
            case Q6_K -> block.set(HALF, 208, (short) 0x3800);
            case Q4_K, Q5_K -> {
                block.set(HALF, 0, (short) 0x3800);
                block.set(HALF, 2, (short) 0x3400);
            }
            case Q4_1 -> {
                block.set(HALF, 0, (short) 0x3800);
                block.set(HALF, 2, (short) 0xBC00);
            }
            default -> block.set(HALF, 0, (short) 0x3800);
        }
        return WeightMatrices.of(type, block, 1, type.blockSize());
    }

    private static void assertBlock(GgmlType type, int[] indices, double[] expected, double sum, double sumSquares) {
        WeightMatrix matrix = block(type);
        float[] y = new float[type.blockSize()];
        matrix.dequantizeRow(0, y, 0);
        for (int i = 0; i < indices.length; i++) {
            assertThat((double) y[indices[i]]).as("%s y[%d]", type, indices[i]).isEqualTo(expected[i]);
            assertThat(matrix.get(0, indices[i])).isEqualTo(y[indices[i]]);
        }
        double s = 0;
        double s2 = 0;
        for (float v : y) {
            s += v;
            s2 += (double) v * v;
        }
        assertThat(s).as("%s Σy", type).isEqualTo(sum);
        assertThat(s2).as("%s Σy²", type).isEqualTo(sumSquares);

        float[] vectorRow = new float[type.blockSize()];
        ((BlockMatrix) matrix).dequantizeRowVector(0, vectorRow);
        assertThat(vectorRow).as("%s vector dequantisation", type).containsExactly(y);
    }

    @Test
    void q4_0_block_dequantises_to_the_published_values() {
        assertBlock(GgmlType.Q4_0, SMALL_INDICES, new double[] {-3.5, 3.0, 1.5, -2.0, -2.0, -1.5, 3.5}, -2.5, 161.25);
    }

    @Test
    void q4_1_block_dequantises_to_the_published_values() {
        assertBlock(GgmlType.Q4_1, SMALL_INDICES, new double[] {4.5, 3.0, 1.5, 6.0, 2.5, 3.5, 0.0}, 90.5, 431.25);
    }

    @Test
    void q8_0_block_dequantises_to_the_published_values() {
        assertBlock(GgmlType.Q8_0, SMALL_INDICES, new double[] {32.5, 47.0, 61.5, -6.0, 8.5, 23.0, -30.0}, -88.0, 47916.0);
    }

    @Test
    void q4_k_block_dequantises_to_the_published_values() {
        assertBlock(GgmlType.Q4_K, K_INDICES, new double[] {
            194.75, 106.25, 283.25, 153.0, 177.0, 57.0, 175.25, 124.5, 133.5, 53.0, 335.25, 80.25
        }, 35348.0, 8208023.0);
    }

    @Test
    void q5_k_block_dequantises_to_the_published_values() {
        assertBlock(GgmlType.Q5_K, K_INDICES, new double[] {
            666.75, 106.25, 283.25, 273.0, 105.0, 369.0, 599.25, 214.5, 223.5, 205.0, 335.25, 370.25
        }, 75188.0, 34625023.0);
    }

    @Test
    void q6_k_block_dequantises_to_the_published_values() {
        assertBlock(GgmlType.Q6_K, K_INDICES, new double[] {
            -655.5, 798.0, -140.0, -4.5, -6.0, 150.0, -944.0, 994.5, 1650.0, -931.5, -525.0, 366.0
        }, -742.0, 121235223.0);
    }

    @Test
    void halves_decode_to_the_published_values_in_both_backends() {
        short[] bits = {0x3C00, (short) 0xC000, 0x7BFF, 0x0001, 0x0400, 0x7C00, (short) 0x8000};
        float[] expected = {1.0f, -2.0f, 65504.0f, 5.9604645e-8f, 6.1035156e-5f, Float.POSITIVE_INFINITY, -0.0f};
        float[] scalar = decode(GgmlType.F16, bits, false);
        float[] vector = decode(GgmlType.F16, bits, true);
        for (int i = 0; i < bits.length; i++) {
            assertThat(scalar[i]).as("half 0x%04X", bits[i]).isEqualTo(expected[i]);
            assertThat(Float.floatToRawIntBits(vector[i])).as("vector half 0x%04X", bits[i])
                    .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
    }

    @Test
    void every_half_bit_pattern_decodes_the_same_in_the_vector_routine() {
        short[] all = new short[65536];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) i;
        }
        float[] vector = decode(GgmlType.F16, all, true);
        for (int i = 0; i < all.length; i++) {
            assertThat(Float.floatToRawIntBits(vector[i])).as("half 0x%04X", i)
                    .isEqualTo(Float.floatToRawIntBits(Float.float16ToFloat((short) i)));
        }
    }

    @Test
    void bfloat16s_decode_to_the_published_values_in_both_backends() {
        short[] bits = {0x3F80, (short) 0xC049, 0x7F80};
        float[] expected = {1.0f, -3.140625f, Float.POSITIVE_INFINITY};
        assertThat(decode(GgmlType.BF16, bits, false)).containsExactly(expected);
        assertThat(decode(GgmlType.BF16, bits, true)).containsExactly(expected);
    }

    private static float[] decode(GgmlType type, short[] bits, boolean vector) {
        MemorySegment data = MemorySegment.ofArray(new byte[bits.length * 2]);
        for (int i = 0; i < bits.length; i++) {
            data.set(HALF, 2L * i, bits[i]);
        }
        BlockMatrix matrix = (BlockMatrix) WeightMatrices.of(type, data, 1, bits.length);
        float[] out = new float[bits.length];
        if (vector) {
            matrix.dequantizeRowVector(0, out);
        } else {
            matrix.dequantizeRow(0, out, 0);
        }
        return out;
    }
}
