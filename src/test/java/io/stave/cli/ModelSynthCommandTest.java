package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelSynthCommandTest {

    @TempDir
    Path dir;

    @Test
    void model_synth_writes_a_gguf_file() throws Exception {
        Path out = dir.resolve("tiny.gguf");
        int code = Main.execute("model", "synth", "--shape", "stories260k", "--type", "q4_0", "--seed", "5", "--out", out.toString());
        assertThat(code).isZero();
        byte[] head = Files.readAllBytes(out);
        assertThat(new String(head, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GGUF");
    }

    @Test
    void an_unknown_shape_is_a_one_line_user_error_with_exit_code_2() {
        CommandLine commandLine = Main.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute("model", "synth", "--shape", "gpt-5", "--type", "q8_0", "--out", dir.resolve("x.gguf").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(
                "stave: --shape: expected one of stories260k, tinyllama-1.1b, llama-2-7b, got gpt-5");
        assertThat(dir.resolve("x.gguf")).doesNotExist();
    }
}
