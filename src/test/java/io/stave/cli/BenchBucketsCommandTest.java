package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stave.decoder.Stories260K;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code stave bench buckets} prints its figures (no timing is asserted: the machine's load decides them). */
class BenchBucketsCommandTest {

    @Test
    void the_step_times_of_one_and_six_buckets_and_their_ratio_are_printed() throws Exception {
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("bench", "buckets", "--json", "--model", "gguf:" + Stories260K.gguf(),
                "--prompt-tokens", "16", "--steps", "4");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode r = json.path("result");
        assertThat(r.path("bases")).hasSize(6);
        assertThat(r.path("msPerStepOne").asDouble()).isPositive();
        assertThat(r.path("msPerStepN").asDouble()).isPositive();
        assertThat(json.path("ratio").asDouble()).isCloseTo(r.path("msPerStepN").asDouble() / r.path("msPerStepOne").asDouble(),
                org.assertj.core.data.Offset.offset(1e-9));
    }
}
