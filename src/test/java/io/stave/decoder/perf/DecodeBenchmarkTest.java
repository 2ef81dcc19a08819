package io.stave.decoder.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.stave.BadInputException;
import io.stave.decoder.synth.SynthModel;
import io.stave.decoder.synth.SynthShape;
import io.stave.decoder.tensor.GgmlType;
import io.stave.decoder.tensor.Kernels;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's bookkeeping on a stories260k-shaped synthetic model; no timing is asserted. */
class DecodeBenchmarkTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreThreads() {
        Kernels.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void kernel_mode_counts_the_bytes_of_every_streamed_matrix_and_the_tied_output() throws IOException {
        Path model = dir.resolve("s.gguf");
        new SynthModel(SynthShape.STORIES_260K, GgmlType.Q8_0, 1).write(model);
        DecodeBenchmark.Result r = DecodeBenchmark.run(new DecodeBenchmark.Options(model, 3, 2, 5, 2, true));
        // per layer q, k, v, o, gate, up in Q8_0 (34 bytes per 32 weights), down in F16 (rows of 172);
        // plus the tied output = token_embd, 512 × 64 in Q8_0
        long q8Layer = (64L * 64 + 32 * 64 + 32 * 64 + 64 * 64 + 172 * 64 + 172 * 64) / 32 * 34;
        long f16Layer = 64L * 172 * 2;
        long expected = 5 * (q8Layer + f16Layer) + 512L * 64 / 32 * 34;
        assertThat(r.weightBytesPerStep()).isEqualTo(expected);
        assertThat(r.matricesByType()).containsEntry("Q8_0", 5 * 6 + 1).containsEntry("F16", 5);
        assertThat(r.threads()).isEqualTo(2);
        assertThat(r.stepTimeRatio()).isCloseTo(r.stepMsBatchB() / r.stepMsBatch1(), withinPercentage(1e-9));
        assertThat(r.decodeTokensPerSecondBatchB()).isCloseTo(3 / (r.stepMsBatchB() / 1e3), withinPercentage(1e-9));
        assertThat(r.decodeBytesPerSecond()).isCloseTo(expected / (r.stepMsBatch1() / 1e3), withinPercentage(1e-9));
        assertThat(r.bandwidthFraction()).isCloseTo(r.decodeBytesPerSecond() / r.probeBytesPerSecond(), withinPercentage(1e-9));
        assertThat(r.probeBytesPerSecond()).isPositive();
    }

    @Test
    void forward_pass_mode_decodes_the_synthetic_model_and_counts_the_same_weights() throws IOException {
        Path model = dir.resolve("s.gguf");
        new SynthModel(SynthShape.STORIES_260K, GgmlType.Q4_0, 2).write(model);
        DecodeBenchmark.Result kernels = DecodeBenchmark.run(new DecodeBenchmark.Options(model, 2, 1, 6, 2, true));
        DecodeBenchmark.Result full = DecodeBenchmark.run(new DecodeBenchmark.Options(model, 2, 1, 6, 2, false));
        assertThat(full.mode()).startsWith("full forward pass");
        assertThat(full.weightBytesPerStep()).isEqualTo(kernels.weightBytesPerStep());
        assertThat(full.matricesByType()).isEqualTo(kernels.matricesByType());
        assertThat(full.prefillTokensPerSecond()).isPositive();
        assertThat(full.stepTimeRatio()).isCloseTo(full.stepMsBatchB() / full.stepMsBatch1(), withinPercentage(1e-9));
        // stories260K: 5 layers, 4 KV heads of 8; context = 6 prompt tokens + (3 rounds + 1)·2 steps + 4
        assertThat(full.memory().kvCacheBytesBatchB()).isEqualTo(2L * 5 * 2 * 4 * 18 * 8 * Float.BYTES);
        assertThat(full.memory().mappedFileBytes()).isEqualTo(Files.size(model));
        assertThat(kernels.memory()).isNull();
    }

    @Test
    void resident_memory_reads_the_anonymous_and_file_backed_sets_on_linux() {
        ResidentMemory now = ResidentMemory.now();
        if (Files.exists(Path.of("/proc/self/status"))) {
            assertThat(now.anonymousBytes()).isPositive();
            assertThat(now.fileBytes()).isPositive();
            assertThat(now.known()).isTrue();
        } else {
            assertThat(now.known()).isFalse();
        }
    }

    @Test
    void a_file_that_is_not_gguf_is_a_user_error_naming_the_file() throws IOException {
        Path notGguf = dir.resolve("model.bin");
        Files.write(notGguf, new byte[64]);
        assertThatThrownBy(() -> DecodeBenchmark.run(new DecodeBenchmark.Options(notGguf, 2, 1, 4, 1, false)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(notGguf + ": magic: expected \"GGUF\"");
    }

    @Test
    void bandwidth_probe_sums_every_int_of_its_range() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 4099;
        MemorySegment segment = MemorySegment.ofArray(new byte[n * 4]);
        long expected = 0;
        for (int i = 0; i < n; i++) {
            int v = random.nextInt(-1000, 1000);
            segment.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 4L * i, v);
            if (i < 4096) {
                expected += v;
            }
        }
        // vectors cover whole multiples of the vector size; 4096 ints is a multiple of every width
        assertThat(BandwidthProbe.sum(segment, 0, 4096L * 4)).isEqualTo(expected);
    }
}
