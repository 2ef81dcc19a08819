package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CacheAndToolsCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private static Path fixture() throws Exception {
        return Path.of(CacheAndToolsCommandsTest.class.getResource("/stb-cache").toURI());
    }

    @Test
    void import_then_export_reproduces_the_stabletoolbench_files_and_stats_counts_them() throws Exception {
        Path cache = dir.resolve("tools.sqlite");
        assertThat(run("cache", "import", fixture().toString(), "--cache", cache.toString())).isZero();
        assertThat(out.toString()).startsWith("imported 4 entries from 2 files (0 skipped)");
        assertThat(run("cache", "export", "--cache", cache.toString(), "--out", dir.resolve("out").toString())).isZero();
        Path original = fixture().resolve("Data/keyword_analysis_for_Data/popularsitesforquery.json");
        assertThat(Files.readString(dir.resolve("out/Data/keyword_analysis_for_Data/popularsitesforquery.json")))
                .isEqualTo(Files.readString(original));
        assertThat(run("cache", "stats", "--cache", cache.toString())).isZero();
        assertThat(out.toString()).contains(": 4 entries").contains("reply\tcache-import\t4")
                .contains("Data/keyword_analysis_for_Data/popularsitesforquery\t3").contains("Message error...\t1");
    }

    @Test
    void import_answers_records_every_tool_call_of_the_example_answers() {
        Path cache = dir.resolve("answers.sqlite");
        String answers = Shared.stableToolBench().resolve("data_example/answer").toString();
        assertThat(run("cache", "import-answers", answers, "--cache", cache.toString())).isZero();
        assertThat(out.toString()).startsWith("recorded 39 tool calls from 6 answer files (0 skipped)");
    }

    @Test
    void tools_call_prints_the_observation_on_stdout_and_the_status_on_stderr() throws Exception {
        Path cache = dir.resolve("tools.sqlite");
        run("cache", "import", fixture().toString(), "--cache", cache.toString());
        String queries = Shared.stableToolBench().resolve("solvable_queries_example/test_instruction/G1_instruction.json").toString();
        int code = run("tools", "call", "--tools", "cache:" + cache, "--queries", queries, "--id", "1073",
                "--function", "popularsitesforquery_for_keyword_analysis", "--args", "{\n  \"q\": \"birthday party ideas\"\n}");
        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("{\"error\": \"\", \"response\": \"[{\\\"name\\\":\\\"pinterest.com\\\","
                + "\\\"score\\\":0.087}, {\\\"name\\\":\\\"partycity.com\\\",\\\"score\\\":0.051}]\"}" + System.lineSeparator());
        assertThat(err.toString()).startsWith("status=0 source=cache cache_hit=true simulated=false");

        assertThat(run("tools", "call", "--tools", "simulate", "--queries", queries, "--id", "1073",
                "--function", "no_such_function")).isZero();
        assertThat(out.toString()).contains("No such function name: no_such_function");
        assertThat(err.toString()).startsWith("status=1 source=local");
    }

    @Test
    void user_mistakes_are_one_line_with_exit_code_2() throws Exception {
        assertThat(run("cache", "stats", "--cache", dir.resolve("missing.sqlite").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("stave: " + dir.resolve("missing.sqlite") + ": --cache: expected an existing file"
                + System.lineSeparator());
        assertThat(run("cache", "import", dir.resolve("nope").toString(), "--cache", dir.resolve("c.sqlite").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("nope: expected a tool_response_cache folder").doesNotContain("Exception");
        Path broken = dir.resolve("broken/Data/tool_for_Data");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("api.json"), "[1, 2]");
        assertThat(run("cache", "import", dir.resolve("broken").toString(), "--cache", dir.resolve("c.sqlite").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("api.json: $: expected a JSON object mapping tool inputs to replies");
        String queries = Shared.stableToolBench().resolve("solvable_queries_example/test_instruction/G1_instruction.json").toString();
        assertThat(run("tools", "call", "--tools", "bogus:x", "--queries", queries, "--id", "1073", "--function", "f"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("stave: --tools bogus:x: expected toolbench:URL");
        assertThat(run("tools", "call", "--tools", "cache:x.sqlite,mis=simulate", "--queries", queries, "--id", "1073",
                "--function", "f")).isEqualTo(2);
        assertThat(err.toString()).startsWith("stave: --tools cache:x.sqlite,mis=simulate: unknown option 'mis'");
        assertThat(Files.exists(Path.of("x.sqlite"))).isFalse();
    }
}
