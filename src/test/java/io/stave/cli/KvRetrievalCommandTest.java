package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stave.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KvRetrievalCommandTest {

    @TempDir
    Path dir;

    @Test
    void writes_the_table_json_and_plots_for_single_bases_and_bucket_sets() throws Exception {
        String model = "llama2c:" + Shared.models().resolve("stories260K.bin") + ",tokenizer="
                + Shared.models().resolve("tok512.bin");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute("kv-retrieval", "--model", model, "--pairs", "2", "--positions", "0,1",
                "--examples", "1", "--bases", "10000,20000", "--buckets", "single", "--buckets", "10000,18000",
                "--max-new-tokens", "6", "--out", dir.toString(), "--json");
        assertThat(code).as(err.toString()).isZero();

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("positions").toString()).isEqualTo("[0,1]");
        assertThat(json.get("configurations")).hasSize(4);
        assertThat(json.at("/configurations/2/label").asText()).isEqualTo("single");
        assertThat(json.at("/configurations/3/label").asText()).isEqualTo("buckets 10000,18000");
        assertThat(json.at("/configurations/3/cells/1/answers")).hasSize(1);
        assertThat(json.get("decoding").asText()).isEqualTo("greedy, 6 new tokens");

        assertThat(Files.readString(dir.resolve("kv-retrieval.md")))
                .contains("| configuration | bases | 0 | 1 | mean |", "| B=20000 | 20000 |", "| buckets 10000,18000 | 10000, 18000 |");
        assertThat(new ObjectMapper().readTree(dir.resolve("kv-retrieval.json").toFile())).isEqualTo(json);
        assertThat(ImageIO.read(dir.resolve("kv-retrieval.png").toFile()).getWidth()).isEqualTo(1200);
        assertThat(Files.readString(dir.resolve("kv-retrieval.svg"))).startsWith("<svg").contains("buckets 10000,18000");
        assertThat(err.toString()).contains("B=10000, gold index 0: ");
    }
}
