package io.stave.decoder.model;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Keys (after RoPE) and values of every bucket and layer, off-heap, head-major:
 * {@code [bucket][layer][k|v][H_kv][ctx][d]}, so one head's keys over time are contiguous and each
 * attention score is one contiguous dot product (spec/decoder.md §9.3).
 */
final class KvCache implements AutoCloseable {

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT.withOrder(ByteOrder.nativeOrder());
    private static final ValueLayout.OfShort HALF = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.nativeOrder());
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private final KvType type;
    private final int layers;
    private final int kvHeads;
    private final int context;
    private final int headSize;
    private final Arena arena;
    private final MemorySegment data;
    private final float[] row; // one decoded F16 row

    KvCache(KvType type, int buckets, int layers, int kvHeads, int context, int headSize) {
        this.type = type;
        this.layers = layers;
        this.kvHeads = kvHeads;
        this.context = context;
        this.headSize = headSize;
        this.arena = Arena.ofShared();
        long bytes = (long) buckets * layers * 2 * kvHeads * context * headSize * type.bytes();
        this.data = arena.allocate(bytes, 64);
        this.row = new float[headSize];
    }

    private KvCache(KvCache other) {
        this(other.type, (int) (other.data.byteSize() / other.bucketBytes()), other.layers, other.kvHeads,
                other.context, other.headSize);
        MemorySegment.copy(other.data, 0, data, 0, data.byteSize());
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

    /** scores[t] = scale · (q · K[t]) for t < count, for one KV head. */
    void scores(float[] q, int qOffset, int bucket, int layer, int head, int count, float scale, float[] scores) {
        long start = index(bucket, layer, 0, head, 0);
        for (int t = 0; t < count; t++) {
            scores[t] = scale * dot(q, qOffset, start + (long) t * headSize);
        }
    }

    /** out += Σ_t a[t] · V[t] for t < count, for one KV head. */
    void weightedSum(float[] a, int count, int bucket, int layer, int head, float[] out, int outOffset) {
        long start = index(bucket, layer, 1, head, 0);
        for (int t = 0; t < count; t++) {
            axpy(a[t], start + (long) t * headSize, out, outOffset);
        }
    }

    private float dot(float[] q, int qOffset, long at) {
        if (type == KvType.F16) {
            decode(at);
            return dotVector(q, qOffset, MemorySegment.ofArray(row), 0);
        }
        return dotVector(q, qOffset, data, at * 4);
    }

    private float dotVector(float[] q, int qOffset, MemorySegment segment, long byteOffset) {
        int j = 0;
        float sum = 0f;
        int bound = SPECIES.loopBound(headSize);
        if (bound > 0) {
            FloatVector acc = FloatVector.zero(SPECIES);
            for (; j < bound; j += SPECIES.length()) {
                FloatVector k = FloatVector.fromMemorySegment(SPECIES, segment, byteOffset + j * 4L,
                        ByteOrder.nativeOrder());
                acc = FloatVector.fromArray(SPECIES, q, qOffset + j).fma(k, acc);
            }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; j < headSize; j++) {
            sum += q[qOffset + j] * segment.get(FLOAT, byteOffset + j * 4L);
        }
        return sum;
    }

    private void axpy(float a, long at, float[] out, int outOffset) {
        MemorySegment segment = data;
        long byteOffset = at * 4;
        if (type == KvType.F16) {
            decode(at);
            segment = MemorySegment.ofArray(row);
            byteOffset = 0;
        }
        int j = 0;
        int bound = SPECIES.loopBound(headSize);
        for (; j < bound; j += SPECIES.length()) {
            FloatVector v = FloatVector.fromMemorySegment(SPECIES, segment, byteOffset + j * 4L, ByteOrder.nativeOrder());
            v.fma(FloatVector.broadcast(SPECIES, a), FloatVector.fromArray(SPECIES, out, outOffset + j))
                    .intoArray(out, outOffset + j);
        }
        for (; j < headSize; j++) {
            out[outOffset + j] += a * segment.get(FLOAT, byteOffset + j * 4L);
        }
    }

    private void decode(long at) {
        for (int j = 0; j < headSize; j++) {
            row[j] = Float.float16ToFloat(data.getAtIndex(HALF, at + j));
        }
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
