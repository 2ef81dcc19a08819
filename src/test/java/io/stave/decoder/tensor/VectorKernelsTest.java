package io.stave.decoder.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every vector kernel equals its scalar reference (spec/decoder.md §9.4), over many shapes and
 * batch sizes 1…9, single- and multi-threaded; the scalar reference itself equals a double
 * dot product of {@link WeightMatrix#get} values.
 */
class VectorKernelsTest {

    private static final double RELATIVE = 1e-5;

    @AfterEach
    void restoreThreads() {
        Kernels.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private static int[] colsFor(GgmlType type) {
        return switch (type.blockSize()) {
            case 1 -> new int[] {1, 7, 16, 33, 64, 172, 515};
            case 32 -> new int[] {32, 64, 96, 288, 544};
            default -> new int[] {256, 512, 768};
        };
    }

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void vector_matmul_equals_the_scalar_reference_for_every_shape_and_batch(GgmlType type) {
        SplittableRandom random = new SplittableRandom(type.id() * 7919L + 1);
        for (int rows : new int[] {1, 3, 17, 40}) {
            for (int cols : colsFor(type)) {
                BlockMatrix matrix = (BlockMatrix) RandomWeights.matrix(type, rows, cols, random);
                for (int batch = 1; batch <= 9; batch++) {
                    assertAgree(matrix, batch, random);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void split_over_two_threads_gives_the_single_thread_result(GgmlType type) {
        SplittableRandom random = new SplittableRandom(type.id() + 99L);
        int cols = type.blockSize() == 256 ? 512 : 160;
        BlockMatrix matrix = (BlockMatrix) RandomWeights.matrix(type, 1037, cols, random);
        float[] x = RandomWeights.activations(6 * cols, random);
        Kernels.setThreads(1);
        float[] single = new float[6 * 1037];
        matrix.matmul(x, single, 6, false);
        Kernels.setThreads(2);
        float[] split = new float[6 * 1037];
        matrix.matmul(x, split, 6, false);
        // Not bit-identical: the JIT may compile the kernel between the two calls, and compiled
        // and interpreted reduceLanes sum the lanes in different orders.
        assertClose(matrix, x, 6, single, split);
        assertAgree(matrix, 6, random);
    }

    @ParameterizedTest
    @EnumSource(GgmlType.class)
    void scalar_reference_equals_a_double_dot_of_the_dequantised_elements(GgmlType type) {
        SplittableRandom random = new SplittableRandom(type.id() + 5L);
        int cols = colsFor(type)[1];
        WeightMatrix matrix = RandomWeights.matrix(type, 5, cols, random);
        float[] x = RandomWeights.activations(2 * cols, random);
        float[] y = new float[2 * 5];
        ((BlockMatrix) matrix).matmul(x, y, 2, true);
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 5; i++) {
                double sum = 0;
                double magnitude = 0;
                for (int j = 0; j < cols; j++) {
                    double p = (double) matrix.get(i, j) * x[b * cols + j];
                    sum += p;
                    magnitude += Math.abs(p);
                }
                assertThat((double) y[b * 5 + i]).isCloseTo(sum, offset(RELATIVE * magnitude + 1e-30));
            }
        }
    }

    @Test
    void matmul_rejects_activation_buffers_of_the_wrong_size() {
        WeightMatrix matrix = RandomWeights.matrix(GgmlType.Q8_0, 4, 64, new SplittableRandom(1));
        assertThatThrownBy(() -> matrix.matmul(new float[64], new float[8], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch 2");
    }

    private static void assertAgree(BlockMatrix matrix, int batch, SplittableRandom random) {
        int rows = matrix.rows();
        int cols = matrix.cols();
        float[] x = RandomWeights.activations(batch * cols, random);
        float[] scalar = new float[batch * rows];
        float[] vector = new float[batch * rows];
        matrix.matmul(x, scalar, batch, true);
        matrix.matmul(x, vector, batch, false);
        assertClose(matrix, x, batch, scalar, vector);
    }

    /** |actual − expected| ≤ 1e-5 · Σ_j |W[i][j]·x[j]|, the scale of a dot product's rounding error. */
    private static void assertClose(BlockMatrix matrix, float[] x, int batch, float[] expected, float[] actual) {
        int rows = matrix.rows();
        int cols = matrix.cols();
        float[] w = new float[cols];
        for (int i = 0; i < rows; i++) {
            matrix.dequantizeRow(i, w, 0);
            for (int b = 0; b < batch; b++) {
                double magnitude = 0;
                for (int j = 0; j < cols; j++) {
                    magnitude += Math.abs((double) w[j] * x[b * cols + j]);
                }
                assertThat((double) actual[b * rows + i])
                        .as("%s %d×%d batch %d: y[%d][%d]", matrix.type(), rows, cols, batch, b, i)
                        .isCloseTo(expected[b * rows + i], offset(RELATIVE * magnitude + 1e-30));
            }
        }
    }
}
