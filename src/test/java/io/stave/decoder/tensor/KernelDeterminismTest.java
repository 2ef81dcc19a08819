package io.stave.decoder.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same product gives the same bits before and after the JIT compiles the kernel: greedy
 * decoding must not change when a kernel gets hot (the Vector API's own lane reduction adds in a
 * different order interpreted and compiled).
 */
class KernelDeterminismTest {

    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"F32", "Q8_0", "Q4_0", "Q6_K"})
    void a_product_has_the_same_bits_cold_and_hot(GgmlType type) {
        SplittableRandom random = new SplittableRandom(7);
        WeightMatrix w = RandomWeights.matrix(type, 48, 512, random);
        float[] x = RandomWeights.activations(3 * 512, random);
        float[] cold = new float[3 * 48];
        w.matmul(x, cold, 3);

        float[] hot = new float[3 * 48];
        for (int i = 0; i < 20_000; i++) {
            w.matmul(x, hot, 3);
        }
        for (int i = 0; i < cold.length; i++) {
            assertThat(Float.floatToRawIntBits(hot[i])).as("output %d", i).isEqualTo(Float.floatToRawIntBits(cold[i]));
        }
    }
}
