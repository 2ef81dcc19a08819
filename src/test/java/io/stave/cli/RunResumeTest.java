package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL in the middle resumes and answers every query exactly once (harness.md §4.2). */
class RunResumeTest {

    @Test
    void a_run_killed_with_sigkill_finishes_on_restart_with_every_query_answered_once(@TempDir Path dir)
            throws Exception {
        ScriptedChatServer script = new ScriptedChatServer(400);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(script);
            server.start();
            Path out = dir.resolve("run");
            List<String> args = List.of("run", "--queries", RunCommandTest.exampleQueries().toString(), "--method",
                    "react", "--profile", "toolbench", "--model", "openai:gpt-test@" + server.url("/v1"),
                    "--tools", "simulate", "--out", out.toString(), "--set", "llm.retries=1",
                    "--set", "llm.cache=" + dir.resolve("llm.sqlite"), "--no-progress");

            Process child = startChild(args, dir);
            Path ledger = out.resolve("ledger.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(ledger) < 1 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("the child is still working when killed").isTrue();
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int before = lines(ledger);
            assertThat(before).isBetween(1, 2);

            StringWriter output = new StringWriter();
            var commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(output));
            assertThat(commandLine.execute(args.toArray(String[]::new))).isZero();

            assertThat(RunCommandTest.okRecordsPerUnit(ledger)).hasSize(3).allSatisfy((unit, n) -> assertThat(n).isOne());
            try (Stream<Path> answers = Files.list(out.resolve("answers/G1_instruction"))) {
                assertThat(answers.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("588_CoT@1.json", "608_CoT@1.json", "1073_CoT@1.json");
            }
            try (Stream<Path> leftovers = Files.walk(out)) {
                assertThat(leftovers.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
            }
        }
    }

    private static Process startChild(List<String> args, Path dir) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "io.stave.cli.Main"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private static int lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return (int) Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
    }
}
