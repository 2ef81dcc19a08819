package io.stave.decoder.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Quantise, then dequantise: every value comes back within its format's error bound. */
class QuantizerTest {

    private static final int N = 32 * 64;

    private static float[] dequantized(GgmlType type, float[] x) {
        ByteBuffer buffer = ByteBuffer.allocate((int) type.bytesFor(x.length)).order(ByteOrder.LITTLE_ENDIAN);
        Quantizer.quantize(type, x, 0, x.length, buffer);
        assertThat(buffer.remaining()).isZero();
        WeightMatrix matrix = WeightMatrices.of(type, MemorySegment.ofArray(buffer.array()), 1, x.length);
        float[] y = new float[x.length];
        matrix.dequantizeRow(0, y, 0);
        return y;
    }

    private static float[] gaussian(long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) (random.nextGaussian() * scale);
        }
        return x;
    }

    @Test
    void f16_round_trip_is_within_half_an_ulp_of_binary16() {
        float[] x = gaussian(1, 3);
        float[] y = dequantized(GgmlType.F16, x);
        for (int i = 0; i < N; i++) {
            assertThat(Math.abs(y[i] - x[i])).isLessThanOrEqualTo(Math.max(Math.abs(x[i]) * 0x1p-11f, 0x1p-25f));
        }
    }

    @Test
    void bf16_round_trip_is_within_half_an_ulp_of_bfloat16_and_rounds_to_even() {
        float[] x = gaussian(2, 3);
        float[] y = dequantized(GgmlType.BF16, x);
        for (int i = 0; i < N; i++) {
            assertThat(Math.abs(y[i] - x[i])).isLessThanOrEqualTo(Math.abs(x[i]) * 0x1p-8f);
        }
        // 1 + 2^-8 is halfway between 1 and 1 + 2^-7: ties go to the even mantissa (1.0).
        assertThat(Quantizer.toBf16(1f + 0x1p-8f)).isEqualTo((short) 0x3F80);
        assertThat(Quantizer.toBf16(1f + 0x1p-8f + 0x1p-20f)).isEqualTo((short) 0x3F81);
    }

    @Test
    void q8_0_round_trip_is_within_half_a_step_per_block() {
        float[] x = gaussian(3, 0.02);
        float[] y = dequantized(GgmlType.Q8_0, x);
        for (int block = 0; block < N; block += 32) {
            float amax = 0;
            for (int j = 0; j < 32; j++) {
                amax = Math.max(amax, Math.abs(x[block + j]));
            }
            float step = amax / 127;
            for (int j = 0; j < 32; j++) {
                // half a step, plus the scale's own rounding to binary16 times |q| ≤ 127
                assertThat(Math.abs(y[block + j] - x[block + j])).isLessThanOrEqualTo(step * (0.5f + 127 * 0x1p-11f));
            }
        }
    }

    @Test
    void q8_0_rounds_half_away_from_zero_with_the_unrounded_scale() {
        float[] x = new float[32];
        x[0] = 127f;
        x[1] = 2.5f;
        x[2] = -2.5f;
        x[3] = -0.5f;
        x[4] = 0.49f;
        x[5] = -127f;
        ByteBuffer buffer = ByteBuffer.allocate(34).order(ByteOrder.LITTLE_ENDIAN);
        Quantizer.quantize(GgmlType.Q8_0, x, 0, 32, buffer);
        assertThat(buffer.getShort(0)).isEqualTo((short) 0x3C00);
        assertThat(new byte[] {buffer.get(2), buffer.get(3), buffer.get(4), buffer.get(5), buffer.get(6), buffer.get(7)})
                .containsExactly(127, 3, -3, -1, 0, -127);
    }

    @Test
    void q4_0_round_trip_is_within_one_step_per_block() {
        float[] x = gaussian(4, 0.02);
        float[] y = dequantized(GgmlType.Q4_0, x);
        for (int block = 0; block < N; block += 32) {
            float amax = 0;
            for (int j = 0; j < 32; j++) {
                amax = Math.max(amax, Math.abs(x[block + j]));
            }
            float step = amax / 8;
            for (int j = 0; j < 32; j++) {
                // the side opposite the extreme value clamps at 7·d, one full step short
                assertThat(Math.abs(y[block + j] - x[block + j])).isLessThanOrEqualTo(step * (1 + 8 * 0x1p-11f));
            }
        }
    }

    @Test
    void q4_1_round_trip_is_within_half_a_step_per_block() {
        float[] x = gaussian(5, 0.02);
        float[] y = dequantized(GgmlType.Q4_1, x);
        for (int block = 0; block < N; block += 32) {
            float min = Float.MAX_VALUE;
            float max = -Float.MAX_VALUE;
            for (int j = 0; j < 32; j++) {
                min = Math.min(min, x[block + j]);
                max = Math.max(max, x[block + j]);
            }
            float step = (max - min) / 15;
            for (int j = 0; j < 32; j++) {
                float bound = step / 2 + (Math.abs(min) + 15 * step) * 0x1p-11f;
                assertThat(Math.abs(y[block + j] - x[block + j])).isLessThanOrEqualTo(bound * 1.0001f);
            }
        }
    }

    @Test
    void k_quants_are_not_written() {
        assertThat(Quantizer.canQuantize(GgmlType.Q4_K)).isFalse();
        assertThat(Quantizer.canQuantize(GgmlType.Q8_0)).isTrue();
    }
}
