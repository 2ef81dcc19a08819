package io.stave.decoder.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.decoder.model.KvType;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Other shapes (spec/decoder.md §12.11): synthetic F32 GGUFs with MHA, GQA ×4, head sizes 16 and
 * 32, an untied classifier and a non-default RoPE base and ε; the decoder must equal a
 * straightforward float reference of §2.2 written here.
 */
class SyntheticShapesTest {

    @TempDir
    Path temp;

    record Shape(int dim, int hidden, int layers, int heads, int kvHeads, int vocab, boolean untied, double base,
            float eps) {
        int d() {
            return dim / heads;
        }

        int kvDim() {
            return d() * kvHeads;
        }
    }

    /** Weights as plain [out][in] arrays, keyed by GGUF name. */
    private static Map<String, float[][]> weights(Shape s, long seed) {
        Random random = new Random(seed);
        Map<String, float[][]> w = new LinkedHashMap<>();
        w.put("token_embd.weight", random(random, s.vocab(), s.dim(), 1.0));
        for (int l = 0; l < s.layers(); l++) {
            String p = "blk." + l + ".";
            w.put(p + "attn_norm.weight", gains(random, s.dim()));
            w.put(p + "attn_q.weight", random(random, s.dim(), s.dim(), 0.3));
            w.put(p + "attn_k.weight", random(random, s.kvDim(), s.dim(), 0.3));
            w.put(p + "attn_v.weight", random(random, s.kvDim(), s.dim(), 0.3));
            w.put(p + "attn_output.weight", random(random, s.dim(), s.dim(), 0.2));
            w.put(p + "ffn_norm.weight", gains(random, s.dim()));
            w.put(p + "ffn_gate.weight", random(random, s.hidden(), s.dim(), 0.2));
            w.put(p + "ffn_down.weight", random(random, s.dim(), s.hidden(), 0.2));
            w.put(p + "ffn_up.weight", random(random, s.hidden(), s.dim(), 0.2));
        }
        w.put("output_norm.weight", gains(random, s.dim()));
        if (s.untied()) {
            w.put("output.weight", random(random, s.vocab(), s.dim(), 0.5));
        }
        return w;
    }

