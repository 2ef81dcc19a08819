package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** float32 weights. */
final class F32Matrix implements WeightMatrix {

    private static final ValueLayout.OfFloat FLOAT =
            ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment data;
    private final int rows;
    private final int cols;

    F32Matrix(MemorySegment data, int rows, int cols) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    @Override
    public GgmlType type() {
        return GgmlType.F32;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public MemorySegment data() {
        return data;
    }

    @Override
    public void matmul(float[] x, float[] y, int batch) {
        for (int i = 0; i < rows; i++) {
            long rowOffset = (long) i * cols * Float.BYTES;
            for (int b = 0; b < batch; b++) {
                float sum = 0f;
                int xOffset = b * cols;
                for (int j = 0; j < cols; j++) {
                    sum += data.get(FLOAT, rowOffset + (long) j * Float.BYTES) * x[xOffset + j];
                }
                y[b * rows + i] = sum;
            }
        }
    }

    @Override
    public void dequantizeRow(int row, float[] out, int offset) {
        long rowOffset = (long) row * cols * Float.BYTES;
        for (int j = 0; j < cols; j++) {
            out[offset + j] = data.get(FLOAT, rowOffset + (long) j * Float.BYTES);
        }
    }

    @Override
    public float get(int row, int col) {
        return data.get(FLOAT, ((long) row * cols + col) * Float.BYTES);
    }
}
