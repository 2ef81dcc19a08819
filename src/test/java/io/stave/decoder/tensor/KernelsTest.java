package io.stave.decoder.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KernelsTest {

    @AfterEach
    void restoreThreads() {
        Kernels.setThreads(Runtime.getRuntime().availableProcessors());
        Kernels.useScalar(false);
    }

    @Test
    void thread_count_is_settable_and_must_be_positive() {
        Kernels.setThreads(3);
        assertThat(Kernels.threads()).isEqualTo(3);
        assertThatThrownBy(() -> Kernels.setThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Kernels.vectorBits()).isIn(128, 256, 512);
    }

    @Test
    void concurrent_callers_share_the_pool_and_each_gets_its_own_result() throws Exception {
        Kernels.setThreads(3);
        SplittableRandom random = new SplittableRandom(8);
        WeightMatrix matrix = RandomWeights.matrix(GgmlType.Q8_0, 600, 256, random);
        float[][] inputs = new float[4][];
        float[][] expected = new float[4][];
        for (int i = 0; i < 4; i++) {
            inputs[i] = RandomWeights.activations(2 * 256, random);
            expected[i] = new float[2 * 600];
            ((BlockMatrix) matrix).matmul(inputs[i], expected[i], 2, true);
        }
        try (ExecutorService callers = Executors.newFixedThreadPool(4)) {
            @SuppressWarnings("unchecked")
            Future<float[]>[] results = new Future[4];
            for (int i = 0; i < 4; i++) {
                int caller = i;
                results[i] = callers.submit(() -> {
                    float[] y = new float[2 * 600];
                    for (int repeat = 0; repeat < 20; repeat++) {
                        matrix.matmul(inputs[caller], y, 2);
                    }
                    return y;
                });
            }
            for (int i = 0; i < 4; i++) {
                float[] y = results[i].get();
                for (int j = 0; j < y.length; j++) {
                    assertThat(y[j]).isCloseTo(expected[i][j], offset(1e-3f));
                }
            }
        }
    }

    @Test
    void the_scalar_switch_routes_matmul_through_the_reference_kernels() {
        SplittableRandom random = new SplittableRandom(9);
        WeightMatrix matrix = RandomWeights.matrix(GgmlType.Q4_0, 8, 64, random);
        float[] x = RandomWeights.activations(64, random);
        float[] reference = new float[8];
        ((BlockMatrix) matrix).matmul(x, reference, 1, true);
        Kernels.useScalar(true);
        float[] y = new float[8];
        matrix.matmul(x, y, 1);
        assertThat(Kernels.scalar()).isTrue();
        assertThat(y).containsExactly(reference);
    }

    @Test
    void parallel_ranges_cover_every_item_once_over_the_kernel_threads() {
        Kernels.setThreads(2);
        int[] visits = new int[1000];
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int repeat = 0; repeat < 50; repeat++) {
            Kernels.parallel(visits.length, 7, (start, end) -> {
                threads.add(Thread.currentThread().getName());
                assertThat(end - start).isGreaterThanOrEqualTo(7);
                for (int i = start; i < end; i++) {
                    visits[i]++;
                }
            });
        }
        assertThat(visits).containsOnly(50);
        assertThat(threads).hasSize(2);
    }

    @Test
    void a_job_smaller_than_two_chunks_stays_on_the_calling_thread() {
        Kernels.setThreads(2);
        String caller = Thread.currentThread().getName();
        Kernels.parallel(10, 8, (start, end) -> {
            assertThat(Thread.currentThread().getName()).isEqualTo(caller);
            assertThat(start).isZero();
            assertThat(end).isEqualTo(10);
        });
    }

    @Test
    void the_lane_sum_adds_halves_in_a_fixed_order() {
        SplittableRandom random = new SplittableRandom(10);
        int n = Kernels.F_SPECIES.length();
        for (int repeat = 0; repeat < 200; repeat++) {
            float[] lanes = new float[n];
            for (int i = 0; i < n; i++) {
                lanes[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-3, 4)));
            }
            float vector = Kernels.sumLanes(jdk.incubator.vector.FloatVector.fromArray(Kernels.F_SPECIES, lanes, 0));
            // lane i += lane i + half, for half = n/2, n/4, … 1; the sum is lane 0
            for (int half = n >> 1; half > 0; half >>= 1) {
                for (int i = 0; i < half; i++) {
                    lanes[i] += lanes[i + half];
                }
            }
            assertThat(Float.floatToRawIntBits(vector)).isEqualTo(Float.floatToRawIntBits(lanes[0]));
        }
    }

    @Test
    void grouped_kernels_refuse_weights_whose_arena_is_closed() {
        SplittableRandom random = new SplittableRandom(12);
        WeightMatrix onHeap = RandomWeights.matrix(GgmlType.Q8_0, 16, 64, random);
        java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofShared();
        java.lang.foreign.MemorySegment data = arena.allocate(onHeap.data().byteSize(), 64);
        data.copyFrom(onHeap.data());
        WeightMatrix mapped = WeightMatrices.of(GgmlType.Q8_0, data, 16, 64);
        float[] x = RandomWeights.activations(64, random);
        float[] y = new float[16];
        mapped.matmul(x, y, 1);
        float[] expected = new float[16];
        onHeap.matmul(x, expected, 1);
        assertThat(y).containsExactly(expected);
        arena.close();
        assertThatThrownBy(() -> mapped.matmul(x, y, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model was closed");
    }
}
