package io.stave.decoder.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stave.BadInputException;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.Stories260K;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.RopePairing;
import io.stave.decoder.model.Session;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Hugging Face folder made from stories260K with Q/K permuted as HF stores them (spec/decoder.md §3.2, §12.10). */
class HfModelLoaderTest {

    static final int[] INPUTS = {1, 403, 407, 261, 378};

    @TempDir
    static Path temp;
    static Model gguf;
    static Path folder;

    @BeforeAll
    static void write() throws IOException {
        gguf = ModelSpec.parse("gguf:" + Stories260K.gguf()).load();
        folder = temp.resolve("stories260K-hf");
        HfFolderWriter.write(gguf, folder);
    }

    @AfterAll
    static void close() {
        gguf.close();
    }

    /** The largest |difference| of the logits over the inputs 1, 403, 407, 261, 378 at positions 0–4. */
    static double maxDifference(Model a, Model b) {
        double max = 0;
        try (Session sa = a.newSession(16); Session sb = b.newSession(16)) {
            for (int token : INPUTS) {
                sa.append(token);
                sb.append(token);
                float[] la = sa.logits()[0];
                float[] lb = sb.logits()[0];
                for (int i = 0; i < la.length; i++) {
                    max = Math.max(max, Math.abs(la[i] - lb[i]));
                }
            }
        }
        return max;
    }

    @Test
    void sharded_hf_folder_unpermuted_at_load_gives_the_gguf_logits() {
        try (Model hf = ModelSpec.parse("hf:" + folder).load()) {
            assertThat(hf.config().ropePairing()).isEqualTo(RopePairing.ADJACENT);
            assertThat(hf.config().kvHeads()).isEqualTo(4);
            assertThat(hf.weights().tiedClassifier()).isTrue();
            assertThat(maxDifference(hf, gguf)).isLessThan(1e-5);
        }
    }

    @Test
    void hf_weights_kept_permuted_with_the_half_split_kernel_give_the_gguf_logits() {
        try (Model hf = HfModelLoader.load(folder, false)) {
            assertThat(hf.config().ropePairing()).isEqualTo(RopePairing.HALF_SPLIT);
            assertThat(maxDifference(hf, gguf)).isLessThan(1e-5);
        }
    }

    @Test
    void permuted_weights_with_the_adjacent_kernel_differ_by_about_ten() {
        try (Model hf = HfModelLoader.load(folder, false);
                Model wrong = new Model("wrong", "test", hf.config().withRopePairing(RopePairing.ADJACENT), hf.weights(),
                        hf.tokenizer(), hf.stopTokens(), null)) {
            assertThat(maxDifference(wrong, gguf)).isGreaterThan(1.0);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"F16, 0.05", "BF16, 0.5"})
    void half_precision_safetensors_load_and_stay_close_to_f32(String dtype, double tolerance) throws IOException {
        Path copy = temp.resolve("half-" + dtype);
        HfFolderWriter.write(gguf, copy, dtype);
        try (Model hf = ModelSpec.parse("hf:" + copy).load()) {
            assertThat(hf.weights().layers().get(0).wq().type().name()).isEqualTo(dtype);
            double difference = maxDifference(hf, gguf);
            assertThat(difference).isLessThan(tolerance).isGreaterThan(0);
        }
    }

    @Test
    void tokenizer_model_protobuf_gives_the_gguf_vocabulary_and_ids() {
        try (Model hf = ModelSpec.parse("hf:" + folder).load()) {
            assertThat(hf.tokenizer().vocabSize()).isEqualTo(512);
            assertThat(hf.tokenizer().piece(403)).isEqualTo("\u2581Once");
            assertThat(hf.tokenizer().encode("Once upon a time", true)).containsExactly(1, 403, 407, 261, 378);
            assertThat(hf.tokenizer().encode("日本", true)).containsExactly(1, 410, 233, 154, 168, 233, 159, 175);
        }
    }

