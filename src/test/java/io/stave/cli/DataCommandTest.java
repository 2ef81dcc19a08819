package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.stave.testing.Shared;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int stave(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private String mirror() {
        return Shared.path("toolbench-data").toString();
    }

    @Test
    void fetch_from_the_mirror_then_verify_passes() {
        int fetch = stave("data", "fetch", "--no-progress", "--mirror", mirror(), "--data", data.toString(),
                "stabletoolbench-solvable", "stabletoolbench-example", "toolbench-example");

        assertThat(fetch).as(err.toString()).isZero();
        assertThat(out.toString()).contains(
                "stabletoolbench-solvable: 12 files, 12 fetched, 0 already present",
                "stabletoolbench-example: 19 files, 19 fetched, 0 already present",
                "toolbench-example: 52 files, 52 fetched, 0 already present");
        assertThat(data.resolve("stabletoolbench-solvable/solvable_queries/test_instruction/G1_instruction.json"))
                .hasSameBinaryContentAs(Shared.stableToolBench().resolve("solvable_queries/test_instruction/G1_instruction.json"));

        int verify = stave("data", "verify", "--data", data.toString());

        assertThat(verify).isZero();
        assertThat(out.toString()).contains(
                "stabletoolbench-solvable: 12 ok, 0 mismatched, 0 missing",
                "toolbench-example: 52 ok, 0 mismatched, 0 missing",
                "stories260k: 0 ok, 0 mismatched, 4 missing");
    }

    @Test
    void second_fetch_skips_what_is_present() {
        stave("data", "fetch", "--no-progress", "--mirror", mirror(), "--data", data.toString(), "stabletoolbench-example");
        int again = stave("data", "fetch", "--no-progress", "--mirror", mirror(), "--data", data.toString(),
                "stabletoolbench-example");

        assertThat(again).isZero();
        assertThat(out.toString()).contains("stabletoolbench-example: 19 files, 0 fetched, 19 already present");
    }

    @Test
    void verify_names_a_tampered_file_and_exits_1() throws IOException {
        stave("data", "fetch", "--no-progress", "--mirror", mirror(), "--data", data.toString(), "stabletoolbench-example");
        Path victim = data.resolve("stabletoolbench-example/server/config.yml");
        Files.writeString(victim, Files.readString(victim).replace("port: 8080", "port: 8081"));

        int verify = stave("data", "verify", "--data", data.toString(), "stabletoolbench-example");

        assertThat(verify).isEqualTo(DataVerifyCommand.EXIT_MISMATCH);
        assertThat(out.toString()).contains(victim + ": MISMATCH: expected 213 bytes, sha256 ")
                .contains("stabletoolbench-example: 18 ok, 1 mismatched, 0 missing");
        assertThat(err.toString()).contains("1 file(s) differ from the manifest");
    }

    @Test
    void list_shows_counts_sizes_presence_and_the_unpinned_archive() {
        stave("data", "fetch", "--no-progress", "--mirror", mirror(), "--data", data.toString(), "stabletoolbench-example");

        int list = stave("data", "list", "--data", data.toString());

        assertThat(list).isZero();
        assertThat(out.toString())
                .containsPattern("stabletoolbench-example +19 +474,906 +19/19 ")
                .containsPattern("stabletoolbench-solvable +12 +5,885,316 +0/12 ")
                .containsPattern("toolbench-full +1 +unknown +0/1 ")
                .contains("fetched only when named: stave data fetch toolbench-full")
                .contains("UNVERIFIED: no sha256 or size pinned");
    }

    @Test
    void unknown_dataset_is_one_line_and_exit_2() {
        int code = stave("data", "fetch", "--no-progress", "--mirror", mirror(), "--data", data.toString(), "toolbench-ful");

        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .startsWith("stave: ")
                .contains("dataset \"toolbench-ful\": expected one of [");
    }

    @Test
    void mirror_missing_a_file_is_one_line_and_exit_2(@TempDir Path partialMirror) throws IOException {
        Path ids = partialMirror.resolve("THUNLP-MT-StableToolBench/solvable_queries_example/test_query_ids");
        Files.createDirectories(ids);
        Files.copy(Shared.stableToolBench().resolve("solvable_queries_example/test_query_ids/G1_instruction.json"),
                ids.resolve("G1_instruction.json"));

        int code = stave("data", "fetch", "--no-progress", "--mirror", partialMirror.toString(), "--data",
                data.toString(), "stabletoolbench-example");

        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString().strip()).doesNotContain("\n")
                .contains(partialMirror.resolve("THUNLP-MT-StableToolBench").toString())
                .contains("of dataset stabletoolbench-example in the mirror")
                .contains("missing");
    }

    @Test
    void mirror_that_is_not_a_folder_is_a_user_error(@TempDir Path dir) {
        int code = stave("data", "fetch", "--no-progress", "--mirror", dir.resolve("nope").toString(),
                "--data", data.toString(), "stabletoolbench-example");

        assertThat(code).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("nope: expected a mirror folder");
    }
}
