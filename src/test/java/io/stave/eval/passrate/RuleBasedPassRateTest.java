package io.stave.eval.passrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.py.Json;
import io.stave.eval.EvalFiles;
import io.stave.testing.Shared;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ToolEval v1's rule-based pass rate of the 600 ChatGPT-ReAct answers of the v1 evalset (§11.1, §14.5). */
class RuleBasedPassRateTest {

    private static Path evalset(String group) {
        return Shared.toolBench().resolve("toolbench/tooleval/results/default_evalset/gpt-3.5-turbo_CoT/" + group + ".json");
    }

    /**
     * An independent count: a streaming pass over the file that looks at every "final_answer" string
     * directly under an "answer" object, without the tree model or the production code.
     */
    private static int streamingCount(Path file) throws Exception {
        int passing = 0;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(file.toFile())) {
            String parent = null;
            java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
            String lastName = null;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> lastName = parser.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        names.push(lastName == null ? "" : lastName);
                        lastName = null;
                    }
                    case END_OBJECT, END_ARRAY -> names.pop();
                    case VALUE_STRING -> {
                        parent = names.peek();
                        if ("final_answer".equals(lastName) && "answer".equals(parent)) {
                            String text = parser.getText();
                            String lower = text.toLowerCase(Locale.ROOT);
                            boolean apology = lower.contains("sorry") || lower.contains("apologize") || lower.contains("apology")
                                    || lower.contains("unfortunately") || lower.contains("couldn't");
                            if (!text.isEmpty() && !text.contains("give_up_and_restart") && !apology) {
                                passing++;
                            }
                        }
                        lastName = null;
                    }
                    default -> lastName = null;
                }
            }
        }
        return passing;
    }

    @ParameterizedTest
    @CsvSource({"G1_instruction", "G1_category", "G1_tool", "G2_instruction", "G2_category", "G3_instruction"})
    void group_pass_rate_equals_an_independent_count(String group) throws Exception {
        GroupPassRate result = RuleBasedPassRate.ofConverted(EvalFiles.readObject(evalset(group)), group, "chatgpt_CoT");
        assertThat(result.evaluated()).isEqualTo(100);
        assertThat(result.passing()).isEqualTo(streamingCount(evalset(group)));
    }

    @Test
    void pass_rates_reproduce_the_published_v1_readme_row_for_chatgpt_react() {
        JsonNode tables = EvalFiles.readJson(Shared.path("reference/published-results.json")).get("tables");
        JsonNode row = null;
        for (JsonNode table : tables) {
            if (table.path("id").asText().equals("toolbench_tooleval_v1_readme_pass_rate")) {
                for (JsonNode r : table.get("rows")) {
                    if (r.path("method_model").asText().equals("ChatGPT-ReACT")) {
                        row = r.get("values");
                    }
                }
            }
        }
        assertThat(row).isNotNull();
        Map<String, String> columns = Map.of("G1_instruction", "I1-Inst", "G1_category", "I1-Cat", "G1_tool", "I1-Tool",
                "G2_instruction", "I2-Inst", "G2_category", "I2-Cat", "G3_instruction", "I3-Inst");
        double sum = 0;
        for (var e : columns.entrySet()) {
            GroupPassRate result = RuleBasedPassRate.ofConverted(EvalFiles.readObject(evalset(e.getKey())), e.getKey(), "chatgpt_CoT");
            assertThat(result.passRate() * 100).as(e.getKey()).isCloseTo(row.get(e.getValue()).asDouble(), org.assertj.core.api.Assertions.within(1e-9));
            sum += result.passRate() * 100;
        }
        assertThat(sum / 6).isCloseTo(row.get("Avg").asDouble(), org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void raw_answer_files_pass_by_their_compare_candidates() {
        Path dir = Shared.toolBench().resolve("data_example/answer/G2_answer");
        GroupPassRate result = RuleBasedPassRate.ofRawAnswers(dir, "DFS", "G2", "chatgpt_dfs");
        // 10, 119 and 127 gave up: no candidate; the others answered.
        assertThat(result.queries()).filteredOn(QueryPassRate::passes).extracting(QueryPassRate::qid)
                .doesNotContain("10", "119", "127");
        assertThat(result.evaluated() + result.notJudged().size()).isEqualTo(5);
    }
}
