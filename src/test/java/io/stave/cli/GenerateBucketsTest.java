package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code stave generate --buckets/--mix/--pi-scale} on stories260K (attention-buckets.md §5.7). */
class GenerateBucketsTest {

    private record Run(int code, String out, String err) {}

    private static Run generate(String... options) {
        String model = "llama2c:" + Shared.models().resolve("stories260K.bin") + ",tokenizer="
                + Shared.models().resolve("tok512.bin");
        String[] args = new String[options.length + 3];
        args[0] = "generate";
        args[1] = "--model";
        args[2] = model;
        System.arraycopy(options, 0, args, 3, options.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void toolbench_6_from_bos_prints_the_golden_story() {
        Run run = generate("--buckets", "toolbench-6", "-n", "64");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Once upon a time, there was a little girl named Lily. She loved to play outside"
                + " in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high. She as\n");
    }

    @Test
    void toolbench_6_with_pi_ratio_2_prints_the_golden_story() {
        Run run = generate("--buckets", "toolbench-6", "--pi-scale", "2", "-n", "64");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Once upon a time, there was a little girloatefful boy named Jacky. Jacky loved"
                + " to play with his toysro. Jacky's toyss, but he was alw\n");
    }

    @Test
    void the_single_preset_prints_what_plain_generation_prints() {
        Run plain = generate("--prompt", "Lily and Tom", "-n", "40");
        Run single = generate("--prompt", "Lily and Tom", "-n", "40", "--buckets", "single");
        assertThat(single.code()).isZero();
        assertThat(single.out()).isEqualTo(plain.out());
    }

    @Test
    void show_weights_prints_one_line_of_bucket_weights_per_step() {
        Run run = generate("--buckets", "toolbench-6", "-n", "3", "--show-weights", "--mix", "paper");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("bucket weights per step (paper rule), bases 10000 17500 18000 19000 20000 25000:",
                "    0 0.166667 0.166667 0.166667 0.166667 0.166667 0.166667");
        assertThat(run.err()).containsPattern("(?m)^    2( 0\\.\\d{6}){6}$");
    }

    @Test
    void an_unknown_mix_rule_or_preset_is_one_line_and_exit_code_2() {
        Run mix = generate("--buckets", "toolbench-6", "--mix", "mean");
        assertThat(mix.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(mix.err().strip()).isEqualTo("stave: --mix: expected code or paper, got \"mean\"");
        Run preset = generate("--buckets", "toolbench-60");
        assertThat(preset.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(preset.err().strip()).startsWith("stave: --buckets").doesNotContain("\n");
    }
}
