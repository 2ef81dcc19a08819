package io.stave.decoder.tensor;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import jdk.incubator.vector.FloatVector;

/**
 * A block type whose fused kernels take weight rows two at a time, each pair meeting one
 * activation row (decode) or a group of up to six (buckets, prefill) in one pass over its blocks.
 *
 * <p>Why two rows: one row's dot product is a single chain of dependent FMAs; two rows give the
 * FMA unit independent chains, and in a group each activation load serves both rows. The rows of a
 * pair lie half a tile apart ({@link #ROW_TILE}), so the pair reads two long sequential streams,
 * which the hardware prefetcher follows; adjacent rows would break both streams at every row.
 *
 * <p>Every kernel sums a (weight row, activation row) pair into one vector accumulator, part after
 * part and block after block, and its lanes are added here in the fixed order of
 * {@link Kernels#sumLanes(FloatVector)}: a dot product has the same bits in any batch and any
 * kernel. The kernels hold their row loops and call nothing, so each compiles as one unit with
 * exact vector types that the JIT does not inline into callers: inlined into a large caller, or
 * with a lane sum compiled apart, the Vector API can fall back to its allocating Java code, which
 * runs ten times slower.
 *
 * <p>The kernels address memory by absolute address through {@link #ALL}, a segment over the
 * whole address space: the weights at {@link #base} and a 64-byte aligned copy of the activations
 * that each thread makes once per call. Loads through the weights' own segment kept bounds checks
 * in the inner loop that C2 could not hoist, and loads from a float[] straddle two cache lines
 * (arrays are only 8-byte aligned); the six-row kernel runs about a fifth faster without either.
 * The bounds are checked once, where the shapes are: {@link WeightMatrices#of} checks the weights'
 * size, {@link BlockMatrix#matmul} the activations', and a call on weights whose arena is closed
 * fails before any load.
 */
abstract class GroupedMatrix extends BlockMatrix {

    /** Weight rows per tile: 64 Q8_0 rows of 2048 columns are 139 KB, which stay in L2 while groups pass. */
    static final int ROW_TILE = 64;
    /** Accumulator floats per weight row: a vector for each of six activation rows. */
    static final int ACC_PER_ROW = 6 * L;
    /** The whole address space, read with absolute addresses. */
    static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private static final ThreadLocal<float[]> ACCUMULATORS = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<AlignedRows> ALIGNED = ThreadLocal.withInitial(AlignedRows::new);

    /** The address of the first weight. */
    final long base;

    GroupedMatrix(GgmlType type, MemorySegment data, int rows, int cols) {
        super(type, nativeSegment(data), rows, cols);
        this.base = this.data.address();
    }

    /** Weights on the Java heap (tests, converted tensors) move to native memory, which has an address. */
    private static MemorySegment nativeSegment(MemorySegment data) {
        if (data.isNative()) {
            return data;
        }
        MemorySegment copy = Arena.ofAuto().allocate(data.byteSize(), 64);
        MemorySegment.copy(data, 0, copy, 0, data.byteSize());
        return copy;
    }

    @Override
    final boolean fused() {
        return true;
    }

    /**
     * The accumulators of {@code W·x} for weight rows {@code [start, end)} and one activation row at
     * address {@code x}: row o's vector goes to {@code acc[(o − start)·L…]}. An odd count pairs the
     * last row with itself and puts the twin at {@code acc[(end − start)·L…]}.
     */
    abstract void dot1Rows(long x, int start, int end, float[] acc);

    /**
     * The accumulators of weight rows {@code [start, end)} times the activation rows at addresses
     * {@code x0…x5}: row o's vector for activation row i goes to
     * {@code acc[(o − start)·ACC_PER_ROW + i·L…]}; a twin as in {@link #dot1Rows}.
     */
    abstract void dot6Rows(long x0, long x1, long x2, long x3, long x4, long x5, int start, int end, float[] acc);

    /** {@link #dot6Rows} for two activation rows. */
    abstract void dot2Rows(long x0, long x1, int start, int end, float[] acc);

    @Override
    final void vectorRows(float[] x, float[] y, int batch, int start, int end, float[] w, long call) {
        if (!data.scope().isAlive()) {
            throw new IllegalStateException(type + " weights are no longer mapped (the model was closed)");
        }
        float[] acc = accumulators();
        long xRow = (long) cols * Float.BYTES;
        long xs = alignedCopy(x, batch * cols, call);
        for (int b = 0; b < batch; ) {
            // One row alone; else six at a time, where three to five pad to six and one pads to
            // two by repeating their last row, whose duplicate sums are dropped.
            int n = batch == 1 ? 1 : Math.min(6, batch - b);
            long x0 = xs + b * xRow;
            long last = xs + (b + n - 1) * xRow;
            for (int t0 = start; t0 < end; t0 += ROW_TILE) {
                int t1 = Math.min(end, t0 + ROW_TILE);
                int stride = ACC_PER_ROW;
                if (n == 1) {
                    dot1Rows(x0, t0, t1, acc);
                    stride = L;
                } else if (n >= 3) {
                    dot6Rows(x0, x0 + xRow, x0 + 2 * xRow, Math.min(x0 + 3 * xRow, last),
                            Math.min(x0 + 4 * xRow, last), last, t0, t1, acc);
                } else {
                    dot2Rows(x0, last, t0, t1, acc);
                }
                for (int o = t0; o < t1; o++) {
                    for (int i = 0; i < n; i++) {
                        // The lanes add as in Kernels.sumLanes, written out here: the slice
                        // intrinsic needs a constant origin, and a helper method taking the
                        // vector is not reliably inlined (compiled apart, it runs as Java code).
                        FloatVector v = FloatVector.fromArray(F, acc, (o - t0) * stride + i * L);
                        if (L > 8) {
                            v = v.add(v.slice(8));
                        }
                        if (L > 4) {
                            v = v.add(v.slice(4));
                        }
                        v = v.add(v.slice(2));
                        y[(b + i) * rows + o] = v.add(v.slice(1)).lane(0);
                    }
                }
            }
            b += n;
        }
    }

    /** A thread's aligned copy of the activations and the call it was made for. */
    private static final class AlignedRows {
        MemorySegment segment = MemorySegment.NULL;
        long call = -1;
    }

    /** The address of {@code x[0 … n)} copied into the calling thread's 64-byte aligned buffer, once per call. */
    private static long alignedCopy(float[] x, int n, long call) {
        AlignedRows rows = ALIGNED.get();
        if (rows.call != call) {
            if (rows.segment.byteSize() < (long) n * Float.BYTES) {
                rows.segment = Arena.ofAuto().allocate((long) n * Float.BYTES, 64);
            }
            MemorySegment.copy(x, 0, rows.segment, ValueLayout.JAVA_FLOAT, 0, n);
            rows.call = call;
        }
        return rows.segment.address();
    }

    /** The calling thread's accumulators: a tile and its spare twin slot, six vectors a row. */
    private static float[] accumulators() {
        float[] buffer = ACCUMULATORS.get();
        if (buffer.length < (ROW_TILE + 1) * ACC_PER_ROW) {
            buffer = new float[(ROW_TILE + 1) * ACC_PER_ROW];
            ACCUMULATORS.set(buffer);
        }
        return buffer;
    }
}
