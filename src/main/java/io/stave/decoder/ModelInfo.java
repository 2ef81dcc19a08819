package io.stave.decoder;

import io.stave.decoder.model.LlamaConfig;
import io.stave.decoder.model.LlamaWeights;
import io.stave.decoder.model.Model;
import io.stave.decoder.tensor.WeightMatrix;
import io.stave.decoder.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A plain-text description of a loaded model for {@code stave model info}. */
public final class ModelInfo {

    private ModelInfo() {}

    public static String describe(Model model) {
        LlamaConfig c = model.config();
        LlamaWeights w = model.weights();
        Tokenizer t = model.tokenizer();
        StringBuilder out = new StringBuilder();
        line(out, "source", model.source());
        line(out, "format", model.format());
        line(out, "architecture", "llama");
        line(out, "dimensions", "dim %d, ffn %d, layers %d, heads %d, kv heads %d, head size %d, vocab %d"
                .formatted(c.dim(), c.hiddenDim(), c.layers(), c.heads(), c.kvHeads(), c.headSize(), c.vocabSize()));
        line(out, "context", c.contextLength() + " (as declared by the file)");
        line(out, "rms eps", String.format(Locale.ROOT, "%g", c.rmsEps()));
        line(out, "rope", String.format(Locale.ROOT, "base %s, dims %d, linear scale %s, %s pairs", plain(c.ropeBase()),
                c.ropeDims(), plain(c.ropeScale()), c.ropePairing().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        line(out, "classifier", w.tiedClassifier() ? "tied to the token embedding" : "separate");
        List<String[]> tensors = tensors(w);
        long parameters = 0;
        long bytes = 0;
        for (String[] row : tensors) {
            parameters += Long.parseLong(row[3]);
            bytes += Long.parseLong(row[4]);
        }
        line(out, "parameters", String.format(Locale.ROOT, "%,d (%,d bytes of weights)", parameters, bytes));
        line(out, "tokenizer", "%s, %d pieces, BOS %d, EOS %d".formatted(t.kind(), t.vocabSize(), t.bos(), t.eos()));
        out.append("tensors:\n");
        for (String[] row : tensors) {
            out.append(String.format(Locale.ROOT, "  %-24s %-5s %-12s %,14d bytes%n", row[0], row[1], row[2],
                    Long.parseLong(row[4])));
        }
        return out.toString();
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(String.format(Locale.ROOT, "%-14s%s%n", key + ":", value));
    }

    /** name, type, shape, elements, bytes — named as in GGUF, whatever the container. */
    private static List<String[]> tensors(LlamaWeights w) {
        List<String[]> rows = new ArrayList<>();
        rows.add(matrix("token_embd.weight", w.tokenEmbedding()));
        for (int l = 0; l < w.layers().size(); l++) {
            LlamaWeights.Layer layer = w.layers().get(l);
            String p = "blk." + l + ".";
            rows.add(vector(p + "attn_norm.weight", layer.attentionNorm()));
            rows.add(matrix(p + "attn_q.weight", layer.wq()));
            rows.add(matrix(p + "attn_k.weight", layer.wk()));
            rows.add(matrix(p + "attn_v.weight", layer.wv()));
            rows.add(matrix(p + "attn_output.weight", layer.wo()));
            rows.add(vector(p + "ffn_norm.weight", layer.ffnNorm()));
            rows.add(matrix(p + "ffn_gate.weight", layer.w1()));
            rows.add(matrix(p + "ffn_down.weight", layer.w2()));
            rows.add(matrix(p + "ffn_up.weight", layer.w3()));
        }
        rows.add(vector("output_norm.weight", w.finalNorm()));
        if (!w.tiedClassifier()) {
            rows.add(matrix("output.weight", w.classifier()));
        }
        return rows;
    }

    private static String[] matrix(String name, WeightMatrix m) {
        return new String[] {name, m.type().name(), m.rows() + "×" + m.cols(), String.valueOf((long) m.rows() * m.cols()),
            String.valueOf(m.data().byteSize())};
    }

    private static String[] vector(String name, float[] v) {
        return new String[] {name, "F32", String.valueOf(v.length), String.valueOf(v.length), String.valueOf(4L * v.length)};
    }
}
