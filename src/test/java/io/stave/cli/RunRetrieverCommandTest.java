package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.py.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stave run --retriever}: the DFSDT-Retriever setting from the command line. */
class RunRetrieverCommandTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {}

    private static Result stave(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private List<String> args(String modelUrl, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--queries", RunCommandTest.exampleQueries().toString(),
                "--method", "react", "--profile", "toolbench", "--model", "openai:gpt-test@" + modelUrl,
                "--tools", "simulate", "--out", out.toString(), "--set", "llm.retries=1", "--set", "llm.cache_mode=off",
                "--set", "retriever.cache=" + dir.resolve("embeddings"), "--no-progress"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void bad_retriever_settings_are_one_line_errors_with_exit_code_two() {
        String url = "http://127.0.0.1:1/v1";
        Result unknownModel = stave(args(url, dir.resolve("a"), "--retriever", "bm25"));
        assertThat(unknownModel.exitCode()).isEqualTo(2);
        assertThat(unknownModel.err().strip()).doesNotContain("\n").contains("'bm25'").contains("expected minilm or onnx:PATH");

        Result missingFile = stave(args(url, dir.resolve("b"), "--retriever", "onnx:" + dir.resolve("none.onnx")));
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err().strip()).doesNotContain("\n").contains("none.onnx").contains("ONNX model file");

        Result zeroK = stave(args(url, dir.resolve("c"), "--retriever", "minilm", "--retriever-k", "0"));
        assertThat(zeroK.exitCode()).isEqualTo(2);
        assertThat(zeroK.err().strip()).doesNotContain("\n").contains("retriever.k").contains("positive");

        Result misspelt = stave(args(url, dir.resolve("d"), "--set", "retriever.modle=minilm"));
        assertThat(misspelt.exitCode()).isEqualTo(2);
        assertThat(misspelt.err().strip()).doesNotContain("\n").contains("did you mean 'retriever.model'");

        Result noToolRoot = stave(args(url, dir.resolve("e"), "--retriever", "minilm", "--set", "retriever.corpus=tools"));
        assertThat(noToolRoot.exitCode()).isEqualTo(2);
        assertThat(noToolRoot.err().strip()).doesNotContain("\n").contains("retriever.corpus").contains("tool root");
        assertThat(List.of("a", "b", "c", "d", "e")).allSatisfy(d -> assertThat(dir.resolve(d)).doesNotExist());
    }

    /** MiniLM over the example suite's APIs: the one real-model run, on a corpus of a few dozen documents. */
    @Test
    void minilm_retriever_run_records_the_top_five_and_refuses_a_resume_with_another_k() throws IOException {
        ScriptedChatServer script = new ScriptedChatServer(0);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(script);
            server.start();
            String url = server.url("/v1").toString();
            Path out = dir.resolve("run");

            Result first = stave(args(url, out, "--retriever", "minilm"));
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.err()).contains("retriever: ").contains("top 5 per query with minilm");
            List<JsonNode> ledger = Files.readAllLines(out.resolve("ledger.jsonl")).stream().map(Json::parse).toList();
            assertThat(ledger).hasSize(3).allSatisfy(record -> {
                assertThat(record.path("status").asText()).isEqualTo("ok");
                JsonNode retrieved = record.path("retrieved");
                assertThat(retrieved).hasSize(5);
                for (int r = 1; r < 5; r++) {
                    assertThat(retrieved.get(r).path("score").asDouble())
                            .isLessThanOrEqualTo(retrieved.get(r - 1).path("score").asDouble());
                }
                // The scripted model calls the first offered function: one of the retrieved APIs.
                JsonNode answer = Json.parse(Files.readString(out.resolve(record.path("answer").asText())));
                JsonNode functions = answer.path("answer_generation").path("function");
                assertThat(functions).hasSize(6);
            });
            JsonNode manifest = Json.parse(Files.readString(out.resolve("manifest.json")));
            assertThat(manifest.path("retriever").path("k").asInt()).isEqualTo(5);
            assertThat(manifest.path("retriever").path("embedder_id").asText()).startsWith("all-minilm-l6-v2");
            assertThat(manifest.path("config").path("effective").path("retriever").path("model").asText()).isEqualTo("minilm");

            Result otherK = stave(args(url, out, "--retriever", "minilm", "--retriever-k", "3"));
            assertThat(otherK.exitCode()).isEqualTo(2);
            assertThat(otherK.err().strip()).doesNotContain("\n").contains("retriever.k").contains("--allow-config-change");

            Result off = stave(args(url, out));
            assertThat(off.exitCode()).as("turning the retriever off changes the results too").isEqualTo(2);
            assertThat(off.err()).contains("retriever.model");

            int calls = script.calls.get();
            Result same = stave(args(url, out, "--retriever", "minilm"));
            assertThat(same.exitCode()).as(same.err()).isZero();
            assertThat(script.calls.get()).as("every query was done").isEqualTo(calls);
            assertThat(Json.parse(Files.readString(out.resolve("manifest.json"))).path("retriever")
                    .path("embeddings_from_cache").asBoolean()).isTrue();
        }
    }
}
