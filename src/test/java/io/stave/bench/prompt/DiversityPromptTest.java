package io.stave.bench.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.ExampleAnswers;
import io.stave.bench.SpecBlocks;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiversityPromptTest {

    private static final String EXAMPLE = SpecBlocks.get("DIVERSITY_EXAMPLE_588");

    /**
     * Takes the candidate's fields and the former observation out of the spec's example and renders
     * them again: the indent-2 list (with its ASCII escapes), the float 0.0 and the "again" line
     * must come out byte for byte.
     */
    @Test
    void example_of_query_588_is_reproduced_from_its_parts() {
        String list = EXAMPLE.substring(EXAMPLE.indexOf("\n[\n") + 1, EXAMPLE.indexOf("\n]\n") + 2);
        String observation = EXAMPLE.substring(EXAMPLE.indexOf("again, your former observation: ")
                + "again, your former observation: ".length(), EXAMPLE.indexOf("\n\nRemember you are now"));
        List<DiversityPrompt.Candidate> candidates = new ArrayList<>();
        for (JsonNode c : Json.parse(list)) {
            candidates.add(new DiversityPrompt.Candidate(
                    c.get("name").textValue(), c.get("arguments").textValue(), c.get("function_output").textValue()));
        }
        assertThat(candidates).hasSize(1);
        assertThat(DiversityPrompt.render(candidates, observation)).contains(EXAMPLE);
    }

    @Test
    void example_is_the_invalid_user_message_of_the_588_dfs_answer() {
        JsonNode answer = ExampleAnswers.dfs("588");
        List<Message> invalid = new ArrayList<>();
        for (JsonNode list : answer.get("answer_generation").get("train_messages")) {
            for (JsonNode m : list) {
                Message message = Message.fromJson(m);
                if (!message.valid()) {
                    invalid.add(message);
                }
            }
        }
        assertThat(invalid).isNotEmpty().allSatisfy(m -> assertThat(m.role().wire()).isEqualTo("user"));
        assertThat(invalid).extracting(Message::content).contains(EXAMPLE);
    }

    @Test
    void no_candidate_means_no_prompt_and_an_empty_observation_adds_no_line() {
        assertThat(DiversityPrompt.render(List.of(), "obs")).isEmpty();
        String prompt = DiversityPrompt.render(List.of(new DiversityPrompt.Candidate("f", "{}", "out")), "").orElseThrow();
        assertThat(prompt).contains("candidates:\n[\n  {\n    \"name\": \"f\",\n    \"arguments\": \"{}\",\n"
                + "    \"function_output\": \"out\",\n    \"mento-carlo-action-value\": 0.0\n  }\n]\n\nRemember you are now");
    }
}
