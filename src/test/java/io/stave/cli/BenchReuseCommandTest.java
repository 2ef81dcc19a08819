package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stave.bench.StableToolBenchData;
import io.stave.decoder.Stories260K;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code stave bench reuse} on the StableToolBench example DFSDT answer of query 588 (30 LLM calls). */
class BenchReuseCommandTest {

    @Test
    void a_replayed_dfsdt_tree_is_prefilled_about_once_per_distinct_token() throws Exception {
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("bench", "reuse", "--json",
                "--answer", StableToolBenchData.example("answer/virtual_chatgpt_dfs/G1_instruction/588_DFS_woFilter_w2.json").toString(),
                "--queries", StableToolBenchData.exampleQueries().toString(),
                "--model", "gguf:" + Stories260K.gguf());

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode r = json.path("result");
        // The recorded search made 30 calls (answer_generation.query_count), each a prompt.
        assertThat(r.path("calls").asInt()).isEqualTo(30);
        assertThat(r.path("prefilled").asLong()).isLessThanOrEqualTo((long) (1.2 * r.path("distinct").asLong()));
        assertThat(r.path("recomputed").asLong()).isGreaterThan(5 * r.path("distinct").asLong());
    }
}
