package io.stave.bench.py;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.SpecBlocks;
import io.stave.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected texts are CPython 3.11 {@code json.dumps} output for the same values. */
class PyJsonTest {

    static Stream<Arguments> strings() {
        return Stream.of(
                Arguments.of("it's", "\"it's\"", "\"it's\""),
                Arguments.of("say \"hi\"", "\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\""),
                Arguments.of("back\\slash/", "\"back\\\\slash/\"", "\"back\\\\slash/\""),
                Arguments.of("nl\n\b\f\r\t", "\"nl\\n\\b\\f\\r\\t\"", "\"nl\\n\\b\\f\\r\\t\""),
                Arguments.of("\u0000\u001f\u007f", "\"\\u0000\\u001f\\u007f\"", "\"\\u0000\\u001f\u007f\""),
                Arguments.of("\u00a0\u200b\u2028", "\"\\u00a0\\u200b\\u2028\"", "\"\u00a0\u200b\u2028\""),
                Arguments.of("\uD83D\uDE00", "\"\\ud83d\\ude00\"", "\"\uD83D\uDE00\""),
                Arguments.of("é日本", "\"\\u00e9\\u65e5\\u672c\"", "\"é日本\""));
    }

    @ParameterizedTest
    @MethodSource("strings")
    void strings_escape_like_json_dumps(String value, String ascii, String raw) {
        assertThat(PyJson.dumps(value)).isEqualTo(ascii);
        assertThat(PyJson.dumps(value, false)).isEqualTo(raw);
        assertThat(PyJson.quote(value, true)).isEqualTo(ascii);
    }

    @Test
    void compact_form_uses_comma_space_and_colon_space() {
        JsonNode value = Json.parse("{\"a\":[1,2.5,{}],\"b\":{\"c\":null,\"d\":true,\"e\":false},\"f\":[],\"g\":1e16}");
        assertThat(PyJson.dumps(value))
                .isEqualTo("{\"a\": [1, 2.5, {}], \"b\": {\"c\": null, \"d\": true, \"e\": false}, \"f\": [], \"g\": 1e+16}");
    }

    @Test
    void non_finite_floats_and_tuples_follow_python() {
        assertThat(PyJson.dumps(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
                .isEqualTo("[NaN, Infinity, -Infinity]");
        assertThat(PyJson.dumps(PyTuple.of(1, "x"))).isEqualTo("[1, \"x\"]");
        assertThat(PyJson.dumps(Json.parse("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
        assertThat(PyJson.dumps(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void indented_form_nests_and_keeps_empty_containers_inline() {
        JsonNode value = Json.parse("{\"a\":[1,{\"b\":[],\"c\":{}}],\"d\":null,\"e\":true}");
        assertThat(PyJson.dumpsIndent(value, 2)).isEqualTo(
                "{\n  \"a\": [\n    1,\n    {\n      \"b\": [],\n      \"c\": {}\n    }\n  ],\n  \"d\": null,\n  \"e\": true\n}");
        assertThat(PyJson.dumpsIndent(List.of(1, 2), 0)).isEqualTo("[\n1,\n2\n]");
    }

    @Test
    void raw_answer_files_are_reproduced_byte_for_byte_with_indent_2() throws IOException {
        Path answers = Shared.stableToolBench().resolve("data_example/answer");
        try (Stream<Path> files = Files.walk(answers)) {
            List<Path> jsons = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(jsons).hasSize(6);
            for (Path file : jsons) {
                String text = Files.readString(file);
                assertThat(PyJson.dumpsIndent(Json.parse(text), 2)).as(file.toString()).isEqualTo(text);
            }
        }
    }

    @Test
    void pass_rate_files_are_reproduced_with_indent_4_and_raw_unicode() throws IOException {
        Path file = Shared.stableToolBench()
                .resolve("data_example/pass_rate_results/virtual_chatgpt_cot/G1_instruction_virtual_chatgpt_cot.json");
        String text = Files.readString(file);
        assertThat(PyJson.dumpsIndent(Json.parse(text), 4, false)).isEqualTo(text);
    }

    @Test
    void converted_answers_are_reproduced_in_compact_form() throws IOException {
        Path file = Shared.stableToolBench()
                .resolve("data_example/model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json");
        String text = Files.readString(file);
        assertThat(PyJson.dumps(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void lenient_loads_accepts_raw_control_characters_and_keeps_the_last_duplicate() {
        JsonNode node = PyJson.loads("{\"return_type\": \"give_answer\", \"final_answer\": \"line one\nline\ttwo\", \"return_type\": \"x\"}");
        assertThat(node.get("final_answer").textValue()).isEqualTo("line one\nline\ttwo");
        assertThat(node.get("return_type").textValue()).isEqualTo("x");
        assertThat(node.properties()).extracting(e -> e.getKey()).containsExactly("return_type", "final_answer");
        assertThatThrownBy(() -> Json.parse("{\"a\": \"x\ny\"}")).isInstanceOf(PyJson.DecodeError.class);
        assertThatThrownBy(() -> PyJson.loads("{\"a\": 1} trailing")).isInstanceOf(PyJson.DecodeError.class);
        assertThatThrownBy(() -> PyJson.loads("")).isInstanceOf(PyJson.DecodeError.class);
    }

    @Test
    void mapper_reads_floats_as_floats_and_integers_as_integers() {
        assertThat(Json.parse("1.0").isDouble()).isTrue();
        assertThat(Json.parse("1").isInt()).isTrue();
        assertThat(Json.parse("12345678901234567890").isBigInteger()).isTrue();
        assertThat(PyRepr.repr(Json.parse("[1.0, 1, 1E+2]"))).isEqualTo("[1.0, 1, 100.0]");
    }

    @Test
    void finish_function_compact_json_matches_the_spec_block_reparsed() {
        JsonNode finish = Json.parse(SpecBlocks.get("FINISH_FUNCTION_JSON"));
        assertThat(PyJson.dumpsIndent(finish, 2)).isEqualTo(SpecBlocks.get("FINISH_FUNCTION_JSON"));
    }
}
