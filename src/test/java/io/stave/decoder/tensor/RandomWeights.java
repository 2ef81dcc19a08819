package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/** Random encoded matrices of any type: random bytes, with every half field set to a sane scale. */
final class RandomWeights {

    private static final ValueLayout.OfShort HALF = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private RandomWeights() {}

    static WeightMatrix matrix(GgmlType type, int rows, int cols, SplittableRandom random) {
        long bytes = rows * type.bytesFor(cols);
        MemorySegment data = MemorySegment.ofArray(new byte[(int) bytes]);
        switch (type) {
            case F32 -> {
                for (long i = 0; i < bytes; i += 4) {
                    data.set(FLOAT, i, (float) random.nextGaussian());
                }
            }
            case F16 -> {
                for (long i = 0; i < bytes; i += 2) {
                    data.set(HALF, i, Float.floatToFloat16((float) random.nextGaussian()));
                }
            }
            case BF16 -> {
                for (long i = 0; i < bytes; i += 2) {
                    data.set(HALF, i, Quantizer.toBf16((float) random.nextGaussian()));
                }
            }
            default -> {
                for (long i = 0; i < bytes; i++) {
                    data.set(ValueLayout.JAVA_BYTE, i, (byte) random.nextInt(256));
                }
                for (long block = 0; block < bytes; block += type.blockBytes()) {
                    for (long field : halfFields(type)) {
                        float scale = (float) (random.nextDouble(0.001, 0.05) * (random.nextBoolean() ? 1 : -1));
                        data.set(HALF, block + field, Float.floatToFloat16(scale));
                    }
                }
            }
        }
        return WeightMatrices.of(type, data, rows, cols);
    }

    private static long[] halfFields(GgmlType type) {
        return switch (type) {
            case Q8_0, Q4_0 -> new long[] {0};
            case Q4_1, Q4_K, Q5_K -> new long[] {0, 2};
            case Q6_K -> new long[] {208};
            default -> new long[0];
        };
    }

    static float[] activations(int n, SplittableRandom random) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextGaussian();
        }
        return x;
    }
}
