package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;

/** float32 weights; the vector kernel loads them straight from the segment. */
final class F32Matrix extends BlockMatrix {

    F32Matrix(MemorySegment data, int rows, int cols) {
        super(GgmlType.F32, data, rows, cols);
    }

    @Override
    void dequantizeBlock(long offset, float[] out, int outOffset) {
        out[outOffset] = data.get(FLOAT, offset);
    }

    @Override
    public void dequantizeRow(int row, float[] out, int offset) {
        MemorySegment.copy(data, FLOAT, (long) row * rowBytes, out, offset, cols);
    }

    @Override
    public float get(int row, int col) {
        checkIndex(row, col);
        return data.get(FLOAT, ((long) row * cols + col) * Float.BYTES);
    }

    @Override
    boolean fused() {
        return true;
    }

    @Override
    float dot1(long row, float[] w, float[] x, int xOffset) {
        FloatVector acc = FloatVector.zero(F);
        int upper = F.loopBound(cols);
        int j = 0;
        for (; j < upper; j += L) {
            FloatVector v = FloatVector.fromMemorySegment(F, data, row + (long) j * Float.BYTES, ByteOrder.LITTLE_ENDIAN);
            acc = v.fma(FloatVector.fromArray(F, x, xOffset + j), acc);
        }
        float sum = Kernels.sumLanes(acc);
        for (; j < cols; j++) {
            sum += data.get(FLOAT, row + (long) j * Float.BYTES) * x[xOffset + j];
        }
        return sum;
    }

    @Override
    void dot4(long row, float[] w, float[] x, int x0, int x1, int x2, int x3, float[] y, int yIndex, int n) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        int upper = F.loopBound(cols);
        int j = 0;
        for (; j < upper; j += L) {
            FloatVector v = FloatVector.fromMemorySegment(F, data, row + (long) j * Float.BYTES, ByteOrder.LITTLE_ENDIAN);
            acc0 = v.fma(FloatVector.fromArray(F, x, x0 + j), acc0);
            acc1 = v.fma(FloatVector.fromArray(F, x, x1 + j), acc1);
            acc2 = v.fma(FloatVector.fromArray(F, x, x2 + j), acc2);
            acc3 = v.fma(FloatVector.fromArray(F, x, x3 + j), acc3);
        }
        float s0 = Kernels.sumLanes(acc0);
        float s1 = Kernels.sumLanes(acc1);
        float s2 = Kernels.sumLanes(acc2);
        float s3 = Kernels.sumLanes(acc3);
        for (; j < cols; j++) {
            float v = data.get(FLOAT, row + (long) j * Float.BYTES);
            s0 += v * x[x0 + j];
            s1 += v * x[x1 + j];
            s2 += v * x[x2 + j];
            s3 += v * x[x3 + j];
        }
        store4(y, yIndex, n, s0, s1, s2, s3);
    }
}
