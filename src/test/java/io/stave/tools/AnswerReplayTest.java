package io.stave.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.py.Json;
import io.stave.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: importing the ToolBench and StableToolBench example answers, then replaying every
 * recorded tool call through {@code cache:} gives back exactly the recorded observation.
 */
class AnswerReplayTest {

    @TempDir
    Path dir;

    @Test
    void every_recorded_call_of_every_example_answer_replays_its_exact_observation() throws Exception {
        Path stable = Shared.stableToolBench().resolve("data_example/answer");
        Path toolbench = Shared.toolBench().resolve("data_example/answer");
        Path cacheFile = dir.resolve("tools.sqlite");
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            assertThat(AnswerFiles.importFolder(stable, cache).files()).isEqualTo(6);
            assertThat(AnswerFiles.importFolder(toolbench, cache).files()).isEqualTo(15);
        }
        int replayed = 0;
        try (Executor executor = ToolsSpec.builder().environment(k -> null).build().open("cache:" + cacheFile)) {
            for (Path root : List.of(stable, toolbench)) {
                for (Path file : StbCacheFiles.jsonFiles(root)) {
                    JsonNode answer = Json.parse(Files.readString(file));
                    ActionDispatcher dispatcher = new ActionDispatcher(functions(answer), executor);
                    String episode = AnswerFiles.episode(root, file);
                    for (RecordedCall call : AnswerFiles.calls(answer)) {
                        Observation observation = dispatcher.act(call.function(), call.arguments(), episode);
                        assertThat(observation.text()).as("%s %s %s", episode, call.function(), call.arguments())
                                .isEqualTo(call.observation());
                        assertThat(observation.status()).isEqualTo(call.status());
                        assertThat(observation.cacheHit()).isTrue();
                        assertThat(observation.source()).isEqualTo(ObservationSource.CACHE);
                        replayed++;
                    }
                }
            }
            // 374 Action/Action Input pairs in the 21 files, less 35 Finish calls and 14 unknown names.
            assertThat(replayed).isEqualTo(325);
            assertThat(executor.counters().get("source.cache")).isEqualTo(325);
            assertThat(executor.counters().get("miss")).isZero();
        }
    }

    @Test
    void a_call_from_another_episode_gets_the_first_recording_of_the_same_call() throws Exception {
        Path stable = Shared.stableToolBench().resolve("data_example/answer");
        Path cacheFile = dir.resolve("t.sqlite");
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            AnswerFiles.importFolder(stable, cache);
        }
        JsonNode answer = Json.parse(Files.readString(stable.resolve("virtual_chatgpt_cot/G1_instruction/1073_CoT@1.json")));
        RecordedCall first = AnswerFiles.calls(answer).get(0);
        try (Executor executor = ToolsSpec.builder().build().open("cache:" + cacheFile)) {
            Observation observation = new ActionDispatcher(functions(answer), executor)
                    .act(first.function(), first.arguments(), "some/other_episode");
            assertThat(observation.text()).startsWith("{\"error\": \"\", \"response\": ");
            assertThat(observation.cacheHit()).isTrue();
        }
    }

    /** The function list of an answer file (plain or StableToolBench's wrapped form), Finish left out. */
    static List<ActionTarget> functions(JsonNode answer) {
        List<ActionTarget> functions = new ArrayList<>();
        for (JsonNode entry : answer.path("answer_generation").path("function")) {
            JsonNode function = entry.has("function") ? entry.path("function") : entry;
            String name = function.path("name").asText();
            String description = function.path("description").asText();
            String marker = "subfunction for tool \"";
            int at = description.indexOf(marker);
            String tool = at < 0 ? "" : description.substring(at + marker.length(), description.indexOf('"', at + marker.length()));
            String api = name.endsWith("_for_" + tool) ? name.substring(0, name.length() - tool.length() - 5) : name;
            functions.add(new ActionTarget(name, "", tool, api, null));
        }
        return functions;
    }
}
