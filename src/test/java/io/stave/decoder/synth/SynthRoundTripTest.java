package io.stave.decoder.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.cli.Main;
import io.stave.decoder.gguf.GgufFile;
import io.stave.decoder.gguf.GgufModelLoader;
import io.stave.decoder.gguf.GgufTensor;
import io.stave.decoder.gguf.GgufTestReader;
import io.stave.decoder.model.KvType;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.decoder.tensor.GgmlType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files from {@code stave model synth}, read back by the project's GGUF reader and model loader. */
class SynthRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void a_synthetic_gguf_written_by_model_synth_is_read_back_tensor_for_tensor() throws IOException {
        Path file = dir.resolve("synth.gguf");
        assertThat(Main.execute("model", "synth", "--shape", "stories260k", "--type", "q8_0", "--seed", "9",
                "--out", file.toString())).isZero();
        GgufTestReader independent = new GgufTestReader(file);
        try (Arena arena = Arena.ofConfined()) {
            GgufFile gguf = GgufFile.open(file, arena);
            assertThat(gguf.version()).isEqualTo(3);
            assertThat(gguf.alignment()).isEqualTo(32);
            assertThat(gguf.dataStart()).isEqualTo(independent.dataStart);
            assertThat(gguf.metadata().keySet()).containsExactlyElementsOf(independent.metadata.keySet());
            assertThat(gguf.array("tokenizer.ggml.tokens")).isEqualTo(independent.metadata.get("tokenizer.ggml.tokens"));
            assertThat(gguf.tensors()).hasSize(independent.tensors.size());
            for (GgufTestReader.Tensor expected : independent.tensors) {
                GgufTensor tensor = gguf.tensor(expected.name());
                assertThat(tensor).as(expected.name()).isNotNull();
                assertThat(tensor.dims()).as(expected.name()).containsExactly(expected.dims());
                assertThat(tensor.type().id()).as(expected.name()).isEqualTo(expected.type());
                assertThat(tensor.offset()).as(expected.name()).isEqualTo(expected.offset());
                byte[] bytes = tensor.data().toArray(ValueLayout.JAVA_BYTE);
                assertThat(bytes).as(expected.name())
                        .isEqualTo(independent.bytes(independent.dataStart + expected.offset(), bytes.length));
            }
        }
    }

    @Test
    void a_synthetic_model_loads_and_decodes_to_finite_logits_with_identical_buckets() throws IOException {
        Path file = dir.resolve("synth.gguf");
        new SynthModel(SynthShape.STORIES_260K, GgmlType.Q4_0, 4).write(file);
        try (Model model = GgufModelLoader.load(file)) {
            assertThat(model.config().dim()).isEqualTo(64);
            assertThat(model.config().kvHeads()).isEqualTo(4);
            assertThat(model.tokenizer().vocabSize()).isEqualTo(512);
            try (Session session = model.newSession(new double[] {10000, 10000}, 1, 16, KvType.F32)) {
                session.prefill(new int[] {1, 300, 301, 302});
                float[][] logits = session.logits();
                assertThat(logits[0]).hasSize(512).containsExactly(logits[1]);
                double sumSquares = 0;
                for (float v : logits[0]) {
                    assertThat(Float.isFinite(v)).isTrue();
                    sumSquares += v * v;
                }
                // weights of std 0.02 over D = 64 keep logits of order 0.1, neither zero nor exploding
                assertThat(Math.sqrt(sumSquares / 512)).isBetween(1e-3, 10.0);
            }
        }
    }
}
