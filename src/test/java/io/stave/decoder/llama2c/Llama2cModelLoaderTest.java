package io.stave.decoder.llama2c;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.decoder.ModelSpec;
import io.stave.decoder.Stories260K;
import io.stave.decoder.model.LlamaConfig;
import io.stave.decoder.model.LlamaWeights;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.decoder.tensor.WeightMatrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The llama2.c v0, v1 and v2 readers (spec/decoder.md §7.1, §12.1, §12.8). */
class Llama2cModelLoaderTest {

    @TempDir
    Path temp;

    private static Model load(Path file) {
        return ModelSpec.parse("llama2c:" + file + ",tokenizer=" + Stories260K.tokenizer()).load();
    }

    @Test
    void legacy_v0_header_gives_the_stories260k_configuration() {
        try (Model m = load(Stories260K.bin())) {
            LlamaConfig c = m.config();
            assertThat(new int[] {c.dim(), c.hiddenDim(), c.layers(), c.heads(), c.kvHeads(), c.vocabSize(),
                c.contextLength(), c.headSize(), c.kvDim()}).containsExactly(64, 172, 5, 8, 4, 512, 512, 8, 32);
            assertThat(c.ropeBase()).isEqualTo(10000);
            assertThat(m.weights().tiedClassifier()).isTrue();
            assertThat(m.format()).isEqualTo("llama2.c v0");
            assertThat(m.stopTokens()).containsExactlyInAnyOrder(1, 2);
        }
    }

    @Test
    void int8_v2_dequantises_within_the_published_error_and_keeps_norms_bit_identical() {
        try (Model f = load(Stories260K.bin()); Model q = load(Stories260K.q8())) {
            LlamaWeights a = f.weights();
            LlamaWeights b = q.weights();
            assertThat(maxError(a.tokenEmbedding(), b.tokenEmbedding())).isLessThanOrEqualTo(0.00452 + 1e-6).isGreaterThan(0.004);
            double[] published = {0.00697, 0.00443, 0.00166, 0.00243, 0.00265, 0.00339, 0.00235};
            List<Function<LlamaWeights.Layer, WeightMatrix>> kinds = List.of(LlamaWeights.Layer::wq, LlamaWeights.Layer::wk,
                    LlamaWeights.Layer::wv, LlamaWeights.Layer::wo, LlamaWeights.Layer::w1, LlamaWeights.Layer::w2,
                    LlamaWeights.Layer::w3);
            for (int k = 0; k < kinds.size(); k++) {
                double max = 0;
                for (int l = 0; l < 5; l++) {
                    max = Math.max(max, maxError(kinds.get(k).apply(a.layers().get(l)), kinds.get(k).apply(b.layers().get(l))));
                }
                assertThat(max).as("kind %d", k).isLessThanOrEqualTo(published[k] + 1e-5).isGreaterThan(published[k] * 0.9);
            }
            for (int l = 0; l < 5; l++) {
                assertThat(b.layers().get(l).attentionNorm()).containsExactly(a.layers().get(l).attentionNorm());
                assertThat(b.layers().get(l).ffnNorm()).containsExactly(a.layers().get(l).ffnNorm());
            }
            assertThat(b.finalNorm()).containsExactly(a.finalNorm());
        }
    }

    private static double maxError(WeightMatrix a, WeightMatrix b) {
        double max = 0;
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                max = Math.max(max, Math.abs(a.get(r, c) - b.get(r, c)));
            }
        }
        return max;
    }

    @Test
    void version_1_file_written_from_the_v0_weights_gives_the_same_logits() throws IOException {
        Path v1 = temp.resolve("stories260K-v1.bin");
        try (Model v0 = load(Stories260K.bin())) {
            writeVersion1(v0, v1);
            try (Model m = load(v1); Session a = v0.newSession(8); Session b = m.newSession(8)) {
                assertThat(m.format()).isEqualTo("llama2.c v1");
                for (int token : new int[] {1, 403, 407}) {
                    a.append(token);
                    b.append(token);
                }
                assertThat(b.logits()[0]).containsExactly(a.logits()[0]);
            }
        }
    }

    /** export.py --version 1: 256-byte header, then norms, embedding, wq…w3 (no freq_cis). */
    private static void writeVersion1(Model model, Path file) throws IOException {
        LlamaConfig c = model.config();
        LlamaWeights w = model.weights();
        List<float[]> chunks = new ArrayList<>();
        w.layers().forEach(l -> chunks.add(l.attentionNorm()));
        w.layers().forEach(l -> chunks.add(l.ffnNorm()));
        chunks.add(w.finalNorm());
        chunks.add(flat(w.tokenEmbedding()));
        List<Function<LlamaWeights.Layer, WeightMatrix>> kinds = List.of(LlamaWeights.Layer::wq, LlamaWeights.Layer::wk,
                LlamaWeights.Layer::wv, LlamaWeights.Layer::wo, LlamaWeights.Layer::w1, LlamaWeights.Layer::w2,
                LlamaWeights.Layer::w3);
        for (var kind : kinds) {
            w.layers().forEach(l -> chunks.add(flat(kind.apply(l))));
        }
        int floats = chunks.stream().mapToInt(f -> f.length).sum();
        ByteBuffer out = ByteBuffer.allocate(256 + 4 * floats).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(Llama2cModelLoader.MAGIC).putInt(1).putInt(c.dim()).putInt(c.hiddenDim()).putInt(c.layers())
                .putInt(c.heads()).putInt(c.kvHeads()).putInt(c.vocabSize()).putInt(c.contextLength()).put((byte) 1);
        out.position(256);
        chunks.forEach(f -> {
            for (float v : f) {
                out.putFloat(v);
            }
        });
        Files.write(file, out.array());
    }

    private static float[] flat(WeightMatrix m) {
        float[] out = new float[m.rows() * m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            m.dequantizeRow(r, out, r * m.cols());
        }
        return out;
    }
}
