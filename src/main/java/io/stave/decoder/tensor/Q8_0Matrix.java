package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/** Q8_0: blocks of 32 weights, {@code half d; i8 qs[32]}, y = qs[j]·d (spec/decoder.md §6). */
final class Q8_0Matrix extends BlockMatrix {

    private static final int BLOCK = 32;
    private static final int BLOCK_BYTES = 34;
    /** Float vectors per block: the 32 bytes widen into this many parts. */
    private static final int PARTS = BLOCK / L;

    Q8_0Matrix(MemorySegment data, int rows, int cols) {
        super(GgmlType.Q8_0, data, rows, cols);
    }

    @Override
    void dequantizeBlock(long offset, float[] out, int outOffset) {
        float d = half(data.get(SHORT, offset));
        for (int j = 0; j < BLOCK; j++) {
            out[outOffset + j] = data.get(ValueLayout.JAVA_BYTE, offset + 2 + j) * d;
        }
    }

    @Override
    boolean fused() {
        return true;
    }

    @Override
    float dot1(long row, float[] w, float[] x, int xOffset) {
        FloatVector acc = FloatVector.zero(F);
        for (int k = 0; k < blocksPerRow; k++) {
            long block = row + (long) k * BLOCK_BYTES;
            FloatVector d = FloatVector.broadcast(F, half(data.get(SHORT, block)));
            ByteVector q = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, block + 2, ByteOrder.LITTLE_ENDIAN);
            int xj = xOffset + k * BLOCK;
            for (int p = 0; p < PARTS; p++) {
                FloatVector v = ((FloatVector) q.convertShape(VectorOperators.B2F, F, p)).mul(d);
                acc = v.fma(FloatVector.fromArray(F, x, xj + p * L), acc);
            }
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    @Override
    void dot4(long row, float[] w, float[] x, int x0, int x1, int x2, int x3, float[] y, int yIndex, int n) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        for (int k = 0; k < blocksPerRow; k++) {
            long block = row + (long) k * BLOCK_BYTES;
            FloatVector d = FloatVector.broadcast(F, half(data.get(SHORT, block)));
            ByteVector q = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, block + 2, ByteOrder.LITTLE_ENDIAN);
            int j = k * BLOCK;
            for (int p = 0; p < PARTS; p++) {
                FloatVector v = ((FloatVector) q.convertShape(VectorOperators.B2F, F, p)).mul(d);
                int jp = j + p * L;
                acc0 = v.fma(FloatVector.fromArray(F, x, x0 + jp), acc0);
                acc1 = v.fma(FloatVector.fromArray(F, x, x1 + jp), acc1);
                acc2 = v.fma(FloatVector.fromArray(F, x, x2 + jp), acc2);
                acc3 = v.fma(FloatVector.fromArray(F, x, x3 + jp), acc3);
            }
        }
        store4(y, yIndex, n, acc0.reduceLanes(VectorOperators.ADD), acc1.reduceLanes(VectorOperators.ADD),
                acc2.reduceLanes(VectorOperators.ADD), acc3.reduceLanes(VectorOperators.ADD));
    }
}
