package io.stave.decoder.model;

import io.stave.decoder.tensor.Kernels;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Keys (after RoPE) and values of every bucket and layer, off-heap, head-major:
 * {@code [bucket][layer][k|v][H_kv][ctx][d]}, so one head's keys over time are contiguous and each
 * attention score is one contiguous dot product (spec/decoder.md §9.3).
 */
final class KvCache implements AutoCloseable {

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT.withOrder(ByteOrder.nativeOrder());
    private static final ValueLayout.OfShort HALF = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.nativeOrder());
    private static final VectorSpecies<Float> WIDE = FloatVector.SPECIES_PREFERRED;
    /** Half a preferred vector of floats and the doubles it widens to; constants, so C2 intrinsifies them. */
    private static final VectorSpecies<Float> NARROW = VectorSpecies.of(float.class,
            VectorShape.forBitSize(Math.max(64, WIDE.vectorBitSize() / 2)));
    private static final VectorSpecies<Double> NARROW_DOUBLE = VectorSpecies.of(double.class,
            VectorShape.forBitSize(NARROW.vectorBitSize() * 2));

    private final KvType type;
    private final int layers;
    private final int kvHeads;
    private final int context;
    private final int headSize;
    private final Arena arena;
    private final MemorySegment data;
    /** Elements of a head covered by {@link #WIDE} vectors (0 when a head is narrower than one). */
    private final int wideBound;
    /** For heads narrower than {@link #WIDE}: the elements {@link #NARROW} vectors cover. */
    private final int narrowBound;

    KvCache(KvType type, int buckets, int layers, int kvHeads, int context, int headSize) {
        this.type = type;
        this.layers = layers;
        this.kvHeads = kvHeads;
        this.context = context;
        this.headSize = headSize;
        this.arena = Arena.ofShared();
        long bytes = (long) buckets * layers * 2 * kvHeads * context * headSize * type.bytes();
        this.data = arena.allocate(bytes, 64);
        this.wideBound = WIDE.loopBound(headSize);
        this.narrowBound = wideBound > 0 || NARROW.vectorBitSize() >= WIDE.vectorBitSize() ? 0
                : NARROW.loopBound(headSize);
    }

    private KvCache(KvCache other) {
        this(other.type, (int) (other.data.byteSize() / other.bucketBytes()), other.layers, other.kvHeads,
                other.context, other.headSize);
        MemorySegment.copy(other.data, 0, data, 0, data.byteSize());
    }

    long bytes() {
        return data.byteSize();
    }

    KvCache copy() {
        return new KvCache(this);
    }

    private long bucketBytes() {
        return (long) layers * 2 * kvHeads * context * headSize * type.bytes();
    }

    /** Element index of (bucket, layer, k/v, head, position, 0). */
    private long index(int bucket, int layer, int kv, int head, int position) {
        return ((((long) bucket * layers + layer) * 2 + kv) * kvHeads + head) * context * headSize
                + (long) position * headSize;
    }

    /** Stores the H_kv heads of a key (kv = 0) or value (kv = 1) vector at one position. */
    void store(int bucket, int layer, int kv, int position, float[] src, int offset) {
        for (int head = 0; head < kvHeads; head++) {
            long at = index(bucket, layer, kv, head, position);
            int from = offset + head * headSize;
            if (type == KvType.F32) {
                MemorySegment.copy(src, from, data, FLOAT, at * 4, headSize);
            } else {
                for (int j = 0; j < headSize; j++) {
                    data.setAtIndex(HALF, at + j, Float.floatToFloat16(src[from + j]));
                }
            }
        }
    }

    /** Floats of scratch space {@link #attend} needs for {@code heads} query heads over {@code length} positions. */
    int scratchSize(int heads, int length) {
        return heads * length + headSize;
    }

    /**
     * Causal attention of the {@code heads} query heads that share KV head {@code kvHead}: for each,
     * softmax(q·K[t] · scale over t < length) then Σ a[t]·V[t], added into {@code out}. Each key and
     * value row is read once for the whole group (spec/decoder.md §9.3).
     *
     * @param q        the query vector of the row; head h starts at {@code qOffset + h·d}
     * @param out      the attention output; head h is written at {@code outOffset + h·d}
     * @param scratch  at least {@link #scratchSize} floats, private to the calling thread
     */
    void attend(float[] q, int qOffset, int bucket, int layer, int kvHead, int heads, int length, float scale,
            float[] out, int outOffset, float[] scratch) {
        MemorySegment rows = type == KvType.F16 ? MemorySegment.ofArray(scratch) : data;
        long keys = index(bucket, layer, 0, kvHead, 0);
        long values = index(bucket, layer, 1, kvHead, 0);
        int decoded = heads * length; // F16 rows are decoded into scratch[decoded … decoded+d)
        if (type == KvType.F32 && headSize == NARROW.length() && wideBound == 0) {
            oneVectorScores(q, qOffset, keys * 4, heads, length, scale, scratch);
        } else {
            for (int t = 0; t < length; t++) {
                long byteOffset = row(keys + (long) t * headSize, rows, scratch, decoded);
                for (int h = 0; h < heads; h++) {
                    scratch[h * length + t] = scale * dot(q, qOffset + h * headSize, rows, byteOffset);
                }
            }
        }
        for (int h = 0; h < heads; h++) {
            softmax(scratch, h * length, length);
        }
        if (type == KvType.F32) {
            for (int h = 0; h < heads; h++) {
                weightedSum(scratch, h * length, length, values * 4, out, outOffset + h * headSize);
            }
            return;
        }
        for (int t = 0; t < length; t++) {
            long byteOffset = row(values + (long) t * headSize, rows, scratch, decoded);
            for (int h = 0; h < heads; h++) {
                axpy(scratch[h * length + t], rows, byteOffset, out, outOffset + h * headSize);
            }
        }
    }

    /**
     * out[outOffset + j] += Σ_t a[from + t]·V[t][j] over F32 values starting at byte {@code values}: one
     * vector of lanes at a time, summed over t in a register. The additions happen in the same order
     * as repeated {@link #axpy}, so both give the same bits.
     */
    private void weightedSum(float[] a, int from, int length, long values, float[] out, int outOffset) {
        int j = 0;
        long stride = headSize * 4L;
        for (; j < wideBound; j += WIDE.length()) {
            FloatVector acc = FloatVector.zero(WIDE);
            long at = values + j * 4L;
            for (int t = 0; t < length; t++, at += stride) {
                FloatVector v = FloatVector.fromMemorySegment(WIDE, data, at, ByteOrder.nativeOrder());
                acc = v.fma(FloatVector.broadcast(WIDE, a[from + t]), acc);
            }
            acc.add(FloatVector.fromArray(WIDE, out, outOffset + j)).intoArray(out, outOffset + j);
        }
        for (; j < narrowBound; j += NARROW.length()) {
            FloatVector acc = FloatVector.zero(NARROW);
            long at = values + j * 4L;
            for (int t = 0; t < length; t++, at += stride) {
                FloatVector v = FloatVector.fromMemorySegment(NARROW, data, at, ByteOrder.nativeOrder());
                acc = v.fma(FloatVector.broadcast(NARROW, a[from + t]), acc);
            }
            acc.add(FloatVector.fromArray(NARROW, out, outOffset + j)).intoArray(out, outOffset + j);
        }
        for (; j < headSize; j++) {
            float acc = 0f;
            long at = values + j * 4L;
            for (int t = 0; t < length; t++, at += stride) {
                acc += a[from + t] * data.get(FLOAT, at);
            }
            out[outOffset + j] += acc;
        }
    }

    /** Byte offset of element row {@code at} in {@code rows}: in place for F32, decoded into scratch for F16. */
    private long row(long at, MemorySegment rows, float[] scratch, int decoded) {
        if (type == KvType.F32) {
            return at * 4;
        }
        for (int j = 0; j < headSize; j++) {
            scratch[decoded + j] = Float.float16ToFloat(data.getAtIndex(HALF, at + j));
        }
        return decoded * 4L;
    }

    /**
     * s[from … from+length) ← softmax of itself. Exp uses {@link #expNonPositive} on vectors and the
     * sum runs in order, not the Vector API's EXP or lane sum: those may round differently in
     * interpreted and compiled code, and identical buckets must give identical bits whichever
     * thread and JIT tier computes them.
     */
    private static void softmax(float[] s, int from, int length) {
        int end = from + length;
        int i = from;
        FloatVector maxes = FloatVector.broadcast(WIDE, Float.NEGATIVE_INFINITY);
        for (; i + WIDE.length() <= end; i += WIDE.length()) {
            maxes = maxes.max(FloatVector.fromArray(WIDE, s, i));
        }
        float max = maxes.reduceLanes(VectorOperators.MAX); // exact in any order
        for (; i < end; i++) {
            max = Math.max(max, s[i]);
        }
        FloatVector shift = FloatVector.broadcast(WIDE, max);
        for (i = from; i + WIDE.length() <= end; i += WIDE.length()) {
            expNonPositive(FloatVector.fromArray(WIDE, s, i).sub(shift)).intoArray(s, i);
        }
        for (; i < end; i++) {
            s[i] = (float) Math.exp(s[i] - max);
        }
        float sum = 0f;
        for (i = from; i < end; i++) {
            sum += s[i];
        }
        float inv = 1f / sum;
        FloatVector scale = FloatVector.broadcast(WIDE, inv);
        for (i = from; i + WIDE.length() <= end; i += WIDE.length()) {
            FloatVector.fromArray(WIDE, s, i).mul(scale).intoArray(s, i);
        }
        for (; i < end; i++) {
            s[i] *= inv;
        }
    }

    /**
     * e^x for x ≤ 0 (Cephes expf: x = k·ln2 + r, |r| ≤ ln2/2, a degree-7 polynomial for e^r, then 2^k
     * from the exponent bits), within about 2 ulp of Math.exp. Only lanewise IEEE operations, so
     * every JIT tier gives the same bits. Below −87 the result is flushed to 0.
     */
    static FloatVector expNonPositive(FloatVector x) {
        VectorSpecies<Float> species = x.species();
        VectorMask<Float> underflow = x.compare(VectorOperators.LT, -87f);
        FloatVector clamped = x.max(-87f);
        IntVector n = (IntVector) clamped.mul(1.44269504088896341f).sub(0.5f).convert(VectorOperators.F2I, 0);
        FloatVector k = (FloatVector) n.convert(VectorOperators.I2F, 0); // round(x·log2 e), halves away from 0
        FloatVector r = k.fma(FloatVector.broadcast(species, -0.693359375f), clamped)
                .add(k.mul(2.12194440e-4f)); // x − k·ln2, ln2 in two parts
        FloatVector p = FloatVector.broadcast(species, 1.9875691500e-4f);
        p = p.fma(r, FloatVector.broadcast(species, 1.3981999507e-3f));
        p = p.fma(r, FloatVector.broadcast(species, 8.3334519073e-3f));
        p = p.fma(r, FloatVector.broadcast(species, 4.1665795894e-2f));
        p = p.fma(r, FloatVector.broadcast(species, 1.6666665459e-1f));
        p = p.fma(r, FloatVector.broadcast(species, 5.0000001201e-1f));
        p = p.mul(r).fma(r, r).add(1f); // p·r² + r + 1
        FloatVector twoToK = n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(twoToK).blend(0f, underflow);
    }

    /**
     * q·k over one head. Heads at least a vector wide sum in float lanes; narrower heads (stories260K's
     * d = 8) use a vector of their own width and sum the products in double, which is exact enough
     * that the score does not depend on the element order, so Q/K layouts that differ by a row
     * permutation give the same scores.
     */
    private float dot(float[] q, int qOffset, MemorySegment segment, long byteOffset) {
        int j = 0;
        float sum = 0f;
        if (wideBound > 0) {
            FloatVector acc = FloatVector.zero(WIDE);
            for (; j < wideBound; j += WIDE.length()) {
                FloatVector k = FloatVector.fromMemorySegment(WIDE, segment, byteOffset + j * 4L, ByteOrder.nativeOrder());
                acc = FloatVector.fromArray(WIDE, q, qOffset + j).fma(k, acc);
            }
            sum = Kernels.sumLanes(acc);
        }
        double tail = 0;
        if (j < narrowBound) {
            DoubleVector acc = DoubleVector.zero(NARROW_DOUBLE);
            for (; j < narrowBound; j += NARROW.length()) {
                FloatVector k = FloatVector.fromMemorySegment(NARROW, segment, byteOffset + j * 4L, ByteOrder.nativeOrder());
                DoubleVector kd = (DoubleVector) k.convertShape(VectorOperators.F2D, NARROW_DOUBLE, 0);
                DoubleVector qd = (DoubleVector) FloatVector.fromArray(NARROW, q, qOffset + j)
                        .convertShape(VectorOperators.F2D, NARROW_DOUBLE, 0);
                acc = qd.fma(kd, acc);
            }
            tail = Kernels.sumLanes(acc);
        }
        for (; j < headSize; j++) {
            tail += (double) q[qOffset + j] * segment.get(FLOAT, byteOffset + j * 4L);
        }
        return (float) (sum + tail);
    }

    /**
     * The scores of {@link #attend} when a head is exactly one {@link #NARROW} vector: each query head
     * is widened to double once, then every key costs one load, one widening, one product and one
     * reduction. Same values as {@link #dot}.
     */
    private void oneVectorScores(float[] q, int qOffset, long keys, int heads, int length, float scale,
            float[] scores) {
        long stride = headSize * 4L;
        for (int h = 0; h < heads; h++) {
            DoubleVector qd = (DoubleVector) FloatVector.fromArray(NARROW, q, qOffset + h * headSize)
                    .convertShape(VectorOperators.F2D, NARROW_DOUBLE, 0);
            long at = keys;
            int base = h * length;
            for (int t = 0; t < length; t++, at += stride) {
                DoubleVector kd = (DoubleVector) FloatVector.fromMemorySegment(NARROW, data, at, ByteOrder.nativeOrder())
                        .convertShape(VectorOperators.F2D, NARROW_DOUBLE, 0);
                scores[base + t] = scale * (float) Kernels.sumLanes(qd.mul(kd));
            }
        }
    }

    /** out[outOffset …] += a · row; elementwise, so the order of heads' elements does not matter. */
    private void axpy(float a, MemorySegment segment, long byteOffset, float[] out, int outOffset) {
        int j = 0;
        if (wideBound > 0) {
            FloatVector va = FloatVector.broadcast(WIDE, a);
            for (; j < wideBound; j += WIDE.length()) {
                FloatVector v = FloatVector.fromMemorySegment(WIDE, segment, byteOffset + j * 4L, ByteOrder.nativeOrder());
                v.fma(va, FloatVector.fromArray(WIDE, out, outOffset + j)).intoArray(out, outOffset + j);
            }
        } else if (narrowBound > 0) {
            FloatVector va = FloatVector.broadcast(NARROW, a);
            for (; j < narrowBound; j += NARROW.length()) {
                FloatVector v = FloatVector.fromMemorySegment(NARROW, segment, byteOffset + j * 4L, ByteOrder.nativeOrder());
                v.fma(va, FloatVector.fromArray(NARROW, out, outOffset + j)).intoArray(out, outOffset + j);
            }
        }
        for (; j < headSize; j++) {
            out[outOffset + j] += a * segment.get(FLOAT, byteOffset + j * 4L);
        }
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
