package io.stave.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of broken model file gives one clear BadInputException naming the file and the field. */
class BadModelInputTest {

    @TempDir
    Path temp;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] gguf() throws IOException {
        return Files.readAllBytes(Stories260K.gguf());
    }

    private static int find(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    private static int find(byte[] haystack, String needle) {
        return find(haystack, needle.getBytes(StandardCharsets.UTF_8));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> loading(Path file, String kind) {
        return assertThatThrownBy(() -> ModelSpec.parse(kind + ":" + file).load().close())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void gguf_truncated_inside_the_header_is_reported_as_truncated() throws IOException {
        loading(write("cut.gguf", Arrays.copyOf(gguf(), 10_000)), "gguf").hasMessageContaining("truncated");
    }

    @Test
    void gguf_truncated_inside_the_tensor_data_names_the_tensor() throws IOException {
        loading(write("cut.gguf", Arrays.copyOf(gguf(), 600_000)), "gguf")
                .hasMessageContaining("tensor blk.")
                .hasMessageContaining("beyond the end of the file");
    }

    @Test
    void wrong_magic_is_reported() throws IOException {
        byte[] bytes = gguf();
        bytes[3] = 'X';
        loading(write("magic.gguf", bytes), "gguf").hasMessageContaining("magic: expected \"GGUF\"");
    }

    @Test
    void gguf_version_1_is_refused() throws IOException {
        byte[] bytes = gguf();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1);
        loading(write("v1.gguf", bytes), "gguf").hasMessageContaining("version").hasMessageContaining("v1");
    }

    @Test
    void byte_swapped_version_is_refused_as_big_endian() throws IOException {
        byte[] bytes = gguf();
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).putInt(4, 3);
        loading(write("be.gguf", bytes), "gguf").hasMessageContaining("version").hasMessageContaining("big-endian");
    }

    @Test
    void a_count_larger_than_the_file_is_refused_without_allocating() throws IOException {
        byte[] bytes = gguf();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(16, 1L << 40);
        loading(write("count.gguf", bytes), "gguf").hasMessageContaining("metadata_kv_count");
    }

    @Test
    void unsupported_architecture_is_refused() throws IOException {
        byte[] bytes = gguf();
        int at = find(bytes, "general.architecture") + "general.architecture".length() + 4 + 8;
        System.arraycopy("falco".getBytes(StandardCharsets.US_ASCII), 0, bytes, at, 5);
        loading(write("arch.gguf", bytes), "gguf")
                .hasMessageContaining("general.architecture: expected llama, found falco");
    }

    @Test
    void unsupported_tensor_type_names_the_tensor_and_the_type() throws IOException {
        byte[] bytes = gguf();
        int at = find(bytes, "output_norm.weight") + "output_norm.weight".length() + 4 + 8; // n_dims, dims[0]
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, 99);
        loading(write("type.gguf", bytes), "gguf")
                .hasMessageContaining("tensor output_norm.weight: type")
                .hasMessageContaining("ggml type id 99");
    }

    @Test
    void tensor_whose_shape_does_not_match_the_model_is_refused() throws IOException {
        byte[] bytes = gguf();
        int at = find(bytes, "blk.0.attn_k.weight") + "blk.0.attn_k.weight".length() + 4;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(at, 32).putLong(at + 8, 64);
        loading(write("shape.gguf", bytes), "gguf")
                .hasMessageContaining("tensor blk.0.attn_k.weight: dims: expected [64, 32], found [32, 64]");
    }

    @Test
    void tensor_larger_than_the_file_is_refused() throws IOException {
        byte[] bytes = gguf();
        int at = find(bytes, "output.weight") + "output.weight".length() + 4 + 8; // dims[1]
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(at, 5120);
        loading(write("size.gguf", bytes), "gguf").hasMessageContaining("tensor output.weight: data")
                .hasMessageContaining("beyond the end");
    }

    @Test
    void llama2c_checkpoint_truncated_is_reported_with_the_expected_size() throws IOException {
        byte[] bytes = Arrays.copyOf(Files.readAllBytes(Stories260K.bin()), 1_000_000);
        Path file = write("cut.bin", bytes);
        assertThatThrownBy(() -> ModelSpec.parse("llama2c:" + file + ",tokenizer=" + Stories260K.tokenizer()).load())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("expected 1056540 bytes")
                .hasMessageContaining("truncated");
    }

    @Test
    void llama2c_header_with_an_impossible_size_is_refused_before_allocating() throws IOException {
        byte[] bytes = Files.readAllBytes(Stories260K.bin());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1 << 24); // hidden_dim 16 Mi
        Path file = write("huge.bin", bytes);
        assertThatThrownBy(() -> ModelSpec.parse("llama2c:" + file + ",tokenizer=" + Stories260K.tokenizer()).load())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("size: expected");
    }

    @Test
    void llama2c_tokenizer_truncated_is_reported() throws IOException {
        Path tok = write("tok512.bin", Arrays.copyOf(Files.readAllBytes(Stories260K.tokenizer()), 3000));
        assertThatThrownBy(() -> ModelSpec.parse("llama2c:" + Stories260K.bin() + ",tokenizer=" + tok).load())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(tok.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void gguf_given_as_llama2c_is_recognised() {
        assertThatThrownBy(() -> ModelSpec.parse("llama2c:" + Stories260K.gguf()).load())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("found a GGUF file");
    }

    @Test
    void missing_file_and_unknown_scheme_are_reported() {
        assertThatThrownBy(() -> ModelSpec.parse("gguf:/no/such/model.gguf"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("/no/such/model.gguf");
        assertThatThrownBy(() -> ModelSpec.parse("openai:gpt-4"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("local decoder model");
        assertThatThrownBy(() -> ModelSpec.parse("llama2c:" + Stories260K.bin() + ",vocab=3"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("tokenizer=PATH");
    }

    @Test
    void a_kv_cache_larger_than_the_machine_is_refused_before_allocating() {
        try (var model = ModelSpec.parse("gguf:" + Stories260K.gguf()).load()) {
            // 2048 positions × 1,000,000 buckets of 5 layers × 2 × 32 floats: about 2.4 TiB.
            double[] bases = new double[1_000_000];
            java.util.Arrays.fill(bases, 10000);
            assertThatThrownBy(() -> model.newSession(bases, 1, 2048, io.stave.decoder.model.KvType.F32))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("KV cache of")
                    .hasMessageContaining("GiB");
        }
    }

    @Test
    void bare_paths_are_recognised_by_content() {
        assertThat(ModelSpec.parse(Stories260K.gguf().toString()).kind()).isEqualTo(ModelSpec.Kind.GGUF);
        assertThat(ModelSpec.parse(Stories260K.bin().toString()).kind()).isEqualTo(ModelSpec.Kind.LLAMA2C);
    }
}
