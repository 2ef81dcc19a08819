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

    /**
     * The grouped kernels take weight rows in pairs, a tile at a time, and activation rows in
     * groups of six (padded): 131 rows make two full tiles and an odd tail, and batches 1…13 cover
     * every group shape. Each output must have the bits of the same product computed alone.
     */
    @ParameterizedTest
    @EnumSource(value = GgmlType.class, names = {"Q8_0", "Q4_0"})
    void a_row_has_the_same_bits_in_every_batch_and_on_every_thread(GgmlType type) {
        SplittableRandom random = new SplittableRandom(11);
        int rows = 131;
        int cols = 288;
        WeightMatrix w = RandomWeights.matrix(type, rows, cols, random);
        float[] x = RandomWeights.activations(13 * cols, random);
        try {
            for (int threads : new int[] {1, 2}) {
                Kernels.setThreads(threads);
                float[][] alone = new float[13][rows];
                for (int b = 0; b < 13; b++) {
                    w.matmul(java.util.Arrays.copyOfRange(x, b * cols, (b + 1) * cols), alone[b], 1);
                }
                for (int batch = 2; batch <= 13; batch++) {
                    float[] y = new float[batch * rows];
                    w.matmul(x, y, batch);
                    for (int b = 0; b < batch; b++) {
                        for (int o = 0; o < rows; o++) {
                            assertThat(Float.floatToRawIntBits(y[b * rows + o]))
                                    .as("threads %d, batch %d, row %d, output %d", threads, batch, b, o)
                                    .isEqualTo(Float.floatToRawIntBits(alone[b][o]));
                        }
                    }
                }
            }
        } finally {
            Kernels.setThreads(Runtime.getRuntime().availableProcessors());
        }
    }
}
