package io.stave.decoder.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.decoder.gguf.GgufValueType;
import io.stave.decoder.tensor.GgmlType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufWriterTest {

    @TempDir
    Path dir;

    private static byte[] pattern(int n, int seed) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (31 * i + seed);
        }
        return bytes;
    }

    @Test
    void writes_version_3_with_every_metadata_type_aligned_tensors_and_zero_padding() throws IOException {
        byte[] f32 = pattern(3 * 5 * 4, 1);
        byte[] q8 = pattern(2 * 34, 2);
        byte[] f16 = pattern(7 * 2, 3);
        GgufWriter writer = new GgufWriter()
                .putString("general.architecture", "llama")
                .put("t.u8", GgufValueType.UINT8, 255)
                .put("t.i8", GgufValueType.INT8, -128)
                .put("t.u16", GgufValueType.UINT16, 65535)
                .put("t.i16", GgufValueType.INT16, -32768)
                .putUint32("t.u32", 0xFFFFFFFFL)
                .put("t.i32", GgufValueType.INT32, -7)
                .putFloat32("t.f32", 1e-5f)
                .putBool("t.bool", true)
                .putString("t.string", "▁héllo")
                .put("t.u64", GgufValueType.UINT64, 1L << 40)
                .put("t.i64", GgufValueType.INT64, -(1L << 40))
                .put("t.f64", GgufValueType.FLOAT64, Math.PI)
                .putArray("t.strings", GgufValueType.STRING, List.of("<unk>", "<s>"))
                .putArray("t.nested", GgufValueType.ARRAY, List.of(
                        new GgufWriter.Array(GgufValueType.INT32, List.of(1, 2)), new GgufWriter.Array(GgufValueType.INT32, List.of())))
                .addTensor("a", GgmlType.F32, new long[] {5, 3}, out -> out.write(f32))
                .addTensor("b", GgmlType.Q8_0, new long[] {32, 2}, out -> out.write(q8))
                .addTensor("c", GgmlType.F16, new long[] {7}, out -> out.write(f16));
        Path file = dir.resolve("model.gguf");
        writer.write(file);

        GgufTestReader gguf = new GgufTestReader(file);
        assertThat(gguf.version).isEqualTo(3);
        assertThat(gguf.metadataTypes.values()).containsExactly(8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 9, 9);
        assertThat(gguf.metadata).containsEntry("t.u8", 255).containsEntry("t.i8", -128)
                .containsEntry("t.u16", 65535).containsEntry("t.i16", -32768)
                .containsEntry("t.u32", 0xFFFFFFFFL).containsEntry("t.i32", -7).containsEntry("t.f32", 1e-5f)
                .containsEntry("t.bool", true).containsEntry("t.string", "▁héllo")
                .containsEntry("t.u64", 1L << 40).containsEntry("t.i64", -(1L << 40)).containsEntry("t.f64", Math.PI)
                .containsEntry("t.strings", List.of("<unk>", "<s>"))
                .containsEntry("t.nested", List.of(List.of(1, 2), List.of()));

        assertThat(gguf.tensors).extracting(GgufTestReader.Tensor::name).containsExactly("a", "b", "c");
        assertThat(gguf.tensors.get(0).dims()).containsExactly(5, 3);
        assertThat(gguf.tensors).extracting(GgufTestReader.Tensor::type).containsExactly(0, 8, 1);
        assertThat(gguf.tensors).extracting(GgufTestReader.Tensor::offset).containsExactly(0L, 64L, 160L);
        assertThat(gguf.dataStart % 32).isZero();
        assertThat(gguf.bytes(gguf.infosEnd, (int) (gguf.dataStart - gguf.infosEnd))).containsOnly(0);
        assertThat(gguf.bytes(gguf.dataStart, f32.length)).isEqualTo(f32);
        assertThat(gguf.bytes(gguf.dataStart + 60, 4)).containsOnly(0);
        assertThat(gguf.bytes(gguf.dataStart + 64, q8.length)).isEqualTo(q8);
        assertThat(gguf.bytes(gguf.dataStart + 160, f16.length)).isEqualTo(f16);
        assertThat(Files.size(file)).isEqualTo(gguf.dataStart + 160 + 32);
    }

    @Test
    void header_fields_sit_at_the_offsets_of_the_spec() throws IOException {
        Path file = dir.resolve("empty.gguf");
        new GgufWriter().putUint32("general.alignment", 32).write(file);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new byte[] {header.get(0), header.get(1), header.get(2), header.get(3)}).containsExactly('G', 'G', 'U', 'F');
        assertThat(header.getInt(4)).isEqualTo(3);
        assertThat(header.getLong(8)).isZero();
        assertThat(header.getLong(16)).isEqualTo(1);
        assertThat(header.getLong(24)).isEqualTo("general.alignment".length());
    }

    @Test
    void a_failed_write_leaves_the_previous_file_and_no_temporary_file() throws IOException {
        Path file = dir.resolve("model.gguf");
        Files.writeString(file, "previous");
        GgufWriter writer = new GgufWriter().addTensor("a", GgmlType.F32, new long[] {4}, out -> out.write(new byte[12]));
        assertThatThrownBy(() -> writer.write(file)).hasMessageContaining("wrote 12 bytes, declared 16");
        assertThat(Files.readString(file)).isEqualTo("previous");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void rejects_values_that_do_not_fit_their_type_and_rows_that_split_blocks() {
        assertThatThrownBy(() -> new GgufWriter().put("k", GgufValueType.UINT8, 256)).hasMessageContaining("UINT8");
        assertThatThrownBy(() -> new GgufWriter().putUint32("k", -1)).hasMessageContaining("UINT32");
        assertThatThrownBy(() -> new GgufWriter().addTensor("q", GgmlType.Q8_0, new long[] {48, 2}, out -> {}))
                .hasMessageContaining("blocks of 32");
    }
}
