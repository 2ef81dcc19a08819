package io.stave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.ExampleAnswers;
import io.stave.bench.SpecBlocks;
import io.stave.bench.StableToolBenchData;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code stave functions} and {@code stave prompt} through the real command line. */
class BenchCommandsTest {

    @TempDir
    Path temp;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String example() {
        return StableToolBenchData.exampleQueries().toString();
    }

    private Path descriptions() throws IOException {
        Path file = temp.resolve("descriptions.json");
        Files.writeString(file, PyJson.dumps(ExampleAnswers.toolDescriptions(ExampleAnswers.systemMessage("1073"))));
        return file;
    }

    @Test
    void functions_prints_the_available_tools_of_the_example() throws IOException {
        JsonNode converted = Json.parse(Files.readString(
                StableToolBenchData.example("model_predictions_converted/virtual_chatgpt_cot/G1_instruction.json")));
        Result result = run("functions", "--queries", example(), "--id", "608");
        assertThat(result.code()).isZero();
        assertThat(result.out()).endsWith("\n");
        assertThat(Json.parse(result.out())).isEqualTo(converted.get("608").get("available_tools"));
        assertThat(result.out()).isEqualTo(PyJson.dumpsIndent(converted.get("608").get("available_tools"), 2) + "\n");

        Result all = run("functions", "--queries", "G1_instruction", "--data",
                StableToolBenchData.solvableDir().toString(), "--compact", "--profile", "stabletoolbench");
        assertThat(all.code()).isZero();
        JsonNode lists = Json.parse(all.out());
        assertThat(lists.size()).isEqualTo(163);
        assertThat(lists.get("1073").get(0).get("function")).isEqualTo(converted.get("1073").get("available_tools").get(0));
    }

    @Test
    void prompt_prints_the_toolllama_prompts_of_query_1073_byte_for_byte() throws IOException {
        Result first = run("prompt", "--queries", example(), "--id", "1073", "--tool-descriptions", descriptions().toString());
        assertThat(first.code()).isZero();
        assertThat(first.out()).isEqualTo(SpecBlocks.get("TOOLLLAMA_PROMPT_1073_TURN1"));
        Result fixed = run("prompt", "--queries", example(), "--id", "1073", "--style", "toolllama-fixed",
                "--tool-descriptions", descriptions().toString());
        assertThat(fixed.out()).isEqualTo(first.out());
        Result second = run("prompt", "--queries", example(), "--id", "1073",
                "--replay", StableToolBenchData.cotAnswer("1073").toString(), "--steps", "1");
        assertThat(second.code()).isZero();
        assertThat(second.out()).isEqualTo(SpecBlocks.get("TOOLLLAMA_PROMPT_1073_TURN2_TRAINING"));
    }

    @Test
    void prompt_prints_an_openai_request() throws IOException {
        Result result = run("prompt", "--queries", example(), "--id", "1073", "--style", "openai",
                "--tool-descriptions", descriptions().toString());
        assertThat(result.code()).isZero();
        JsonNode request = Json.parse(result.out());
        assertThat(request.get("messages").get(0).get("content").textValue())
                .isEqualTo(SpecBlocks.get("EXAMPLE_SYSTEM_MESSAGE_1073"));
        assertThat(request.get("functions")).hasSize(4);
        assertThat(request.get("functions").get(3).get("name").textValue()).isEqualTo("Finish");
    }

    // Bad input: one line on stderr naming file, JSON path and expectation; exit code 2.

    private static void assertBadInput(Result result, String... fragments) {
        assertThat(result.code()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("stave: ").endsWith("\n");
        assertThat(result.err().strip()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.err()).contains(fragments);
    }

    @Test
    void malformed_json_is_bad_input() throws IOException {
        Path file = temp.resolve("broken.json");
        Files.writeString(file, "[{\"query\": \"x\", \"query_id\": 1,");
        assertBadInput(run("functions", "--queries", file.toString()), file + ": $: expected valid JSON (");
    }

    @Test
    void a_missing_field_is_bad_input() throws IOException {
        Path file = temp.resolve("missing.json");
        Files.writeString(file, "[{\"query\": \"x\", \"query_id\": 1, \"api_list\": [{\"category_name\": \"Data\", "
                + "\"tool_name\": \"T\", \"api_name\": \"A\", \"api_description\": \"d\", \"optional_parameters\": []}]}]");
        assertBadInput(run("functions", "--queries", file.toString(), "--id", "1"),
                file + ": $[0].api_list[0].required_parameters: expected an array");
    }

    @Test
    void an_unknown_suite_is_bad_input() {
        assertBadInput(run("prompt", "--queries", "I9-Inst", "--id", "1", "--data", temp.toString()),
                "I9-Inst: $: expected an existing query file, or a suite name (one of G1_instruction, I1-Inst,");
        assertBadInput(run("functions", "--queries", "I2-Cat", "--data", temp.toString()),
                "G2_category.json: $: expected the query file of suite G2_category (I2-Cat) under " + temp);
    }

    @Test
    void an_unknown_query_id_is_bad_input() {
        assertBadInput(run("prompt", "--queries", example(), "--id", "4242"),
                "G1_instruction.json: $[*].query_id: expected a query with id 4242 (the file has 3 queries)");
    }

    @Test
    void a_missing_tool_file_is_bad_input() throws IOException {
        Path file = temp.resolve("minimal.json");
        Files.writeString(file, "[{\"query\": \"q\", \"query_id\": 5, \"api_list\": "
                + "[{\"category_name\": \"Social\", \"tool_name\": \"Olato Quotes\", \"api_name\": \"Love Quote\"}]}]");
        Path tools = Files.createDirectories(temp.resolve("tools/Social"));
        assertBadInput(run("functions", "--queries", file.toString(), "--id", "5", "--tools-root", tools.getParent().toString()),
                tools.resolve("olato_quotes.json") + ": $: expected a tool documentation file (category 'Social')");
        assertBadInput(run("functions", "--queries", file.toString(), "--tools-root", temp.resolve("nowhere").toString()),
                "nowhere: (tool root): expected a directory");
    }

    @Test
    void bad_option_values_are_bad_input() throws IOException {
        assertBadInput(run("prompt", "--queries", example(), "--id", "1073", "--style", "llama"),
                "--style llama: expected toolllama, toolllama-fixed or openai");
        assertBadInput(run("functions", "--queries", example(), "--profile", "gorilla"),
                "profile 'gorilla': expected toolbench or stabletoolbench");
        assertBadInput(run("prompt", "--queries", example(), "--id", "588",
                "--replay", StableToolBenchData.cotAnswer("588").toString()),
                "588_CoT@1.json: $.answer_generation.train_messages: expected a non-empty list");
    }
}
