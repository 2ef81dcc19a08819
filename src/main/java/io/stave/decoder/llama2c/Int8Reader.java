package io.stave.decoder.llama2c;

import io.stave.decoder.model.LlamaWeights;
import io.stave.decoder.model.Tensors;
import io.stave.decoder.tensor.GgmlType;
import io.stave.decoder.tensor.WeightMatrix;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Version 2 ({@code runq.c}): float32 norms, then each quantised tensor as {@code int8[numel]}
 * immediately followed by {@code float32[numel / group_size]} scales. Dequantised here once, with
 * element e using scale ⌊e / group_size⌋ (groups flat over the tensor, crossing rows).
 */
final class Int8Reader {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Path path;
    private final MemorySegment file;
    private final Llama2cHeader h;
    private final Arena arena;
    private long offset;

    Int8Reader(Path path, MemorySegment file, Llama2cHeader h, Arena arena) {
        this.path = path;
        this.file = file;
        this.h = h;
        this.arena = arena;
        this.offset = h.headerBytes();
    }

    /** Element counts of the quantised tensors in file order (for the size check). */
    static List<Long> tensorSizes(Llama2cHeader h) {
        List<Long> sizes = new ArrayList<>();
        sizes.add(h.embeddingElements());
        long[] perLayer = {(long) h.dim() * h.dim(), (long) h.kvDim() * h.dim(), (long) h.kvDim() * h.dim(),
            (long) h.dim() * h.dim(), (long) h.hiddenDim() * h.dim(), (long) h.dim() * h.hiddenDim(),
            (long) h.hiddenDim() * h.dim()};
        for (long n : perLayer) {
            for (int l = 0; l < h.layers(); l++) {
                sizes.add(n);
            }
        }
        if (!h.sharedClassifier()) {
            sizes.add(h.embeddingElements());
        }
        return sizes;
    }

    LlamaWeights weights() {
        int dim = h.dim();
        int layers = h.layers();
        Llama2cModelLoader.FloatCursor norms = new Llama2cModelLoader.FloatCursor(path, file, offset);
        float[][] rmsAtt = norms.vectors("rms_att_weight", layers, dim);
        float[][] rmsFfn = norms.vectors("rms_ffn_weight", layers, dim);
        float[] rmsFinal = norms.vectors("rms_final_weight", 1, dim)[0];
        offset = norms.offset();
        WeightMatrix embedding = next("token_embedding_table", h.vocabSize(), dim);
        WeightMatrix[] wq = layers("wq", dim, dim);
        WeightMatrix[] wk = layers("wk", h.kvDim(), dim);
        WeightMatrix[] wv = layers("wv", h.kvDim(), dim);
        WeightMatrix[] wo = layers("wo", dim, dim);
        WeightMatrix[] w1 = layers("w1", h.hiddenDim(), dim);
        WeightMatrix[] w2 = layers("w2", dim, h.hiddenDim());
        WeightMatrix[] w3 = layers("w3", h.hiddenDim(), dim);
        WeightMatrix classifier = h.sharedClassifier() ? embedding : next("wcls", h.vocabSize(), dim);
        List<LlamaWeights.Layer> list = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            list.add(new LlamaWeights.Layer(rmsAtt[l], wq[l], wk[l], wv[l], wo[l], rmsFfn[l], w1[l], w2[l], w3[l]));
        }
        return new LlamaWeights(embedding, List.copyOf(list), rmsFinal, classifier);
    }

    private WeightMatrix[] layers(String name, int rows, int cols) {
        WeightMatrix[] out = new WeightMatrix[h.layers()];
        for (int l = 0; l < out.length; l++) {
            out[l] = next(name + "[" + l + "]", rows, cols);
        }
        return out;
    }

    private WeightMatrix next(String name, int rows, int cols) {
        long n = (long) rows * cols;
        int group = h.groupSize();
        long scales = offset + n;
        MemorySegment floats = arena.allocate(4 * n, 64);
        for (long e = 0; e < n; e++) {
            byte q = file.get(ValueLayout.JAVA_BYTE, offset + e);
            float scale = file.get(F32, scales + 4 * (e / group));
            floats.setAtIndex(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), e, q * scale);
        }
        offset = scales + 4 * (n / group);
        return Tensors.matrix(path + ": " + name, GgmlType.F32, floats, rows, cols);
    }
}
