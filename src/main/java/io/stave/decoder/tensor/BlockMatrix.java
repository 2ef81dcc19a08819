package io.stave.decoder.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The part every tensor type shares: shape checks, the split of output rows over the
 * {@link KernelPool}, the scalar reference matmul (dequantise a row, then plain float dot
 * products, in the order llama2.c's {@code matmul} sums) and the weights-outer vector matmul of
 * spec/decoder.md §9.2.
 *
 * <p>The vector matmul here takes one weight row at a time and multiplies it into groups of up to
 * four activation rows with four accumulators, so each weight block is decoded once per group and
 * the row is read from memory once per call. A remainder of three rows is padded to four by
 * repeating its last row; two rows have their own kernel, {@link #dot2}. F32 reads the segment
 * directly ({@link #fused}); the K-quants and Q4_1 decode the row into a per-thread scratch buffer
 * with {@link #dequantizeRowVector} and share the float kernels here. Q8_0 and Q4_0, the types
 * the speed targets are set for, replace all of it with the paired kernels of {@link GroupedMatrix}.
 */
abstract class BlockMatrix implements WeightMatrix, KernelPool.RowTask {

    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final VectorSpecies<Float> F = Kernels.F_SPECIES;
    static final int L = F.length();

    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    /** Matrices with fewer weights than this stay on the calling thread. */
    private static final long PARALLEL_MIN_WEIGHTS = 1 << 16;
    /** Weight rows per tile when many activation rows meet a fused kernel (see {@link #tiledRows}). */
    private static final int ROW_TILE = 16;
    /** A matrix is split over at most rows / this many threads. */
    private static final int MIN_ROWS_PER_SLICE = 16;

    final GgmlType type;
    final MemorySegment data;
    final int rows;
    final int cols;
    final long rowBytes;
    final int blocksPerRow;

    BlockMatrix(GgmlType type, MemorySegment data, int rows, int cols) {
        this.type = type;
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.rowBytes = type.bytesFor(cols);
        this.blocksPerRow = cols / type.blockSize();
    }

    /** Scalar reference: decodes the block at byte {@code offset} into {@code out[outOffset…]}. */
    abstract void dequantizeBlock(long offset, float[] out, int outOffset);

    @Override
    public final GgmlType type() {
        return type;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int cols() {
        return cols;
    }

    @Override
    public final MemorySegment data() {
        return data;
    }

    @Override
    public float get(int row, int col) {
        checkIndex(row, col);
        int blockSize = type.blockSize();
        float[] block = new float[blockSize];
        dequantizeBlock((long) row * rowBytes + (long) (col / blockSize) * type.blockBytes(), block, 0);
        return block[col % blockSize];
    }

    @Override
    public void dequantizeRow(int row, float[] out, int offset) {
        long rowOffset = (long) row * rowBytes;
        int blockSize = type.blockSize();
        int blockBytes = type.blockBytes();
        for (int k = 0; k < blocksPerRow; k++) {
            dequantizeBlock(rowOffset + (long) k * blockBytes, out, offset + k * blockSize);
        }
    }

    /** Same values as {@link #dequantizeRow}, computed with vectors where the type has a routine. */
    void dequantizeRowVector(int row, float[] out) {
        dequantizeRow(row, out, 0);
    }

    /** True when {@link #dot1} and {@link #dot4} read the weights directly (no scratch row). */
    boolean fused() {
        return false;
    }

    @Override
    public final void matmul(float[] x, float[] y, int batch) {
        matmul(x, y, batch, Kernels.scalar());
    }

    /** Package-private so tests can run both backends in one JVM. */
    final void matmul(float[] x, float[] y, int batch, boolean scalar) {
        if (batch < 1 || x.length < (long) batch * cols || y.length < (long) batch * rows) {
            throw new IllegalArgumentException("matmul " + rows + "×" + cols + " with batch " + batch
                    + " needs x of " + (long) batch * cols + " and y of " + (long) batch * rows
                    + " floats, got " + x.length + " and " + y.length);
        }
        int maxParts = (long) rows * cols < PARALLEL_MIN_WEIGHTS ? 1 : Math.max(1, rows / MIN_ROWS_PER_SLICE);
        Kernels.pool().run(this, x, y, batch, scalar, rows, maxParts);
    }

    @Override
    public final void run(float[] x, float[] y, int batch, boolean scalar, long call, int start, int end) {
        float[] scratch = fused() && !scalar ? null : scratch(cols);
        if (scalar) {
            scalarRows(x, y, batch, start, end, scratch);
        } else {
            vectorRows(x, y, batch, start, end, scratch, call);
        }
    }

    private void scalarRows(float[] x, float[] y, int batch, int start, int end, float[] w) {
        for (int o = start; o < end; o++) {
            dequantizeRow(o, w, 0);
            for (int b = 0; b < batch; b++) {
                int xOffset = b * cols;
                float sum = 0f;
                for (int j = 0; j < cols; j++) {
                    sum += w[j] * x[xOffset + j];
                }
                y[b * rows + o] = sum;
            }
        }
    }

    /**
     * Output rows {@code [start, end)} with the vector kernels; {@code w} is the scratch row unless
     * fused, {@code call} numbers the matmul call (see {@link KernelPool.RowTask}).
     */
    void vectorRows(float[] x, float[] y, int batch, int start, int end, float[] w, long call) {
        if (w == null && batch > 4) {
            tiledRows(x, y, batch, start, end);
            return;
        }
        for (int o = start; o < end; o++) {
            if (w != null) {
                dequantizeRowVector(o, w);
            }
            long row = (long) o * rowBytes;
            int b = 0;
            for (; batch - b >= 3; b += 4) {
                int n = Math.min(4, batch - b);
                int x0 = b * cols;
                dot4(row, w, x, x0, x0 + cols, x0 + 2 * cols, (b + n - 1) * cols, y, b * rows + o, n);
            }
            if (batch - b == 2) {
                dot2(row, w, x, b * cols, (b + 1) * cols, y, b * rows + o);
            } else if (batch - b == 1) {
                y[b * rows + o] = dot1(row, w, x, b * cols);
            }
        }
    }

    /**
     * Many activation rows (prefill, many buckets) with a fused kernel: a tile of weight rows small
     * enough to stay in L2 meets each group of activation rows in turn, so the group stays in the
     * near caches while it sweeps the tile, instead of every weight row sweeping all the rows.
     */
    private void tiledRows(float[] x, float[] y, int batch, int start, int end) {
        for (int t0 = start; t0 < end; t0 += ROW_TILE) {
            int t1 = Math.min(end, t0 + ROW_TILE);
            int b = 0;
            for (; batch - b >= 3; b += 4) {
                int n = Math.min(4, batch - b);
                int x0 = b * cols;
                int x3 = (b + n - 1) * cols;
                for (int o = t0; o < t1; o++) {
                    dot4((long) o * rowBytes, null, x, x0, x0 + cols, x0 + 2 * cols, x3, y, b * rows + o, n);
                }
            }
            for (int o = t0; o < t1; o++) {
                if (batch - b == 2) {
                    dot2((long) o * rowBytes, null, x, b * cols, (b + 1) * cols, y, b * rows + o);
                } else if (batch - b == 1) {
                    y[b * rows + o] = dot1((long) o * rowBytes, null, x, b * cols);
                }
            }
        }
    }

    /** Σ_j W[row][j]·x[xOffset + j]; {@code w} is the decoded row unless the kernel is fused. */
    float dot1(long row, float[] w, float[] x, int xOffset) {
        FloatVector acc = FloatVector.zero(F);
        int upper = F.loopBound(cols);
        int j = 0;
        for (; j < upper; j += L) {
            acc = FloatVector.fromArray(F, w, j).fma(FloatVector.fromArray(F, x, xOffset + j), acc);
        }
        float sum = Kernels.sumLanes(acc);
        for (; j < cols; j++) {
            sum += w[j] * x[xOffset + j];
        }
        return sum;
    }

    /** Two dot products of one weight row; by default the four-row kernel with repeated rows. */
    void dot2(long row, float[] w, float[] x, int x0, int x1, float[] y, int yIndex) {
        dot4(row, w, x, x0, x1, x1, x1, y, yIndex, 2);
    }

    /**
     * Four dot products of the same weight row with activation rows at {@code x0…x3}; the first
     * {@code n} go to {@code y[yIndex + r·rows]}.
     */
    void dot4(long row, float[] w, float[] x, int x0, int x1, int x2, int x3, float[] y, int yIndex, int n) {
        FloatVector acc0 = FloatVector.zero(F);
        FloatVector acc1 = acc0;
        FloatVector acc2 = acc0;
        FloatVector acc3 = acc0;
        int upper = F.loopBound(cols);
        int j = 0;
        for (; j < upper; j += L) {
            FloatVector v = FloatVector.fromArray(F, w, j);
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
            float v = w[j];
            s0 += v * x[x0 + j];
            s1 += v * x[x1 + j];
            s2 += v * x[x2 + j];
            s3 += v * x[x3 + j];
        }
        store4(y, yIndex, n, s0, s1, s2, s3);
    }

    final void store4(float[] y, int yIndex, int n, float s0, float s1, float s2, float s3) {
        y[yIndex] = s0;
        y[yIndex + rows] = s1;
        if (n > 2) {
            y[yIndex + 2 * rows] = s2;
        }
        if (n > 3) {
            y[yIndex + 3 * rows] = s3;
        }
    }

    /** The calling thread's buffer for one decoded row, grown when a wider matrix needs it. */
    private static float[] scratch(int size) {
        float[] buffer = SCRATCH.get();
        if (buffer.length < size) {
            buffer = new float[size];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    final void checkIndex(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") outside " + rows + "×" + cols);
        }
    }

    static float half(short bits) {
        return Float.float16ToFloat(bits);
    }
}
