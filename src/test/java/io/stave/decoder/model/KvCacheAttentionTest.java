package io.stave.decoder.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link KvCache#attend} against a plain double-precision softmax attention (spec/decoder.md §2.2,
 * §9.3), for head sizes that take each vector path: narrower than a vector (stories260K's 8), one
 * vector, several vectors, and sizes with a scalar tail.
 */
class KvCacheAttentionTest {

    private static final int KV_HEADS = 2;
    private static final int CONTEXT = 70;

    @ParameterizedTest
    @CsvSource({"F32, 8, 1", "F32, 8, 2", "F32, 4, 2", "F32, 12, 1", "F32, 16, 2", "F32, 40, 1", "F32, 64, 4",
        "F32, 128, 2", "F16, 8, 2", "F16, 64, 2"})
    void attend_matches_a_double_precision_reference(KvType type, int headSize, int group) {
        SplittableRandom random = new SplittableRandom(headSize * 31L + group);
        int length = 67; // not a multiple of any vector length
        float[][][] keys = new float[KV_HEADS][length][headSize];
        float[][][] values = new float[KV_HEADS][length][headSize];
        try (KvCache cache = new KvCache(type, 2, 2, KV_HEADS, CONTEXT, headSize)) {
            float[] k = new float[KV_HEADS * headSize];
            float[] v = new float[KV_HEADS * headSize];
            for (int t = 0; t < length; t++) {
                for (int h = 0; h < KV_HEADS; h++) {
                    for (int j = 0; j < headSize; j++) {
                        k[h * headSize + j] = (float) random.nextDouble(-2, 2);
                        v[h * headSize + j] = (float) random.nextDouble(-2, 2);
                        keys[h][t][j] = stored(type, k[h * headSize + j]);
                        values[h][t][j] = stored(type, v[h * headSize + j]);
                    }
                }
                cache.store(1, 1, 0, t, k, 0);
                cache.store(1, 1, 1, t, v, 0);
            }
            float scale = (float) (1 / Math.sqrt(headSize));
            for (int kvHead = 0; kvHead < KV_HEADS; kvHead++) {
                float[] q = new float[3 + group * headSize];
                for (int i = 0; i < q.length; i++) {
                    q[i] = (float) random.nextDouble(-1, 1);
                }
                float[] out = new float[5 + group * headSize];
                float[] scratch = new float[cache.scratchSize(group, length)];
                cache.attend(q, 3, 1, 1, kvHead, group, length, scale, out, 5, scratch);
                for (int h = 0; h < group; h++) {
                    double[] expected = reference(q, 3 + h * headSize, keys[kvHead], values[kvHead], scale);
                    for (int j = 0; j < headSize; j++) {
                        assertThat((double) out[5 + h * headSize + j])
                                .as("%s d=%d head %d/%d element %d", type, headSize, kvHead, h, j)
                                .isCloseTo(expected[j], org.assertj.core.api.Assertions.within(2e-5));
                    }
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void vector_exp_of_softmax_is_within_three_ulp_of_math_exp_and_flushes_below_minus_87() {
        var species = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED;
        float[] x = new float[species.length()];
        float[] y = new float[species.length()];
        for (int start = 0; start < 200_000; start += x.length) {
            for (int i = 0; i < x.length; i++) {
                x[i] = -(start + i) * 0.0005f; // 0 … −100 in steps of 0.0005
            }
            KvCache.expNonPositive(jdk.incubator.vector.FloatVector.fromArray(species, x, 0)).intoArray(y, 0);
            for (int i = 0; i < x.length; i++) {
                float expected = x[i] < -87f ? 0f : (float) Math.exp(x[i]);
                assertThat(Math.abs(y[i] - expected)).as("exp(%s)", x[i]).isLessThanOrEqualTo(3 * Math.ulp(expected));
            }
        }
    }

    private static float stored(KvType type, float value) {
        return type == KvType.F16 ? Float.float16ToFloat(Float.floatToFloat16(value)) : value;
    }

    private static double[] reference(float[] q, int offset, float[][] keys, float[][] values, float scale) {
        int length = keys.length;
        int d = keys[0].length;
        double[] scores = new double[length];
        double max = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < length; t++) {
            double dot = 0;
            for (int j = 0; j < d; j++) {
                dot += (double) q[offset + j] * keys[t][j];
            }
            scores[t] = dot * scale;
            max = Math.max(max, scores[t]);
        }
        double sum = 0;
        for (int t = 0; t < length; t++) {
            scores[t] = Math.exp(scores[t] - max);
            sum += scores[t];
        }
        double[] out = new double[d];
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < d; j++) {
                out[j] += scores[t] / sum * values[t][j];
            }
        }
        return out;
    }
}