    @Test
    void tokenizer_json_alone_gives_the_golden_ids() throws IOException {
        Path copy = temp.resolve("json-tokenizer");
        HfFolderWriter.write(gguf, copy);
        java.nio.file.Files.delete(copy.resolve("tokenizer.model"));
        HfFolderWriter.writeTokenizerJson(
                ((io.stave.decoder.tokenizer.SentencePieceTokenizer) gguf.tokenizer()).vocabulary(),
                copy.resolve("tokenizer.json"));
        try (Model hf = ModelSpec.parse("hf:" + copy).load()) {
            assertThat(hf.tokenizer().kind()).contains("tokenizer.json");
            assertThat(hf.tokenizer().encode("Once upon a time", true)).containsExactly(1, 403, 407, 261, 378);
            assertThat(hf.tokenizer().encode("Lily and Tom went to the park.", true))
                    .containsExactly(1, 317, 269, 274, 287, 263, 377, 267, 265, 282, 295, 433, 426);
            assertThat(hf.tokenizer().encode("hello world", true)).containsExactly(1, 281, 306, 414, 263, 304, 341);
            assertThat(hf.tokenizer().encode("日本", true)).containsExactly(1, 410, 233, 154, 168, 233, 159, 175);
            assertThat(hf.tokenizer().decode(new int[] {1, 403, 407, 2})).isEqualTo("Once upon");
        }
    }

    private Path brokenCopy(String name) throws IOException {
        Path copy = temp.resolve(name);
        HfFolderWriter.write(gguf, copy);
        return copy;
    }

    @Test
    void missing_config_json_is_reported() throws IOException {
        Path copy = brokenCopy("no-config");
        java.nio.file.Files.delete(copy.resolve("config.json"));
        assertThatThrownBy(() -> ModelSpec.parse("hf:" + copy).load()).isInstanceOf(BadInputException.class)
                .hasMessageContaining(copy.resolve("config.json").toString());
    }

    @Test
    void yarn_rope_scaling_is_refused_rather_than_ignored() throws IOException {
        Path copy = brokenCopy("yarn");
        String config = java.nio.file.Files.readString(copy.resolve("config.json"))
                .replace("\"rope_scaling\": null", "\"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}");
        java.nio.file.Files.writeString(copy.resolve("config.json"), config);
        assertThatThrownBy(() -> ModelSpec.parse("hf:" + copy).load()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("$.rope_scaling.type: expected linear, found yarn");
    }

    @Test
    void safetensors_tensor_whose_bytes_do_not_match_its_shape_is_refused() throws IOException {
        Path copy = brokenCopy("bad-offsets");
        Path shard = copy.resolve("model-00002-of-00002.safetensors");
        byte[] bytes = java.nio.file.Files.readAllBytes(shard);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        // The first tensor of the shard is model.layers.2.input_layernorm.weight, 64 floats at [0, 256].
        int at = text.indexOf("[0, 256]");
        System.arraycopy("[0, 252]".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, bytes, at, 8);
        java.nio.file.Files.write(shard, bytes);
        assertThatThrownBy(() -> ModelSpec.parse("hf:" + copy).load()).isInstanceOf(BadInputException.class)
                .hasMessageContaining(shard.toString())
                .hasMessageContaining("$['model.layers.2.input_layernorm.weight'].data_offsets: expected 256 bytes");
    }

    @Test
    void hf_rope_scaling_linear_becomes_the_models_position_scale() throws IOException {
        Path copy = temp.resolve("scaled");
        HfFolderWriter.write(gguf, copy);
        String config = java.nio.file.Files.readString(copy.resolve("config.json"))
                .replace("\"rope_scaling\": null", "\"rope_scaling\": {\"type\": \"linear\", \"factor\": 2.0}");
        java.nio.file.Files.writeString(copy.resolve("config.json"), config);
        try (Model hf = ModelSpec.parse("hf:" + copy).load()) {
            assertThat(hf.config().ropeScale()).isEqualTo(2.0);
            assertThat(hf.config().rmsEps()).isCloseTo(1e-5f, within(1e-12f));
        }
    }
}
