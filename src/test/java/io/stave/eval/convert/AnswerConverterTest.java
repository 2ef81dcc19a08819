package io.stave.eval.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.eval.EvalFiles;
import io.stave.testing.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerConverterTest {

    private static final Path EXAMPLE = Path.of("data_example");

    private static Path stb(String relative) {
        return Shared.stableToolBench().resolve(EXAMPLE).resolve(relative);
    }

    @Test
    void cot_answers_convert_to_the_stabletoolbench_converted_file() throws Exception {
        ConvertedAnswers converted = AnswerConverter.builder("CoT@1").build()
                .convertDirectory(stb("answer/virtual_chatgpt_cot/G1_instruction"));
        Path expected = stb("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json");

        assertThat(converted.toJson()).isEqualTo(EvalFiles.readJson(expected));
        assertThat(converted.render(ConvertedAnswers.Layout.COMPACT))
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        assertThat(converted.fromInvalid()).containsExactly("588");
    }

    @Test
    void dfs_answers_convert_to_the_stabletoolbench_converted_file() throws Exception {
        ConvertedAnswers converted = AnswerConverter.builder("DFS_woFilter_w2").build()
                .convertDirectory(stb("answer/virtual_chatgpt_dfs/G1_instruction"));
        Path expected = stb("model_predictions_converted/virtual_chatgpt_dfs/G1_instruction.json");

        JsonNode reference = EvalFiles.readJson(expected);
        assertThat(converted.toJson()).isEqualTo(reference);
        // The reference lists the queries in os.listdir order (588, 1073, 608); same order, same bytes.
        Map<String, ObjectNode> inReferenceOrder = new LinkedHashMap<>();
        reference.fieldNames().forEachRemaining(qid -> inReferenceOrder.put(qid, converted.answers().get(qid)));
        assertThat(new ConvertedAnswers(inReferenceOrder, List.of()).render(ConvertedAnswers.Layout.COMPACT))
                .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        assertThat(converted.fromInvalid()).isEmpty();
    }

    @Test
    void total_steps_count_system_and_user_nodes() {
        ConvertedAnswers converted = AnswerConverter.builder("CoT@1").build()
                .convertDirectory(stb("answer/virtual_chatgpt_cot/G1_instruction"));
        assertThat(converted.answers().get("1073").at("/answer/total_steps").asInt()).isEqualTo(6);
        assertThat(converted.answers().get("588").at("/answer/total_steps").asInt()).isEqualTo(8);
        assertThat(converted.answers().get("608").at("/answer/total_steps").asInt()).isEqualTo(6);
    }

    @Test
    void invalid_dfs_answers_take_a_random_walk_to_a_leaf_of_the_merged_tree() {
        Path dir = Shared.toolBench().resolve("data_example/answer/G1_answer");
        ConvertedAnswers first = AnswerConverter.builder("DFS").seed(7).build().convertDirectory(dir);
        ConvertedAnswers again = AnswerConverter.builder("DFS").seed(7).build().convertDirectory(dir);

        assertThat(first.fromInvalid()).containsExactly("69");
        assertThat(again.toJson()).isEqualTo(first.toJson());
        ObjectNode walked = first.answers().get("69");
        int steps = 0;
        JsonNode node = walked.at("/answer/answer_details/0");
        String[] roles = new String[64];
        while (node != null && !node.isMissingNode()) {
            roles[steps++] = node.get("role").asText();
            assertThat(node.get("role").asText()).isIn("system", "user", "tool", "assistant");
            node = node.get("next").isEmpty() ? null : node.get("next").get(0);
        }
        assertThat(roles[0]).isEqualTo("system");
        assertThat(roles[1]).isEqualTo("user");
        assertThat(walked.at("/answer/total_steps").asInt()).isEqualTo(steps).isGreaterThan(2);
    }

    @Test
    void give_up_answers_are_valid_data_and_keep_their_give_up_finish_call() {
        ConvertedAnswers converted = AnswerConverter.builder("DFS").build()
                .convertDirectory(Shared.toolBench().resolve("data_example/answer/G2_answer"));
        assertThat(converted.fromInvalid()).isEmpty();
        JsonNode node = converted.answers().get("119").at("/answer/answer_details/0");
        JsonNode last = node;
        while (!node.get("next").isEmpty()) {
            node = node.get("next").get(0);
            last = node;
        }
        assertThat(last.at("/message/name").asText()).isEqualTo("Finish");
        assertThat(last.at("/message/arguments").asText()).contains("give_up_and_restart");
    }

    @Test
    void a_file_without_answer_generation_names_the_file_and_field(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("5_CoT@1.json"), "{\"win\": false}");
        assertThatThrownBy(() -> AnswerConverter.builder("CoT@1").build().convertDirectory(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("5_CoT@1.json")
                .hasMessageContaining("$.answer_generation");
    }

    @Test
    void a_folder_without_answers_of_the_method_is_refused_with_the_expected_layout() {
        Path modelFolder = stb("answer/virtual_chatgpt_dfs");
        assertThatThrownBy(() -> AnswerConverter.builder("DFS_woFilter_w2").build().convertDirectory(modelFolder))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("virtual_chatgpt_dfs")
                .hasMessageContaining("<qid>_DFS_woFilter_w2.json of one group");
    }

    private static List<String> walk(JsonNode converted) {
        List<String> roles = new java.util.ArrayList<>();
        JsonNode node = converted.at("/answer/answer_details/0");
        while (true) {
            String role = node.get("role").asText();
            roles.add(role.equals("tool") ? "tool:" + node.at("/message/name").asText() : role);
            if (node.get("next").isEmpty()) {
                return roles;
            }
            node = node.get("next").get(0);
        }
    }

    /**
     * Expected walks were produced by running the converter's logic in CPython 3.11 with
     * {@code random.seed(42)} over the same files in name order (a local oracle, not shipped);
     * stave's Python-compatible mode output was byte-equal to it for all three ToolBench folders.
     */
    @Test
    void python_compatible_mode_takes_the_random_walks_python_takes() {
        ConvertedAnswers g1 = AnswerConverter.builder("DFS_woFilter_w2").pythonCompatible(true).build()
                .convertDirectory(Shared.toolBench().resolve("data_example/answer/G1_answer"));
        assertThat(walk(g1.answers().get("69"))).containsExactly("system", "user", "assistant",
                "tool:authenticate_for_currents_news", "assistant", "tool:latest_news_for_currents_news", "assistant",
                "tool:authenticate_for_currents_news", "assistant", "tool:search_for_currents_news");
        ConvertedAnswers g3 = AnswerConverter.builder("DFS_woFilter_w2").pythonCompatible(true).build()
                .convertDirectory(Shared.toolBench().resolve("data_example/answer/G3_answer"));
        assertThat(g3.answers().get("8").at("/answer/total_steps").asInt()).isEqualTo(10);
        assertThat(walk(g3.answers().get("8"))).filteredOn(r -> r.startsWith("tool:"))
                .containsOnly("tool:search_basic_free_for_streaming_availability").hasSize(4);
    }
}
