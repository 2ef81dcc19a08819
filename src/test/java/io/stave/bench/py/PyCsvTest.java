package io.stave.bench.py;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.testing.Shared;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyCsvTest {

    @Test
    void fields_are_quoted_only_when_they_hold_tab_quote_cr_or_lf() {
        assertThat(PyCsv.row(Arrays.asList("plain", "a\tb", "say \"x\"", "l1\nl2", "cr\r", "it's", 3, null, true)))
                .isEqualTo("plain\t\"a\tb\"\t\"say \"\"x\"\"\"\t\"l1\nl2\"\t\"cr\r\"\tit's\t3\t\tTrue\r\n");
        assertThat(PyCsv.row(List.of(List.of("a", 1), Map.of("k", "v"))))
                .isEqualTo("['a', 1]\t{'k': 'v'}\r\n");
        assertThat(PyCsv.row(List.of(""))).isEqualTo("\"\"\r\n");
        assertThat(PyCsv.row(List.of("", ""))).isEqualTo("\t\r\n");
    }

    /** Rebuilds the StableToolBench preference CSV (§2.9) from its JSON file and the converted answers. */
    @Test
    void preference_csv_of_the_worked_example_is_reproduced_byte_for_byte() throws IOException {
        Path example = Shared.stableToolBench().resolve("data_example");
        String expected = Files.readString(example.resolve(
                "preference_results/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs.csv"), StandardCharsets.UTF_8);
        JsonNode cot = Json.parse(Files.readString(example.resolve("pass_rate_results/virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.json")));
        JsonNode dfs = Json.parse(Files.readString(example.resolve("pass_rate_results/virtual_chatgpt_dfs/G1_instruction_virtual_chatgpt_dfs.json")));
        JsonNode rounds = Json.parse(Files.readString(example.resolve("preference_results/G1_instruction_virtual_chatgpt_cot_virtual_chatgpt_dfs.json")));
        StringWriter out = new StringWriter();
        PyCsv csv = new PyCsv(out);
        csv.writeRow(List.of("query", "available_tools", "ref_model_intermediate_steps", "ref_model_final_step",
                "output_model_intermediate_steps", "output_model_final_step", "preference_label", "query_id",
                "ref_model", "output_model"));
        for (String qid : (Iterable<String>) rounds::fieldNames) {
            JsonNode ref = cot.get(qid);
            JsonNode cand = dfs.get(qid);
            int a = rounds.get(qid).get("virtual_chatgpt_cot").intValue();
            int b = rounds.get(qid).get("virtual_chatgpt_dfs").intValue();
            List<Object> row = new ArrayList<>();
            row.add(ref.get("query"));
            row.add(ref.get("tool_names"));
            row.add(ref.get("answer_steps"));
            row.add(ref.get("final_step"));
            row.add(cand.get("answer_steps"));
            row.add(cand.get("final_step"));
            row.add(a > b ? 1 : a < b ? 2 : 3);
            row.add(qid);
            row.add("virtual_chatgpt_cot");
            row.add("virtual_chatgpt_dfs");
            csv.writeRow(row);
        }
        assertThat(out.toString()).isEqualTo(expected);
    }
}
