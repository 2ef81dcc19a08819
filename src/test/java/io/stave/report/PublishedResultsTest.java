package io.stave.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stave.BadInputException;
import io.stave.testing.Shared;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The bundled published numbers, checked against the shared reference file read independently here. */
class PublishedResultsTest {

    private final PublishedResults published = PublishedResults.bundled();

    private static JsonNode reference() throws IOException {
        return new ObjectMapper().readTree(Files.readAllBytes(Shared.path("reference/published-results.json")));
    }

    @Test
    void bundled_resource_is_byte_identical_to_the_shared_reference() throws IOException {
        try (InputStream in = PublishedResults.class.getResourceAsStream(PublishedResults.RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(Shared.path("reference/published-results.json")));
        }
    }

    @Test
    void every_transcribed_value_is_found_by_its_row_and_group_key() throws IOException {
        int checked = 0;
        for (JsonNode table : reference().path("tables")) {
            String id = table.path("id").asText();
            assertThat(published.table(id).source()).isEqualTo(table.path("source").asText());
            for (JsonNode row : table.path("rows")) {
                if (!row.has("values")) {
                    continue;
                }
                PublishedRow found = row.has("method_model")
                        ? published.table(id).rows().stream()
                                .filter(r -> row.path("method_model").asText().equals(r.label())).findFirst().orElseThrow()
                        : published.row(id, row.path("model").asText(), row.path("method").asText()).orElseThrow();
                for (Iterator<Map.Entry<String, JsonNode>> it = row.path("values").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> value = it.next();
                    OptionalDouble got = found.value(value.getKey());
                    if (value.getValue().isNull()) {
                        assertThat(got).as(id + " " + value.getKey()).isEmpty();
                    } else {
                        assertThat(got).as(id + " " + found.displayName() + " " + value.getKey())
                                .hasValue(value.getValue().asDouble());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void group_aliases_of_the_papers_all_reach_the_same_value() throws IOException {
        JsonNode chatGptDfsdt = null;
        for (JsonNode row : reference().path("tables").get(0).path("rows")) {
            if (row.path("model").asText().equals("ChatGPT") && row.path("method").asText().equals("DFSDT")) {
                chatGptDfsdt = row.path("values");
            }
        }
        String table = "toolllm_tooleval_v2_pass_rate";
        for (String alias : new String[] {"G1_tool", "I1-Tool", "I1-Tool.", "i1-tool"}) {
            assertThat(published.value(table, "ChatGPT", "DFSDT", "pass_rate", alias))
                    .hasValue(chatGptDfsdt.path("I1-Tool").asDouble());
        }
        assertThat(published.value(table, "ChatGPT", "DFSDT", "pass_rate", "Average"))
                .hasValue(chatGptDfsdt.path("Avg").asDouble());
    }

    @Test
    void method_aliases_match_split_and_combined_row_labels() throws IOException {
        JsonNode stbCurrent = null;
        for (JsonNode table : reference().path("tables")) {
            if (table.path("id").asText().equals("stabletoolbench_current_sopr")) {
                stbCurrent = table.path("rows").get(0);
            }
        }
        assertThat(stbCurrent.path("method_model").asText()).isEqualTo("GPT-3.5-Turbo-0613 (CoT)");
        assertThat(published.row("stabletoolbench_current_sopr", "GPT-3.5-Turbo-0613", "ReACT"))
                .get().extracting(PublishedRow::label).isEqualTo("GPT-3.5-Turbo-0613 (CoT)");
        assertThat(published.row("stabletoolbench_current_sopr", "gpt-3.5-turbo-0613", "CoT").orElseThrow()
                .value("G2_category")).hasValue(stbCurrent.path("values").path("I2-Cat").asDouble());
        assertThat(published.row("stabletoolbench_current_sopr", "GPT-3.5-Turbo-0613", "CoT").orElseThrow()
                .stdOf("I3-Inst")).contains(stbCurrent.path("std").path("I3-Inst").asDouble());
        assertThat(published.row("toolllm_tooleval_v2_pass_rate", "ChatGPT", "ReAct")).get()
                .extracting(PublishedRow::method).isEqualTo("ReACT");
        assertThat(published.row("toolllm_tooleval_v2_pass_rate", "ChatGPT", "DFS")).get()
                .extracting(PublishedRow::method).isEqualTo("DFSDT");
        assertThat(published.row("toolllm_tooleval_v2_pass_rate", "ChatGPT-4", "DFSDT")).isEmpty();
    }

    @Test
    void attention_buckets_headline_is_looked_up_per_metric_and_untranscribed_groups_are_empty() throws IOException {
        JsonNode headline = null;
        for (JsonNode table : reference().path("tables")) {
            if (table.path("id").asText().equals("attention_buckets_headline")) {
                headline = table.path("rows").get(0);
            }
        }
        String model = headline.path("model").asText();
        String method = headline.path("method").asText();
        assertThat(published.value("attention_buckets_headline", model, method, "pass_rate", "Avg"))
                .hasValue(headline.path("pass_rate").path("Avg").asDouble());
        assertThat(published.value("attention_buckets_headline", model, method, "win_rate", "Avg"))
                .hasValue(headline.path("win_rate").path("Avg").asDouble());
        assertThat(headline.path("pass_rate").path("I1-Inst").isNull()).isTrue();
        assertThat(published.value("attention_buckets_headline", model, method, "pass_rate", "I1-Inst")).isEmpty();
    }

    @Test
    void loading_from_a_file_gives_the_same_tables_as_the_bundled_copy() {
        Path file = Shared.path("reference/published-results.json");
        assertThat(PublishedResults.load(file).tables()).isEqualTo(published.tables());
    }

    @Test
    void unknown_table_or_group_is_a_user_error() {
        assertThatThrownBy(() -> published.table("toolllm_v2_pass"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("published table \"toolllm_v2_pass\": expected one of [toolllm_tooleval_v2_pass_rate");
        assertThatThrownBy(() -> published.value("toolllm_tooleval_v2_pass_rate", "ChatGPT", "DFSDT", "pass_rate", "G4"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("group \"G4\"");
    }
}
