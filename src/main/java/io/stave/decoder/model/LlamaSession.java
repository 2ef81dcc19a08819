package io.stave.decoder.model;

import io.stave.decoder.tensor.Kernels;
import io.stave.decoder.tensor.RangeTask;
import io.stave.decoder.tensor.WeightMatrix;
import java.util.Arrays;

/**
 * The batch-first forward pass (spec/decoder.md §2.2, §9.1). Activations are row-major matrices
 * with R = N × T rows, bucket-major (row r = b·T + t), so every linear layer is one
 * {@link WeightMatrix#matmul} over all buckets and tokens. Prompts go through the same path in
 * chunks of {@link #CHUNK} tokens.
 */
final class LlamaSession implements Session {

    /** Prompt tokens per forward pass during prefill. */
    static final int CHUNK = Integer.getInteger("stave.decoder.prefillChunk", 32);

    private final Model model;
    private final LlamaConfig c;
    private final LlamaWeights w;
    private final double[] bases;
    private final double positionScale;
    private final int maxContext;
    private final KvType kvType;
    private final int buckets;
    private final int chunk;
    private final RopeTable[] rope;
    /** Attention's 1/√d. */
    private final float attentionScale;
    private final KvCache kv;

    // Activations, sized for N × chunk rows; allocated once.
    private final float[] x;
    private final float[] xb;
    private final float[] q;
    private final float[] k;
    private final float[] v;
    private final float[] attention;
    private final float[] gate;
    private final float[] up;
    private final float[] last;
    private final float[] classified;
    private final float[][] logits;
    private final int[] single = new int[1];
    /** The parallel steps of a forward pass, built once so that no step allocates. */
    private final RangeTask attendTask = this::attendItems;
    private final RangeTask swiGluTask = this::swiGluRows;
    private int attendLayer;
    private int attendCount;
    private int position;
    private boolean hasLogits;

    LlamaSession(Model model, double[] bases, double positionScale, int maxContext, KvType kvType) {
        this(model, bases, positionScale, maxContext, kvType, null);
    }

    private LlamaSession(Model model, double[] bases, double positionScale, int maxContext, KvType kvType,
            KvCache kvCopy) {
        this.model = model;
        this.c = model.config();
        this.w = model.weights();
        this.bases = bases;
        this.positionScale = positionScale;
        this.maxContext = maxContext;
        this.kvType = kvType;
        this.buckets = bases.length;
        this.chunk = Math.max(1, Math.min(CHUNK, maxContext));
        this.rope = new RopeTable[buckets];
        this.attentionScale = (float) (1.0 / Math.sqrt(c.headSize()));
        for (int b = 0; b < buckets; b++) {
            rope[b] = new RopeTable(bases[b], positionScale, maxContext, c.ropeDims(), c.headSize(), c.ropePairing());
        }
        this.kv = kvCopy != null ? kvCopy
                : new KvCache(kvType, buckets, c.layers(), c.kvHeads(), maxContext, c.headSize());
        int rows = buckets * chunk;
        this.x = new float[rows * c.dim()];
        this.xb = new float[rows * c.dim()];
        this.q = new float[rows * c.dim()];
        this.k = new float[rows * c.kvDim()];
        this.v = new float[rows * c.kvDim()];
        this.attention = new float[rows * c.dim()];
        this.gate = new float[rows * c.hiddenDim()];
        this.up = new float[rows * c.hiddenDim()];
        this.last = new float[buckets * c.dim()];
        this.classified = new float[buckets * c.vocabSize()];
        this.logits = new float[buckets][c.vocabSize()];
    }

    @Override
    public int buckets() {
        return buckets;
    }

    @Override
    public double[] ropeBases() {
        return bases.clone();
    }

    @Override
    public double positionScale() {
        return positionScale;
    }

    @Override
    public int maxContext() {
        return maxContext;
    }

    @Override
    public long kvCacheBytes() {
        return kv.bytes();
    }

    @Override
    public int position() {
        return position;
    }

    @Override
    public void prefill(int[] tokens) {
        if (tokens.length == 0) {
            throw new IllegalArgumentException("prefill needs at least one token");
        }
        for (int from = 0; from < tokens.length; from += chunk) {
            int count = Math.min(chunk, tokens.length - from);
            forward(tokens, from, count, from + count == tokens.length);
        }
    }

    @Override
    public void append(int token) {
        single[0] = token;
        forward(single, 0, 1, true);
    }

    @Override
    public float[][] logits() {
        if (!hasLogits) {
            throw new IllegalStateException("no logits: feed a token first");
        }
        return logits;
    }

    @Override
    public void truncate(int length) {
        if (length < 0 || length > position) {
            throw new IllegalArgumentException("truncate to " + length + " outside 0…" + position);
        }
        position = length;
        hasLogits = false;
    }

    @Override
    public Session copy() {
        LlamaSession copy = new LlamaSession(model, bases, positionScale, maxContext, kvType, kv.copy());
        copy.position = position;
        copy.hasLogits = hasLogits;
        for (int b = 0; b < buckets; b++) {
            System.arraycopy(logits[b], 0, copy.logits[b], 0, logits[b].length);
        }
        return copy;
    }

    @Override
    public void close() {
        kv.close();
    }

