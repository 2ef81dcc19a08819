package io.stave.bench.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessageTest {

    /** Every message of every example answer reads and writes back to the same JSON (content null where absent). */
    @Test
    void train_messages_of_the_example_answers_round_trip() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.walk(StableToolBenchData.example("answer"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode answer = Json.parse(Files.readString(file));
                for (JsonNode list : answer.get("answer_generation").path("train_messages")) {
                    for (JsonNode json : list) {
                        Message message = Message.fromJson(json);
                        JsonNode expected = json.deepCopy();
                        if (message.role() == Role.ASSISTANT && !json.has("content")) {
                            ((com.fasterxml.jackson.databind.node.ObjectNode) expected).putNull("content");
                        }
                        assertThat(message.toJson()).isEqualTo(expected);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void writes_keys_in_toolbench_order() {
        assertThat(PyJson.dumps(Message.function("f", "x").toJson())).isEqualTo("{\"role\": \"function\", \"name\": \"f\", \"content\": \"x\"}");
        assertThat(PyJson.dumps(Message.user("d").invalid().toJson())).isEqualTo("{\"role\": \"user\", \"content\": \"d\", \"valid\": false}");
        Message tools = Message.assistantWithTools(null, List.of(new ToolCall("id1", new FunctionCall("g", "{}"))));
        assertThat(tools.call()).isEqualTo(new FunctionCall("g", "{}"));
        assertThat(Message.fromJson(tools.toJson())).isEqualTo(tools);
    }

    @Test
    void unknown_role_is_refused() {
        assertThatThrownBy(() -> Message.fromJson(Json.parse("{\"role\": \"robot\", \"content\": \"x\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("robot");
    }
}