    private static float[][] random(Random random, int rows, int cols, double scale) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (random.nextGaussian() * scale / Math.sqrt(cols) * 4);
            }
        }
        return m;
    }

    private static float[][] gains(Random random, int n) {
        float[][] g = new float[1][n];
        for (int i = 0; i < n; i++) {
            g[0][i] = (float) (0.5 + random.nextDouble());
        }
        return g;
    }

    private static Path write(Shape s, Map<String, float[][]> w, Path file) throws IOException {
        return write(s, w, file, g -> {});
    }

    private static Path write(Shape s, Map<String, float[][]> w, Path file, Consumer<TestGguf> extra) throws IOException {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        while (tokens.size() < s.vocab()) {
            tokens.add("t" + tokens.size());
        }
        TestGguf g = new TestGguf(3)
                .kv("general.architecture", 8, b -> TestGguf.string(b, "llama"))
                .kv("llama.embedding_length", 4, b -> b.putInt(s.dim()))
                .kv("llama.feed_forward_length", 5, b -> b.putInt(s.hidden())) // an i32, as some writers do
                .kv("llama.block_count", 10, b -> b.putLong(s.layers())) // a u64
                .kv("llama.attention.head_count", 4, b -> b.putInt(s.heads()))
                .kv("llama.attention.head_count_kv", 4, b -> b.putInt(s.kvHeads()))
                .kv("llama.context_length", 4, b -> b.putInt(64))
                .kv("llama.attention.layer_norm_rms_epsilon", 6, b -> b.putFloat(s.eps()))
                .kv("llama.rope.freq_base", 6, b -> b.putFloat((float) s.base()))
                .kv("tokenizer.ggml.model", 8, b -> TestGguf.string(b, "llama"))
                .kv("tokenizer.ggml.tokens", 9, b -> {
                    b.putInt(8).putLong(tokens.size());
                    tokens.forEach(t -> TestGguf.string(b, t));
                });
        extra.accept(g);
        for (Map.Entry<String, float[][]> e : w.entrySet()) {
            float[][] m = e.getValue();
            ByteBuffer data = ByteBuffer.allocate(4 * m.length * m[0].length).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] row : m) {
                for (float v : row) {
                    data.putFloat(v);
                }
            }
            long[] dims = e.getKey().endsWith("norm.weight") ? new long[] {m[0].length} : new long[] {m[0].length, m.length};
            g.tensor(e.getKey(), dims, 0, data.array());
        }
        return g.write(file);
    }

    /** §2.2 written out directly, one token at a time, float32 throughout. */
    static final class Reference {
        final Shape s;
        final Map<String, float[][]> w;
        final List<float[][]> keys = new ArrayList<>();
        final List<float[][]> values = new ArrayList<>();

        Reference(Shape s, Map<String, float[][]> w) {
            this.s = s;
            this.w = w;
            for (int l = 0; l < s.layers(); l++) {
                keys.add(new float[64][]);
                values.add(new float[64][]);
            }
        }

        float[] step(int token, int pos) {
            float[] x = w.get("token_embd.weight")[token].clone();
            int d = s.d();
            for (int l = 0; l < s.layers(); l++) {
                String p = "blk." + l + ".";
                float[] h = norm(x, w.get(p + "attn_norm.weight")[0]);
                float[] q = mul(w.get(p + "attn_q.weight"), h);
                float[] k = mul(w.get(p + "attn_k.weight"), h);
                float[] v = mul(w.get(p + "attn_v.weight"), h);
                rope(q, pos);
                rope(k, pos);
                keys.get(l)[pos] = k;
                values.get(l)[pos] = v;
                float[] o = new float[s.dim()];
                for (int hq = 0; hq < s.heads(); hq++) {
                    int g = hq / (s.heads() / s.kvHeads());
                    float[] a = new float[pos + 1];
                    float max = Float.NEGATIVE_INFINITY;
                    for (int t = 0; t <= pos; t++) {
                        float dot = 0;
                        for (int i = 0; i < d; i++) {
                            dot += q[hq * d + i] * keys.get(l)[t][g * d + i];
                        }
                        a[t] = dot / (float) Math.sqrt(d);
                        max = Math.max(max, a[t]);
                    }
                    float sum = 0;
                    for (int t = 0; t <= pos; t++) {
                        a[t] = (float) Math.exp(a[t] - max);
                        sum += a[t];
                    }
                    for (int t = 0; t <= pos; t++) {
                        for (int i = 0; i < d; i++) {
                            o[hq * d + i] += a[t] / sum * values.get(l)[t][g * d + i];
                        }
                    }
                }
                add(x, mul(w.get(p + "attn_output.weight"), o));
                h = norm(x, w.get(p + "ffn_norm.weight")[0]);
                float[] gate = mul(w.get(p + "ffn_gate.weight"), h);
                float[] up = mul(w.get(p + "ffn_up.weight"), h);
                for (int i = 0; i < gate.length; i++) {
                    gate[i] = gate[i] / (1 + (float) Math.exp(-gate[i])) * up[i];
                }
                add(x, mul(w.get(p + "ffn_down.weight"), gate));
            }
            float[][] classifier = w.getOrDefault("output.weight", w.get("token_embd.weight"));
            return mul(classifier, norm(x, w.get("output_norm.weight")[0]));
        }

        void rope(float[] x, int pos) {
            int d = s.d();
            for (int head = 0; head < x.length / d; head++) {
                for (int i = 0; i < d / 2; i++) {
                    double angle = pos * Math.pow(s.base(), -2.0 * i / d);
                    float c = (float) Math.cos(angle);
                    float sn = (float) Math.sin(angle);
                    int a = head * d + 2 * i;
                    float x0 = x[a];
                    float x1 = x[a + 1];
                    x[a] = x0 * c - x1 * sn;
                    x[a + 1] = x0 * sn + x1 * c;
                }
            }
        }

        float[] norm(float[] x, float[] g) {
            double ss = 0;
            for (float v : x) {
                ss += v * v;
            }
            float inv = (float) (1 / Math.sqrt(ss / x.length + s.eps()));
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = g[i] * x[i] * inv;
            }
            return out;
        }

        static float[] mul(float[][] m, float[] x) {
            float[] y = new float[m.length];
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    y[i] += m[i][j] * x[j];
                }
            }
            return y;
        }

        static void add(float[] x, float[] y) {
            for (int i = 0; i < x.length; i++) {
                x[i] += y[i];
            }
        }
    }

    @ParameterizedTest(name = "D {0}, H {3}, H_kv {4}, untied {6}")
    @CsvSource({
        "64, 96, 2, 4, 4, 80, false, 10000, 1e-5",  // MHA, d 16
        "128, 160, 2, 8, 2, 96, true, 25000, 1e-6", // GQA ×4, d 16, untied
        "64, 64, 3, 2, 1, 64, true, 10000, 1e-5",   // GQA ×2, d 32
    })
    void synthetic_gguf_equals_the_float_reference(int dim, int hidden, int layers, int heads, int kvHeads, int vocab,
            boolean untied, double base, float eps) throws IOException {
        Shape shape = new Shape(dim, hidden, layers, heads, kvHeads, vocab, untied, base, eps);
        Map<String, float[][]> w = weights(shape, dim * 31L + heads);
        Path file = write(shape, w, temp.resolve("synthetic.gguf"));
        int[] tokens = {1, 5, 17, 42, 3, 9, 60, 11};
        try (Model model = GgufModelLoader.load(file);
                Session session = model.newSession(new double[] {base, base}, 1, 32, KvType.F32)) {
            assertThat(model.weights().tiedClassifier()).isEqualTo(!untied);
            assertThat(model.config().headSize()).isEqualTo(dim / heads);
            Reference reference = new Reference(shape, w);
            session.prefill(new int[] {tokens[0], tokens[1], tokens[2]});
            float[] expected = null;
            for (int pos = 0; pos < 3; pos++) {
                expected = reference.step(tokens[pos], pos);
            }
            assertClose(session.logits(), expected);
            for (int pos = 3; pos < tokens.length; pos++) {
                session.append(tokens[pos]);
                assertClose(session.logits(), reference.step(tokens[pos], pos));
            }
        }
    }

    static final Shape SMALL = new Shape(64, 96, 1, 4, 2, 40, false, 10000, 1e-5f);

    @Test
    void linear_rope_scaling_keys_set_the_models_position_scale() throws IOException {
        Path linear = write(SMALL, weights(SMALL, 1), temp.resolve("linear.gguf"), g -> g
                .kv("llama.rope.scaling.type", 8, b -> TestGguf.string(b, "linear"))
                .kv("llama.rope.scaling.factor", 6, b -> b.putFloat(2f)));
        Path legacy = write(SMALL, weights(SMALL, 1), temp.resolve("legacy.gguf"), g -> g
                .kv("llama.rope.scale_linear", 6, b -> b.putFloat(4f)));
        try (Model a = GgufModelLoader.load(linear); Model b = GgufModelLoader.load(legacy)) {
            assertThat(a.config().ropeScale()).isEqualTo(2.0);
            assertThat(b.config().ropeScale()).isEqualTo(4.0);
            assertThat(a.config().ropeBase()).isEqualTo(10000.0);
        }
    }

    @Test
    void yarn_rope_scaling_is_refused_with_the_key_named() throws IOException {
        Path yarn = write(SMALL, weights(SMALL, 1), temp.resolve("yarn.gguf"), g -> g
                .kv("llama.rope.scaling.type", 8, b -> TestGguf.string(b, "yarn")));
        assertThatThrownBy(() -> GgufModelLoader.load(yarn)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(yarn.toString())
                .hasMessageContaining("llama.rope.scaling.type: expected none or linear, found yarn");
    }

    @Test
    void a_metadata_value_of_the_wrong_type_is_named() throws IOException {
        Path file = write(SMALL, weights(SMALL, 1), temp.resolve("typed.gguf"), g -> g
                .kv("llama.embedding_length", 8, b -> TestGguf.string(b, "64")));
        assertThatThrownBy(() -> GgufModelLoader.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("metadata llama.embedding_length: expected an integer, found STRING");
    }

    private static void assertClose(float[][] actual, float[] expected) {
        double spread = 0;
        for (float v : expected) {
            spread = Math.max(spread, Math.abs(v - expected[0]));
        }
        assertThat(spread).as("the logits are not trivially flat").isGreaterThan(0.5);
        for (float[] row : actual) {
            double max = 0;
            for (int i = 0; i < expected.length; i++) {
                max = Math.max(max, Math.abs(row[i] - expected[i]));
            }
            assertThat(max).isLessThan(1e-4);
        }
    }
}