    /** Feeds tokens[from … from+count) to every bucket at positions position … position+count−1. */
    private void forward(int[] tokens, int from, int count, boolean wantLogits) {
        if (position + count > maxContext) {
            throw new IllegalStateException("context full: " + maxContext + " positions");
        }
        for (int t = 0; t < count; t++) {
            int token = tokens[from + t];
            if (token < 0 || token >= c.vocabSize()) {
                throw new IllegalArgumentException("token id " + token + " outside the vocabulary of " + c.vocabSize());
            }
        }
        int dim = c.dim();
        int kvDim = c.kvDim();
        int rows = buckets * count;
        for (int b = 0; b < buckets; b++) {
            for (int t = 0; t < count; t++) {
                w.tokenEmbedding().dequantizeRow(tokens[from + t], x, (b * count + t) * dim);
            }
        }
        for (int l = 0; l < c.layers(); l++) {
            LlamaWeights.Layer layer = w.layers().get(l);
            rmsNorm(x, layer.attentionNorm(), xb, rows);
            layer.wq().matmul(xb, q, rows);
            layer.wk().matmul(xb, k, rows);
            layer.wv().matmul(xb, v, rows);
            for (int b = 0; b < buckets; b++) {
                for (int t = 0; t < count; t++) {
                    int r = b * count + t;
                    int pos = position + t;
                    rope[b].rotate(q, r * dim, c.heads(), pos);
                    rope[b].rotate(k, r * kvDim, c.kvHeads(), pos);
                    kv.store(b, l, 0, pos, k, r * kvDim);
                    kv.store(b, l, 1, pos, v, r * kvDim);
                }
            }
            attend(l, count);
            layer.wo().matmul(attention, xb, rows);
            add(x, xb, rows * dim);
            rmsNorm(x, layer.ffnNorm(), xb, rows);
            layer.w1().matmul(xb, gate, rows);
            layer.w3().matmul(xb, up, rows);
            swiGlu(rows);
            layer.w2().matmul(gate, xb, rows);
            add(x, xb, rows * dim);
        }
        position += count;
        hasLogits = false;
        if (wantLogits) {
            // Only the last position of each bucket goes through the classifier.
            for (int b = 0; b < buckets; b++) {
                System.arraycopy(x, (b * count + count - 1) * dim, xb, b * dim, dim);
            }
            rmsNorm(xb, w.finalNorm(), last, buckets);
            w.classifier().matmul(last, classified, buckets);
            for (int b = 0; b < buckets; b++) {
                System.arraycopy(classified, b * c.vocabSize(), logits[b], 0, c.vocabSize());
            }
            hasLogits = true;
        }
    }

    /**
     * Causal multi-head attention with GQA for every row of this pass, into {@link #attention}.
     * Work items are (row, KV head); they run in parallel when there is enough of it.
     */
    private void attend(int layer, int count) {
        int d = c.headSize();
        int dim = c.dim();
        int kvHeads = c.kvHeads();
        int rows = buckets * count;
        Arrays.fill(attention, 0, rows * dim, 0f);
        int items = rows * kvHeads;
        long work = (long) items * (position + count) * d * c.groupSize();
        attendLayer = layer;
        attendCount = count;
        if (work < PARALLEL_WORK) {
            attendItems(0, items);
        } else {
            Kernels.parallel(items, 1, attendTask);
        }
    }

    /** Work items [start, end) of {@link #attend}, for the layer and token count it set. */
    private void attendItems(int start, int end) {
        for (int i = start; i < end; i++) {
            attendItem(i, attendLayer, attendCount);
        }
    }

    /** Work item i = (row, KV head) of {@link #attend}. */
    private void attendItem(int i, int layer, int count) {
        int kvHeads = c.kvHeads();
        int group = c.groupSize();
        int d = c.headSize();
        int r = i / kvHeads;
        int g = i % kvHeads;
        int length = position + r % count + 1; // positions 0 … pos are visible
        float[] scratch = scratch(kv.scratchSize(group, length));
        int offset = r * c.dim() + g * group * d;
        kv.attend(q, offset, r / count, layer, g, group, length, attentionScale, attention, offset, scratch);
    }

    /** Below this many multiply-adds, attention runs on the calling thread. */
    private static final long PARALLEL_WORK = 1 << 18;

    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private static float[] scratch(int size) {
        float[] scratch = SCRATCH.get();
        if (scratch.length < size) {
            scratch = new float[Math.max(size, scratch.length * 2)];
            SCRATCH.set(scratch);
        }
        return scratch;
    }

    private void rmsNorm(float[] in, float[] gain, float[] out, int rows) {
        int dim = c.dim();
        for (int r = 0; r < rows; r++) {
            int o = r * dim;
            double ss = 0;
            for (int i = 0; i < dim; i++) {
                ss += in[o + i] * in[o + i];
            }
            float inv = (float) (1.0 / Math.sqrt(ss / dim + c.rmsEps()));
            for (int i = 0; i < dim; i++) {
                out[o + i] = gain[i] * (in[o + i] * inv);
            }
        }
    }

    /** gate ← SiLU(gate) ⊙ up for {@code rows} rows, split over the kernel threads. */
    private void swiGlu(int rows) {
        Kernels.parallel(rows, 1, swiGluTask);
    }

    private void swiGluRows(int start, int end) {
        SwiGlu.rows(gate, up, c.hiddenDim(), start, end);
    }

    private static void add(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            x[i] += y[i];
        }
    }
}
