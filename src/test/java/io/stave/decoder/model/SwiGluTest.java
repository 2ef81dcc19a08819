package io.stave.decoder.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SwiGluTest {

    @Test
    void silu_times_up_is_within_a_few_ulp_of_the_math_exp_formula() {
        SplittableRandom random = new SplittableRandom(3);
        int width = 5632 + 7; // a row that ends in a scalar tail
        float[] gate = new float[2 * width];
        float[] up = new float[2 * width];
        for (int i = 0; i < gate.length; i++) {
            gate[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 3)));
            up[i] = (float) random.nextGaussian();
        }
        gate[5] = -100f; // e^−100 underflows: SiLU is −0 times up
        gate[6] = 100f;
        gate[7] = 0f;
        float[] expected = new float[gate.length];
        for (int i = 0; i < gate.length; i++) {
            double g = gate[i];
            expected[i] = (float) (g / (1 + Math.exp(-g)) * up[i]);
        }
        SwiGlu.rows(gate, up, width, 0, 2);
        for (int i = 0; i < gate.length; i++) {
            assertThat(gate[i]).as("element %d", i).isCloseTo(expected[i], within(Math.abs(expected[i]) * 4e-7f + 1e-30f));
        }
    }

    @Test
    void identical_rows_give_identical_bits() {
        SplittableRandom random = new SplittableRandom(4);
        int width = 172; // stories260K: ten vectors of 16 and a tail of 12
        float[] gate = new float[3 * width];
        float[] up = new float[3 * width];
        for (int i = 0; i < width; i++) {
            gate[i] = (float) random.nextGaussian() * 4;
            up[i] = (float) random.nextGaussian();
        }
        for (int row = 1; row < 3; row++) {
            System.arraycopy(gate, 0, gate, row * width, width);
            System.arraycopy(up, 0, up, row * width, width);
        }
        SwiGlu.rows(gate, up, width, 0, 3);
        for (int i = 0; i < width; i++) {
            assertThat(Float.floatToRawIntBits(gate[width + i])).isEqualTo(Float.floatToRawIntBits(gate[i]));
            assertThat(Float.floatToRawIntBits(gate[2 * width + i])).isEqualTo(Float.floatToRawIntBits(gate[i]));
        }
    }
}
