package io.stave.decoder.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.decoder.Stories260K;
import io.stave.decoder.tensor.GgmlType;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GGUF reader on stories260K.gguf (spec/decoder.md §12.7) and on synthetic files. */
class GgufFileTest {

    @TempDir
    Path temp;

    @Test
    void stories260k_header_metadata_and_tensor_offsets_match_the_spec() {
        try (Arena arena = Arena.ofConfined()) {
            GgufFile gguf = GgufFile.open(Stories260K.gguf(), arena);
            assertThat(gguf.version()).isEqualTo(3);
            assertThat(gguf.tensors()).hasSize(48);
            assertThat(gguf.metadata()).hasSize(19);
            assertThat(gguf.alignment()).isEqualTo(32);
            assertThat(gguf.dataStart()).isEqualTo(14_176);
            assertThat(gguf.segment().byteSize()).isEqualTo(1_185_376);
            assertThat(List.copyOf(gguf.metadata().keySet()).subList(0, 6)).containsExactly("tokenizer.ggml.tokens",
                    "tokenizer.ggml.scores", "tokenizer.ggml.token_type", "tokenizer.ggml.model", "general.architecture",
                    "general.name");
            assertThat(gguf.metadataType("tokenizer.ggml.scores")).isEqualTo(GgufValueType.ARRAY);
            assertThat(gguf.metadataType("llama.context_length")).isEqualTo(GgufValueType.UINT32);
            assertThat(gguf.integer("llama.context_length", 0)).isEqualTo(2048);
            assertThat(gguf.integer("tokenizer.ggml.seperator_token_id", 0)).isEqualTo(4294967295L);
            assertThat(gguf.number("llama.attention.layer_norm_rms_epsilon", 0)).isEqualTo(1e-5, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(gguf.metadata()).doesNotContainKey("llama.rope.freq_base");
            List<?> tokens = gguf.array("tokenizer.ggml.tokens");
            List<?> types = gguf.array("tokenizer.ggml.token_type");
            assertThat(tokens).hasSize(512);
            assertThat(tokens.get(403)).isEqualTo("\u2581Once");
            assertThat(tokens.get(410)).isEqualTo("\u2581");
            assertThat(tokens.get(1)).isEqualTo("<s>");
            assertThat(types.get(0)).isEqualTo(2L);
            assertThat(types.get(2)).isEqualTo(3L);
            assertThat(types.get(258)).isEqualTo(6L);
            assertThat(types.get(259)).isEqualTo(1L);
            assertThat(gguf.tensor("token_embd.weight").dims()).containsExactly(64, 512);
            assertThat(gguf.tensor("output.weight").offset()).isEqualTo(131_328);
            assertThat(gguf.tensor("blk.0.attn_k.weight").dims()).containsExactly(64, 32);
            assertThat(gguf.tensor("blk.0.ffn_down.weight").offset()).isEqualTo(355_840);
            assertThat(gguf.tensor("blk.4.ffn_norm.weight").offset()).isEqualTo(1_170_944);
            assertThat(gguf.tensors().values()).allMatch(t -> t.type() == GgmlType.F32);
        }
    }

    @Test
    void every_value_type_and_nested_arrays_read_back() throws IOException {
        TestGguf g = new TestGguf(2)
                .kv("u8", 0, b -> b.put((byte) 200))
                .kv("i8", 1, b -> b.put((byte) -5))
                .kv("u16", 2, b -> b.putShort((short) 60000))
                .kv("i16", 3, b -> b.putShort((short) -300))
                .kv("u32", 4, b -> b.putInt(-1))
                .kv("i32", 5, b -> b.putInt(-7))
                .kv("f32", 6, b -> b.putFloat(1.5f))
                .kv("bool", 7, b -> b.put((byte) 1))
                .kv("str", 8, b -> TestGguf.string(b, "héllo"))
                .kv("u64", 10, b -> b.putLong(1L << 40))
                .kv("i64", 11, b -> b.putLong(-9))
                .kv("f64", 12, b -> b.putDouble(0.25))
                .kv("nested", 9, b -> {
                    b.putInt(9).putLong(2); // array of 2 arrays
                    b.putInt(5).putLong(2).putInt(1).putInt(2);
                    b.putInt(8).putLong(1);
                    TestGguf.string(b, "x");
                })
                .kv("general.alignment", 4, b -> b.putInt(64))
                .tensor("t", new long[] {4, 2}, 0, new byte[32]);
        Path file = g.write(temp.resolve("types.gguf"));
        try (Arena arena = Arena.ofConfined()) {
            GgufFile gguf = GgufFile.open(file, arena);
            assertThat(gguf.version()).isEqualTo(2);
            assertThat(gguf.metadata()).containsEntry("u8", 200L).containsEntry("i8", -5L).containsEntry("u16", 60000L)
                    .containsEntry("i16", -300L).containsEntry("u32", 4294967295L).containsEntry("i32", -7L)
                    .containsEntry("f32", 1.5).containsEntry("bool", true).containsEntry("str", "héllo")
                    .containsEntry("u64", 1L << 40).containsEntry("i64", -9L).containsEntry("f64", 0.25);
            assertThat((Object) gguf.array("nested")).isEqualTo(List.of(List.of(1L, 2L), List.of("x")));
            assertThat(gguf.alignment()).isEqualTo(64);
            assertThat(gguf.dataStart() % 64).isZero();
            assertThat(gguf.tensor("t").data().byteSize()).isEqualTo(32);
        }
    }

    @Test
    void a_file_beyond_2_gib_maps_whole_with_long_offsets() throws IOException {
        long rows = 3L * 1024 * 1024; // 3 Mi rows of 256 floats = 3 GiB
        TestGguf g = new TestGguf(3).tensor("big", new long[] {256, rows}, 0, new byte[0]);
        Path file = g.write(temp.resolve("big.gguf"));
        long bytes = 4 * 256 * rows;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long start = GgufFile.alignUp(raf.length(), 32);
            raf.setLength(start + bytes); // sparse: no disk used
            raf.seek(start + bytes - 4);
            raf.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(42f).array());
        }
        try (Arena arena = Arena.ofConfined()) {
            GgufFile gguf = GgufFile.open(file, arena);
            GgufTensor big = gguf.tensor("big");
            assertThat(big.data().byteSize()).isEqualTo(bytes).isGreaterThan(Integer.MAX_VALUE);
            assertThat(big.data().get(ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), bytes - 4))
                    .isEqualTo(42f);
        }
    }

    @Test
    void strings_are_utf8_without_terminator() {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        TestGguf.string(b, "▁a");
        assertThat(b.getLong(0)).isEqualTo("▁a".getBytes(StandardCharsets.UTF_8).length);
    }
}
