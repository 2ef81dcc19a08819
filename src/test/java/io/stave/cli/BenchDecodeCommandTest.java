package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stave.decoder.synth.SynthModel;
import io.stave.decoder.synth.SynthShape;
import io.stave.decoder.tensor.GgmlType;
import io.stave.decoder.tensor.Kernels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchDecodeCommandTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreThreads() {
        Kernels.setThreads(Runtime.getRuntime().availableProcessors());
    }

    private String run(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void bench_decode_prints_its_figures_as_json_and_as_a_table() throws Exception {
        Path model = dir.resolve("s.gguf");
        new SynthModel(SynthShape.STORIES_260K, GgmlType.Q8_0, 3).write(model);
        JsonNode json = new ObjectMapper().readTree(run("bench", "decode", "--model", model.toString(), "--batch", "3",
                "--threads", "1", "--prompt-tokens", "4", "--steps", "2", "--json"));
        assertThat(json.get("batch").asInt()).isEqualTo(3);
        assertThat(json.get("threads").asInt()).isEqualTo(1);
        assertThat(json.get("mode").asText()).startsWith("full forward pass");
        assertThat(json.get("weightBytesPerStep").asLong()).isPositive();
        for (String field : new String[] {"loadSeconds", "prefillTokensPerSecond", "decodeTokensPerSecondBatch1",
            "decodeTokensPerSecondBatchB", "stepTimeRatio", "probeBytesPerSecond", "bandwidthFraction"}) {
            assertThat(json.get(field).asDouble()).as(field).isPositive();
        }

        String table = run("bench", "decode", "--model", model.toString(), "--batch", "2", "--threads", "1",
                "--prompt-tokens", "4", "--steps", "1", "--kernels-only");
        assertThat(table).contains("linear layers only (matmul)", "decode batch 2", "step time batch 2 / batch 1",
                "memory bandwidth (probe)");
    }

    @Test
    void a_missing_model_file_is_a_user_error() {
        CommandLine commandLine = Main.commandLine();
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        Path missing = dir.resolve("missing.gguf");
        assertThat(commandLine.execute("bench", "decode", "--model", missing.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("stave: " + missing + ": --model: expected an existing GGUF file");
    }
}
