package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.py.Json;
import io.stave.testing.Shared;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stave run} against a loopback OpenAI-compatible server and the offline schema simulator. */
class RunCommandTest {

    private final MockWebServer server = new MockWebServer();
    private final ScriptedChatServer script = new ScriptedChatServer(0);

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(script);
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    static Path exampleQueries() {
        return Shared.stableToolBench().resolve("solvable_queries_example/test_instruction/G1_instruction.json");
    }

    private record Result(int exitCode, String out, String err) {}

    private Result stave(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private List<String> runArgs(String method, String profile, Path out) {
        return new ArrayList<>(List.of("run", "--queries", exampleQueries().toString(), "--method", method,
                "--profile", profile, "--model", "openai:gpt-test@" + server.url("/v1"), "--tools", "simulate",
                "--out", out.toString(), "--set", "llm.retries=1", "--set", "llm.cache=" + dir.resolve("llm.sqlite"),
                "--no-progress"));
    }

    @Test
    void react_run_writes_toolbench_answer_files_with_the_cot_layout() throws IOException {
        Path out = dir.resolve("run");
        Result result = stave(runArgs("react", "toolbench", out).toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("G1_instruction").contains("total");
        for (String qid : List.of("588", "608", "1073")) {
            JsonNode answer = read(out.resolve("answers/G1_instruction/" + qid + "_CoT@1.json"));
            assertThat(fields(answer)).containsExactly("win", "try_count", "trys", "compare_candidates", "forward_args",
                    "answer_generation");
            assertThat(answer.path("win").asBoolean()).isTrue();
            JsonNode chain = answer.path("trys").get(0).path("chain");
            assertThat(chain).hasSize(5); // Action, Action Input, Thought, Action (Finish), Action Input
            assertThat(fields(chain.get(1))).containsExactly("is_terminal", "pruned", "finished", "depth", "node_type",
                    "description", "Elo", "observation", "observation_code", "child_count", "expand_num", "io_state");
            assertThat(chain.get(4).path("observation_code").asInt()).isEqualTo(3);
            JsonNode generation = answer.path("answer_generation");
            assertThat(fields(generation)).containsExactly("valid_data", "final_answer", "function", "query_count",
                    "total_tokens", "train_messages", "chain", "query");
            assertThat(generation.path("query_count").asInt()).isEqualTo(2);
            assertThat(generation.path("total_tokens").asInt()).isEqualTo(220);
            assertThat(generation.path("final_answer").asText()).contains("\"give_answer\"");
            // ToolBench style: plain functions, Finish last; function_call and function-role messages.
            assertThat(generation.path("function").get(generation.path("function").size() - 1).path("name").asText())
                    .isEqualTo("Finish");
            JsonNode dialogue = generation.path("train_messages").get(1);
            assertThat(dialogue).extracting(m -> m.path("role").asText())
                    .containsExactly("system", "user", "assistant", "function", "assistant");
            assertThat(dialogue.get(2).has("function_call")).isTrue();
            assertThat(dialogue.get(2).get("content").isNull()).isTrue();
        }
        // The files are ToolBench's bytes: json.dumps(indent=2), ASCII only.
        String text = Files.readString(out.resolve("answers/G1_instruction/1073_CoT@1.json"));
        assertThat(text).startsWith("{\n  \"win\": true,\n  \"try_count\": 1,");
        assertThat(text.chars().allMatch(c -> c < 128)).isTrue();
        assertThat(Json.parse(Files.readString(out.resolve("manifest.json"))).path("counts").path("answered").asInt())
                .isEqualTo(3);
        assertThat(Files.readAllLines(out.resolve("ledger.jsonl"))).hasSize(3);
    }

    @Test
    void dfsdt_run_with_the_stabletoolbench_profile_writes_trees_and_tool_calls() throws IOException {
        Path out = dir.resolve("dfs");
        Result result = stave(runArgs("dfsdt", "stabletoolbench", out).toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode answer = read(out.resolve("answers/G1_instruction/608_DFS_woFilter_w2.json"));
        assertThat(fields(answer)).containsExactly("win", "tree", "forward_args", "compare_candidates", "answer_generation");
        assertThat(fields(answer.path("tree"))).containsExactly("size", "max_length", "tree");
        assertThat(answer.path("tree").path("size").asInt()).isEqualTo(6);
        assertThat(answer.path("tree").path("tree").path("children").get(0).path("node_type").asText()).isEqualTo("Action");
        assertThat(answer.path("forward_args").path("with_filter").asBoolean()).isFalse();
        JsonNode generation = answer.path("answer_generation");
        assertThat(fields(generation)).containsExactly("valid_data", "query_count", "total_tokens", "final_answer",
                "finish_type", "function", "chain", "train_messages", "query");
        assertThat(generation.path("finish_type").asText()).isEqualTo("give_answer");
        assertThat(generation.path("function").get(0).path("type").asText()).isEqualTo("function");
        JsonNode dialogue = generation.path("train_messages").get(1);
        assertThat(dialogue.get(2).path("tool_calls").get(0).path("function").path("name").asText()).isNotEmpty();
        assertThat(dialogue.get(3).path("role").asText()).isEqualTo("tool");
        assertThat(dialogue.get(3).path("tool_call_id").asText()).isEqualTo(dialogue.get(2).path("tool_calls").get(0).path("id").asText());
    }

    @Test
    void a_second_run_into_the_same_folder_skips_finished_queries() {
        Path out = dir.resolve("resume");
        assertThat(stave(runArgs("react", "toolbench", out).toArray(String[]::new)).exitCode()).isZero();
        int callsAfterFirst = script.calls.get();
        List<String> again = runArgs("react", "toolbench", out);
        again.addAll(List.of("--set", "llm.cache_mode=off"));

        Result second = stave(again.toArray(String[]::new));

        assertThat(second.exitCode()).isZero();
        assertThat(script.calls.get()).isEqualTo(callsAfterFirst);
    }

    @Test
    void resuming_with_other_result_settings_is_refused_unless_allowed() {
        Path out = dir.resolve("changed");
        assertThat(stave(runArgs("react", "toolbench", out).toArray(String[]::new)).exitCode()).isZero();
        List<String> changed = runArgs("react", "toolbench", out);
        changed.addAll(List.of("--set", "agent.max_query_count=50"));

        Result refused = stave(changed.toArray(String[]::new));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("[agent]").contains("--allow-config-change");

        changed.add("--allow-config-change");
        assertThat(stave(changed.toArray(String[]::new)).exitCode()).isZero();
    }

    @Test
    void a_second_identical_run_elsewhere_is_answered_from_the_llm_cache() {
        assertThat(stave(runArgs("react", "toolbench", dir.resolve("a")).toArray(String[]::new)).exitCode()).isZero();
        int calls = script.calls.get();

        assertThat(stave(runArgs("react", "toolbench", dir.resolve("b")).toArray(String[]::new)).exitCode()).isZero();

        assertThat(script.calls.get()).isEqualTo(calls);
    }

    @Test
    void user_mistakes_are_one_line_errors_with_exit_code_two() throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "version: 1\nagent:\n  max_query_cont: 10\n");
        Result unknownKey = stave("run", "--config", config.toString(), "--queries", exampleQueries().toString(),
                "--model", "openai:x@http://localhost:1/v1", "--tools", "simulate", "--out", dir.resolve("x").toString());
        assertThat(unknownKey.exitCode()).isEqualTo(2);
        assertThat(unknownKey.err().strip()).doesNotContain("\n")
                .contains("unknown config key 'agent.max_query_cont'").contains("did you mean 'agent.max_query_count'");

        Result unknownModel = stave("run", "--queries", exampleQueries().toString(), "--model", "gpt4",
                "--tools", "simulate", "--out", dir.resolve("y").toString());
        assertThat(unknownModel.exitCode()).isEqualTo(2);
        assertThat(unknownModel.err()).contains("unknown model SPEC").doesNotContain("Exception");

        Result unknownTools = stave("run", "--queries", exampleQueries().toString(), "--model",
                "openai:x@http://localhost:1/v1", "--tools", "nowhere:1", "--out", dir.resolve("z").toString());
        assertThat(unknownTools.exitCode()).isEqualTo(2);
        assertThat(unknownTools.err()).contains("--tools nowhere:1");

        Result notFetched = stave("run", "--suite", "G1_instruction", "--data", dir.resolve("empty").toString(),
                "--model", "openai:x@http://localhost:1/v1", "--tools", "simulate", "--out", dir.resolve("w").toString());
        assertThat(notFetched.exitCode()).isEqualTo(2);
        assertThat(notFetched.err()).contains("stave data fetch");

        Path unreadable = dir.resolve("broken.yaml");
        Files.writeString(unreadable, "version: [1\n");
        Result broken = stave("run", "--config", unreadable.toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("broken.yaml");

        Result unknownId = stave("run", "--queries", exampleQueries().toString(), "--ids", "588,99999",
                "--model", "openai:x@http://localhost:1/v1", "--tools", "simulate", "--out", dir.resolve("v").toString());
        assertThat(unknownId.exitCode()).isEqualTo(2);
        assertThat(unknownId.err()).contains("--ids: no query with id 99999").contains("G1_instruction.json");

        Result badMethod = stave("run", "--queries", exampleQueries().toString(), "--method", "BFS",
                "--model", "openai:x@http://localhost:1/v1", "--tools", "simulate");
        assertThat(badMethod.exitCode()).isEqualTo(2);
        assertThat(badMethod.err()).contains("--method BFS");
    }

    @Test
    void infrastructure_failures_are_requeued_and_answered_on_the_next_run() throws IOException {
        Path out = dir.resolve("infra");
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new mockwebserver3.MockResponse.Builder().code(503).body("overloaded").build();
            }
        });
        Result failing = stave(runArgs("react", "toolbench", out).toArray(String[]::new));
        assertThat(failing.exitCode()).isEqualTo(1);
        assertThat(okRecordsPerUnit(out.resolve("ledger.jsonl"))).isEmpty();
        assertThat(Files.readAllLines(out.resolve("ledger.jsonl"))).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("\"status\":\"infra_error\""));

        server.setDispatcher(script);
        List<String> again = runArgs("react", "toolbench", out);
        again.addAll(List.of("--parallel", "3"));
        Result recovered = stave(again.toArray(String[]::new));

        assertThat(recovered.exitCode()).as(recovered.err()).isZero();
        assertThat(okRecordsPerUnit(out.resolve("ledger.jsonl"))).hasSize(3).allSatisfy((unit, n) -> assertThat(n).isOne());
        assertThat(Files.readAllLines(out.resolve("ledger.jsonl"))).hasSize(6);
        assertThat(read(out.resolve("answers/G1_instruction/588_CoT@1.json")).path("win").asBoolean()).isTrue();
    }

    @Test
    void each_shard_writes_its_own_subfolder_and_together_they_answer_every_query() throws IOException {
        Path out = dir.resolve("sharded");
        for (String shard : List.of("0/2", "1/2")) {
            List<String> args = runArgs("react", "toolbench", out);
            args.addAll(List.of("--shard", shard));
            assertThat(stave(args.toArray(String[]::new)).exitCode()).isZero();
        }
        List<String> answered = new ArrayList<>();
        for (String shard : List.of("shard-000", "shard-001")) {
            Path answers = out.resolve(shard).resolve("answers/G1_instruction");
            if (Files.isDirectory(answers)) {
                try (Stream<Path> files = Files.list(answers)) {
                    files.forEach(f -> answered.add(f.getFileName().toString()));
                }
            }
        }
        assertThat(answered).containsExactlyInAnyOrder("588_CoT@1.json", "608_CoT@1.json", "1073_CoT@1.json");
    }

    @Test
    void shards_split_the_plan_by_unit_id_without_overlap() {
        var suite = io.stave.bench.data.Suites.fromFile(exampleQueries(), null);
        var config = io.stave.agent.RunConfig.resolve(List.of(), Map.of("trials", "4"));
        var all = io.stave.agent.AgentRun.plan(List.of(suite), config, "openai:m", java.util.Set.of(), null, 0, 1);
        var first = io.stave.agent.AgentRun.plan(List.of(suite), config, "openai:m", java.util.Set.of(), null, 0, 2);
        var second = io.stave.agent.AgentRun.plan(List.of(suite), config, "openai:m", java.util.Set.of(), null, 1, 2);

        assertThat(all).hasSize(12);
        assertThat(all).extracting(io.stave.agent.WorkUnit::qid).startsWith("588", "588", "588", "588", "608");
        assertThat(first).isNotEmpty().doesNotContainAnyElementsOf(second);
        assertThat(new java.util.ArrayList<>(first) {{ addAll(second); }}).containsExactlyInAnyOrderElementsOf(all);
        var limited = io.stave.agent.AgentRun.plan(List.of(suite), config, "openai:m", java.util.Set.of("1073"), 1, 0, 1);
        assertThat(limited).extracting(io.stave.agent.WorkUnit::qid).containsOnly("1073");
    }

    static JsonNode read(Path file) throws IOException {
        return Json.parse(Files.readString(file));
    }

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Map<String, Integer> okRecordsPerUnit(Path ledger) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (Stream<String> lines = Files.lines(ledger)) {
            lines.map(Json::parse).filter(r -> r.path("status").asText().equals("ok"))
                    .forEach(r -> counts.merge(r.path("unit").asText(), 1, Integer::sum));
        }
        return counts;
    }
}
