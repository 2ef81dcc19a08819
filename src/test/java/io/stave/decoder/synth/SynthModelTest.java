package io.stave.decoder.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.decoder.gguf.GgufTestReader;
import io.stave.decoder.tensor.GgmlType;
import io.stave.decoder.tensor.WeightMatrices;
import io.stave.decoder.tensor.WeightMatrix;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthModelTest {

    @TempDir
    Path dir;

    private GgufTestReader synth(GgmlType type, long seed) throws IOException {
        Path file = dir.resolve("synth-" + type + "-" + seed + ".gguf");
        new SynthModel(SynthShape.STORIES_260K, type, seed).write(file);
        return new GgufTestReader(file);
    }

    @Test
    @SuppressWarnings("unchecked")
    void stories260k_shaped_file_has_the_llama_metadata_and_tensor_shapes() throws IOException {
        GgufTestReader gguf = synth(GgmlType.Q8_0, 7);
        assertThat(gguf.version).isEqualTo(3);
        assertThat(gguf.metadata)
                .containsEntry("general.architecture", "llama")
                .containsEntry("general.alignment", 32L)
                .containsEntry("general.file_type", 7L)
                .containsEntry("llama.embedding_length", 64L)
                .containsEntry("llama.feed_forward_length", 172L)
                .containsEntry("llama.block_count", 5L)
                .containsEntry("llama.attention.head_count", 8L)
                .containsEntry("llama.attention.head_count_kv", 4L)
                .containsEntry("llama.context_length", 512L)
                .containsEntry("llama.rope.dimension_count", 8L)
                .containsEntry("llama.rope.freq_base", 10000f)
                .containsEntry("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .containsEntry("llama.vocab_size", 512L)
                .containsEntry("tokenizer.ggml.model", "llama")
                .containsEntry("tokenizer.ggml.bos_token_id", 1L)
                .containsEntry("tokenizer.ggml.eos_token_id", 2L)
                .containsEntry("tokenizer.ggml.add_bos_token", true);
        List<Object> tokens = (List<Object>) gguf.metadata.get("tokenizer.ggml.tokens");
        List<Object> types = (List<Object>) gguf.metadata.get("tokenizer.ggml.token_type");
        assertThat(tokens).hasSize(512).startsWith("<unk>", "<s>", "</s>", "<0x00>", "<0x01>");
        assertThat(tokens.get(3 + 255)).isEqualTo("<0xFF>");
        assertThat(tokens.get(259)).isEqualTo("▁");
        assertThat(tokens).doesNotHaveDuplicates();
        assertThat(types.subList(0, 4)).containsExactly(2, 3, 3, 6);
        assertThat(types.get(259)).isEqualTo(1);
        assertThat(((List<?>) gguf.metadata.get("tokenizer.ggml.scores"))).hasSize(512);

        assertThat(gguf.tensors).hasSize(1 + 5 * 9 + 1);
        GgufTestReader.Tensor k = tensor(gguf, "blk.0.attn_k.weight");
        assertThat(k.dims()).containsExactly(64, 32);
        assertThat(k.type()).isEqualTo(GgmlType.Q8_0.id());
        GgufTestReader.Tensor down = tensor(gguf, "blk.4.ffn_down.weight");
        assertThat(down.dims()).containsExactly(172, 64);
        assertThat(down.type()).as("rows of 172 do not split into Q8_0 blocks").isEqualTo(GgmlType.F16.id());
        assertThat(tensor(gguf, "token_embd.weight").dims()).containsExactly(64, 512);
        assertThat(gguf.tensors).extracting(GgufTestReader.Tensor::name).doesNotContain("output.weight");
        assertThat(gguf.tensors).allSatisfy(t -> assertThat(t.offset() % 32).isZero());
    }

    @Test
    void weights_are_normal_with_std_0_02_and_norms_are_one() throws IOException {
        GgufTestReader gguf = synth(GgmlType.Q4_0, 3);
        GgufTestReader.Tensor gate = tensor(gguf, "blk.2.ffn_gate.weight");
        WeightMatrix matrix = matrix(gguf, gate, GgmlType.Q4_0, 172, 64);
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < 172; i++) {
            for (int j = 0; j < 64; j++) {
                double v = matrix.get(i, j);
                sum += v;
                sumSquares += v * v;
            }
        }
        int n = 172 * 64;
        assertThat(sum / n).isBetween(-0.002, 0.002);
        assertThat(Math.sqrt(sumSquares / n - (sum / n) * (sum / n))).isBetween(0.018, 0.022);
        WeightMatrix norm = matrix(gguf, tensor(gguf, "blk.1.ffn_norm.weight"), GgmlType.F32, 1, 64);
        for (int j = 0; j < 64; j++) {
            assertThat(norm.get(0, j)).isEqualTo(1f);
        }
    }

    @Test
    void the_same_seed_writes_the_same_bytes_and_another_seed_other_weights() throws IOException {
        Path a = dir.resolve("a.gguf");
        Path b = dir.resolve("b.gguf");
        Path c = dir.resolve("c.gguf");
        new SynthModel(SynthShape.STORIES_260K, GgmlType.F16, 11).write(a);
        new SynthModel(SynthShape.STORIES_260K, GgmlType.F16, 11).write(b);
        new SynthModel(SynthShape.STORIES_260K, GgmlType.F16, 12).write(c);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
        GgufTestReader first = new GgufTestReader(a);
        GgufTestReader other = new GgufTestReader(c);
        GgufTestReader.Tensor q = tensor(first, "blk.0.attn_q.weight");
        assertThat(other.bytes(other.dataStart + q.offset(), 64)).isNotEqualTo(first.bytes(first.dataStart + q.offset(), 64));
    }

    @Test
    void vocabulary_pieces_are_built_from_pieces_already_in_it() {
        SynthVocabulary vocabulary = SynthVocabulary.of(32000);
        assertThat(vocabulary.tokens()).hasSize(32000).doesNotHaveDuplicates();
        for (int id = 259 + 100; id < 32000; id += 97) {
            String piece = vocabulary.tokens().get(id);
            String prefix = piece.substring(0, piece.offsetByCodePoints(piece.length(), -1));
            assertThat(vocabulary.tokens().indexOf(prefix)).as("prefix of %s", piece).isBetween(259, id - 1);
        }
    }

    private static GgufTestReader.Tensor tensor(GgufTestReader gguf, String name) {
        return gguf.tensors.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static WeightMatrix matrix(GgufTestReader gguf, GgufTestReader.Tensor tensor, GgmlType type, int rows, int cols) {
        byte[] bytes = gguf.bytes(gguf.dataStart + tensor.offset(), (int) (rows * type.bytesFor(cols)));
        return WeightMatrices.of(type, MemorySegment.ofArray(bytes), rows, cols);
    }
}
