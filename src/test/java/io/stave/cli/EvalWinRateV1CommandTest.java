package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.py.PyJson;
import io.stave.eval.EvalFiles;
import io.stave.testing.Shared;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stave eval win-rate --rule v1} end to end on the v1 evalset with a local judge on a loopback server. */
class EvalWinRateV1CommandTest {

    private static final Path REFERENCE = Shared.toolBench()
            .resolve("toolbench/tooleval/results/default_evalset/gpt-3.5-turbo_CoT/G1_instruction.json");

    @Test
    void a_candidate_without_final_answers_loses_the_66_answered_queries_and_writes_win_csv(@TempDir Path dir) throws Exception {
        ObjectNode candidate = EvalFiles.readObject(REFERENCE);
        candidate.properties().forEach(e -> ((ObjectNode) e.getValue().get("answer")).put("final_answer", ""));
        Path candFile = dir.resolve("gave-up/G1_instruction.json");
        Files.createDirectories(candFile.getParent());
        Files.writeString(candFile, PyJson.dumps(candidate));
        AtomicInteger calls = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    calls.incrementAndGet();
                    return new MockResponse.Builder().body("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": "
                            + PyJson.dumps("{\"succeed_tool_calling\": 2, \"used_tool_types\": 1}") + "}}]}").build();
                }
            });
            server.start();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            Path results = dir.resolve("results");
            int code = cli.execute("eval", "win-rate", "--rule", "v1", "--reference", REFERENCE.toString(),
                    "--candidate", candFile.toString(), "--judge", "local:openai:judge-model@" + server.url("/v1"),
                    "--cache-mode", "off", "--out", results.toString());

            assertThat(code).as(err.toString()).isZero();
            // 34 queries without a final answer on either side: parse_answer_details for both answers
            assertThat(calls.get()).isEqualTo(2 * 34);
            assertThat(out.toString()).contains("ToolEval v1 (tooleval_gpt-3.5-turbo_normalized)").contains("over 100 queries");
            String win = Files.readString(results.resolve("gave-up/win.csv"));
            assertThat(win).startsWith(",Method,Win Rate,Std Error\n0,gave-up,");
            double rate = Double.parseDouble(win.lines().toList().get(1).split(",")[2]);
            assertThat(rate).isLessThanOrEqualTo(0.34);

            StringWriter boardOut = new StringWriter();
            CommandLine board = Main.commandLine();
            board.setOut(new PrintWriter(boardOut));
            assertThat(board.execute("eval", "leaderboard", "--preferences", results.toString(), "--reference", "gpt-3.5-turbo_CoT",
                    "--out", results.toString())).isZero();
            List<String> rows = Files.readAllLines(results.resolve(
                    "leaderboard###default_evalset###tooleval_gpt-3.5-turbo_normalized###gpt-3.5-turbo_CoT.csv"));
            assertThat(rows.getFirst()).isEqualTo("Method,WinRate,StdError,G1_instruction_WinRate,G1_instruction_StdError");
            // rows by WinRate descending: the reference's definitional 0.5 first, then the candidate (<= 0.34)
            assertThat(rows.get(1)).isEqualTo("gpt-3.5-turbo_CoT,0.5,0.0,0.5,0.0");
            String[] cand = rows.get(2).split(",");
            assertThat(cand[0]).isEqualTo("gave-up");
            assertThat(Double.parseDouble(cand[1])).isEqualTo(rate);
            assertThat(Double.parseDouble(cand[3])).isEqualTo(rate);
            assertThat(Double.parseDouble(cand[2])).isCloseTo(Math.sqrt(rate * (1 - rate) / 100), org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void times_is_refused_with_v1() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("eval", "win-rate", "--rule", "v1", "--times", "3", "--reference", REFERENCE.toString(),
                "--candidate", REFERENCE.toString(), "--candidate-model", "other", "--judge", "local:openai:m@http://127.0.0.1:9/v1");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--times").contains("one sample per query");
    }

    @Test
    void recorded_labels_are_refused_with_v1_because_none_were_published() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("eval", "win-rate", "--rule", "v1", "--reference", REFERENCE.toString(),
                "--candidate", REFERENCE.toString(), "--candidate-model", "other", "--judge", "recorded:" + REFERENCE.getParent());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("v1's per-query judgements were never published");
    }
}
