package io.stave.decoder.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
