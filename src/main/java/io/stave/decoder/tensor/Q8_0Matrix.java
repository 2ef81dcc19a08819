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

    // Even and odd parts go to separate accumulators, so two FMA chains run in parallel instead
    // of one chain of PARTS dependent FMAs per block.

    @Override
    float dot1(long row, float[] w, float[] x, int xOffset) {
        FloatVector even = FloatVector.zero(F);
        FloatVector odd = even;
        for (int k = 0; k < blocksPerRow; k++) {
            long block = row + (long) k * BLOCK_BYTES;
            FloatVector d = FloatVector.broadcast(F, half(data.get(SHORT, block)));
            ByteVector q = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, block + 2, ByteOrder.LITTLE_ENDIAN);
            int xj = xOffset + k * BLOCK;
            for (int p = 0; p < PARTS; p += 2) {
                FloatVector v0 = ((FloatVector) q.convertShape(VectorOperators.B2F, F, p)).mul(d);
                FloatVector v1 = ((FloatVector) q.convertShape(VectorOperators.B2F, F, p + 1)).mul(d);
                even = v0.fma(FloatVector.fromArray(F, x, xj + p * L), even);
                odd = v1.fma(FloatVector.fromArray(F, x, xj + (p + 1) * L), odd);
            }
        }
        return even.add(odd).reduceLanes(VectorOperators.ADD);
    }

    @Override
    void dot4(long row, float[] w, float[] x, int x0, int x1, int x2, int x3, float[] y, int yIndex, int n) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        for (int k = 0; k < blocksPerRow; k++) {
            long block = row + (long) k * BLOCK_BYTES;
            FloatVector d = FloatVector.broadcast(F, half(data.get(SHORT, block)));
            ByteVector q = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, block + 2, ByteOrder.LITTLE_ENDIAN);
            int j = k * BLOCK;
            for (int p = 0; p < PARTS; p += 2) {
                FloatVector v = ((FloatVector) q.convertShape(VectorOperators.B2F, F, p)).mul(d);
                int jp = j + p * L;
                a0 = v.fma(FloatVector.fromArray(F, x, x0 + jp), a0);
                a1 = v.fma(FloatVector.fromArray(F, x, x1 + jp), a1);
                a2 = v.fma(FloatVector.fromArray(F, x, x2 + jp), a2);
                a3 = v.fma(FloatVector.fromArray(F, x, x3 + jp), a3);
                v = ((FloatVector) q.convertShape(VectorOperators.B2F, F, p + 1)).mul(d);
                jp += L;
                b0 = v.fma(FloatVector.fromArray(F, x, x0 + jp), b0);
                b1 = v.fma(FloatVector.fromArray(F, x, x1 + jp), b1);
                b2 = v.fma(FloatVector.fromArray(F, x, x2 + jp), b2);
                b3 = v.fma(FloatVector.fromArray(F, x, x3 + jp), b3);
            }
        }
        store4(y, yIndex, n, a0.add(b0).reduceLanes(VectorOperators.ADD), a1.add(b1).reduceLanes(VectorOperators.ADD),
                a2.add(b2).reduceLanes(VectorOperators.ADD), a3.add(b3).reduceLanes(VectorOperators.ADD));
    }

    @Override
    void dot2(long row, float[] w, float[] x, int x0, int x1, float[] y, int yIndex) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        for (int k = 0; k < blocksPerRow; k++) {
            long block = row + (long) k * BLOCK_BYTES;
            FloatVector d = FloatVector.broadcast(F, half(data.get(SHORT, block)));
            ByteVector q = ByteVector.fromMemorySegment(ByteVector.SPECIES_256, data, block + 2, ByteOrder.LITTLE_ENDIAN);
            int j = k * BLOCK;
            for (int p = 0; p < PARTS; p += 2) {
                FloatVector v = ((FloatVector) q.convertShape(VectorOperators.B2F, F, p)).mul(d);
                int jp = j + p * L;
                a0 = v.fma(FloatVector.fromArray(F, x, x0 + jp), a0);
                a1 = v.fma(FloatVector.fromArray(F, x, x1 + jp), a1);
                v = ((FloatVector) q.convertShape(VectorOperators.B2F, F, p + 1)).mul(d);
                jp += L;
                b0 = v.fma(FloatVector.fromArray(F, x, x0 + jp), b0);
                b1 = v.fma(FloatVector.fromArray(F, x, x1 + jp), b1);
            }
        }
        y[yIndex] = a0.add(b0).reduceLanes(VectorOperators.ADD);
        y[yIndex + rows] = a1.add(b1).reduceLanes(VectorOperators.ADD);
    }
}
