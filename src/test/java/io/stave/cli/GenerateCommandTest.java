package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.decoder.Stories260K;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code stave generate} and {@code stave model info} on stories260K. */
class GenerateCommandTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void greedy_generation_streams_the_prompt_and_its_golden_continuation() {
        Run run = run("generate", "--model", "llama2c:" + Stories260K.bin() + ",tokenizer=" + Stories260K.tokenizer(),
                "--prompt", "Once upon a time", "-n", "60");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(Stories260K.GREEDY_TEXT.substring(0, Stories260K.GREEDY_TEXT.indexOf("high.\n") + 10)
                + "\n");
        assertThat(run.err()).containsPattern("prefill: 5 tokens, [0-9.]+ tok/s; decode: 60 tokens, [0-9.]+ tok/s");
    }

    @Test
    void llama2c_sampler_with_seed_reproduces_the_seeded_story() {
        Run run = run("generate", "--model", "gguf:" + Stories260K.gguf(), "--sampler", "llama2c", "--temperature", "1",
                "--top-p", "0.9", "--seed", "133742", "-n", "40");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Once upon a time, there was a little boy named Timmy. Timmy loved to play with "
                + "his toys and eat sandwiches.");
    }

    @Test
    void stop_string_ends_the_output_before_it() {
        Run run = run("generate", "--model", "gguf:" + Stories260K.gguf(), "--stop", "Lily", "-n", "100");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo("Once upon a time, there was a little girl named \n");
        assertThat(run.err()).contains("stop: stop_string");
    }

    @Test
    void bad_model_file_is_one_line_and_exit_code_2() {
        Path tokenizer = Stories260K.tokenizer();
        Run run = run("generate", "--model", "gguf:" + tokenizer);
        assertThat(run.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(run.err().strip()).startsWith("stave: " + tokenizer + ": magic").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void model_info_lists_hyperparameters_tensors_and_tokenizer() {
        Run run = run("model", "info", Stories260K.bin().toString());
        assertThat(run.code()).isZero();
        assertThat(run.out())
                .contains("format:       llama2.c v0")
                .contains("dim 64, ffn 172, layers 5, heads 8, kv heads 4, head size 8, vocab 512")
                .contains("classifier:   tied to the token embedding")
                .contains("parameters:   260,032")
                .contains("512 pieces, BOS 1, EOS 2")
                .containsPattern("blk.4.ffn_up.weight +F32 +172×64 +44,032 bytes");
    }
}
