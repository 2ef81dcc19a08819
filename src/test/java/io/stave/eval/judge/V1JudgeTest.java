package io.stave.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.testing.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ToolEval v1's evaluator files (§11.2, Appendix A) and the wire form of its function calls. */
class V1JudgeTest {

    private static final ToolEvalTemplate NORMALIZED = ToolEvalTemplate.toolEvalV1Normalized();

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String resource(String name) throws Exception {
        try (var in = ToolEvalTemplate.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "v1_normalized/template.txt, 874, 604cd18bccdf57043ae5fec7d9909f4fc73215f263d973cce0e0e29cec240ea4",
        "v1_normalized/config.yaml, 1722, 13402bf7edfd31baccd1664bc7f757c086315ef596b6893a615fe65555783146",
        "v1_fn/template.txt, 1677, 312e72a465f0b7036d04694b7b7e8dbf3d18452bc75a763803a09e21e88d6f87",
        "v1_fn/config.yaml, 750, 4e822e80adc3c204b7da89c63dfbe72d48b6c50b41b7b9af4b9a6032cd80a329",
        "v1_gpt4_fn/template.txt, 1471, 2629b7be61b7cf919258541c9f125281d58f3f8369273404a95d845a39cbd65c",
        "v1_gpt4_fn/config.yaml, 754, b7b16d6852cad617fc9a56df7ffb6ff3bfe0822826465366572e540066db9a11"})
    void shipped_v1_files_have_the_appendix_a_lengths_and_hashes(String name, int length, String sha) throws Exception {
        String text = resource(name);
        assertThat(text.codePointCount(0, text.length())).isEqualTo(length);
        assertThat(sha256(text)).isEqualTo(sha);
    }

    @ParameterizedTest
    @CsvSource({
        "v1_normalized, toolbench/tooleval/evaluators/tooleval_gpt-3.5-turbo_normalized",
        "v1_fn, toolbench/tooleval/evaluators/tooleval_gpt-3.5-turbo_fn",
        "v1_gpt4_fn, _history_e8c6cd1/toolbench/tooleval/evaluators/tooleval_gpt-4_fn"})
    void shipped_v1_files_are_byte_identical_to_the_released_evaluators(String folder, String released) throws Exception {
        Path dir = Shared.toolBench().resolve(released);
        for (String file : new String[] {"template.txt", "config.yaml"}) {
            assertThat(resource(folder + "/" + file)).isEqualTo(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "PARSE_ANSWER_DETAILS, 192, 70c0fbefc606d1ba14fe504ee726ee4adc39995145ca321568a3bcd11b73037d",
        "SELECT_BEST_FINAL_ANSWER, 244, 00018b97aec13fe7da8f6d4802f99f97306870d6b7bc5844b169c361c9374417",
        "CHECK_SOLVE_QUERY, 183, d6d8f128cbbded7b57837df939c99bace2ea6e07345054a17e55b0c34da7eb70"})
    void normalized_descriptions_match_appendix_a(JudgeFunction function, int length, String sha) throws Exception {
        String description = NORMALIZED.description(function);
        assertThat(description.codePointCount(0, description.length())).isEqualTo(length);
        assertThat(sha256(description)).isEqualTo(sha);
    }

    @Test
    void normalized_evaluator_has_only_its_three_functions_and_its_name() {
        assertThat(NORMALIZED.evaluatorName()).isEqualTo("tooleval_gpt-3.5-turbo_normalized");
        assertThat(NORMALIZED.has(JudgeFunction.CHECK_SOLVE_QUERY)).isTrue();
        assertThat(NORMALIZED.has(JudgeFunction.CHECK_ANSWER_STATUS)).isFalse();
        assertThat(ToolEvalTemplate.toolEvalV2().has(JudgeFunction.CHECK_SOLVE_QUERY)).isFalse();
        assertThat(NORMALIZED.resultType(JudgeFunction.CHECK_SOLVE_QUERY)).isEqualTo("boolean");
        assertThat(NORMALIZED.completionKwargs().get("max_tokens").asInt()).isEqualTo(100);
    }

    @Test
    void check_solve_query_is_sent_with_the_v1_settings_and_a_non_boolean_verdict_is_retried() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body(reply("check_solve_query", "{\"is_solved\": \"yes\"}")).build());
            server.enqueue(new MockResponse.Builder().body(reply("check_solve_query", "{\"is_solved\": true}")).build());
            OpenAiJudge judge = OpenAiJudge.builder("gpt-3.5-turbo-16k").baseUrl(server.url("/v1").toString())
                    .apiKey("sk-test").template(NORMALIZED).retryWait(Duration.ZERO).build();
            Map<String, String> args = new LinkedHashMap<>();
            args.put("query", "How tall is the Eiffel tower?");
            args.put("final_answer", "330 m");
            JudgeReply answer = judge.call(new JudgeCall(JudgeFunction.CHECK_SOLVE_QUERY, args, false,
                    JudgeContext.forAnswer("G1_instruction", "7", "m", 0), 0));

            assertThat(answer.result(JudgeFunction.CHECK_SOLVE_QUERY).asBoolean()).isTrue();
            assertThat(server.getRequestCount()).isEqualTo(2);
            JsonNode body = Json.parse(server.takeRequest().getBody().utf8());
            assertThat(body.get("model").asText()).isEqualTo("gpt-3.5-turbo-16k");
            assertThat(body.get("max_tokens").asInt()).isEqualTo(100);
            assertThat(body.get("temperature").asDouble()).isZero();
            assertThat(body.has("timeout")).isFalse();
            assertThat(body.at("/messages/0/content").asText()).isEqualTo("\nPlease check whether the answer solve the query or not.\n"
                    + "Query:\nHow tall is the Eiffel tower?\n\nAnswer:\n330 m\n\n"
                    + "Now give your judgment of JSON to `check_solve_query`, remember do not be too strict.\n");
            assertThat(body.at("/function_call/name").asText()).isEqualTo("check_solve_query");
            assertThat(body.get("functions")).hasSize(1);
            assertThat(body.at("/functions/0/parameters/required")).extracting(JsonNode::asText).containsExactly("is_solved");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "fn, 61, f518b845e74988a0004bc325aac90077f9e7387d9af9dff70f1c1fb8ce41f36e, 1497, c9793df4c0da363000e14ece088c95e36602fddc01a816dd14f346a6d78d6fae",
        "gpt-4_fn, 99, e016a60d47e41597b271c26661a743f1f00364e49581ac515d9ff43b511ac6a0, 1253, 08dbacd1bbb7a76a7a062e23841488fc7d080bf8dba4feaf491cb4a1f8d997ec"})
    void fn_template_messages_match_appendix_a(String evaluator, int systemLength, String systemSha, int userLength, String userSha)
            throws Exception {
        var messages = ToolEvalTemplate.toolEvalV1(evaluator).templateMessages();
        assertThat(messages).extracting(ToolEvalTemplate.TemplateMessage::role).containsExactly("system", "user");
        String system = messages.get(0).content();
        String user = messages.get(1).content();
        assertThat(system.codePointCount(0, system.length())).isEqualTo(systemLength);
        assertThat(sha256(system)).isEqualTo(systemSha);
        assertThat(user.codePointCount(0, user.length())).isEqualTo(userLength);
        assertThat(sha256(user)).isEqualTo(userSha);
    }

    @Test
    void choose_preference_sends_the_system_message_unchanged_and_the_formatted_user_message() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body(reply("choose_preference", "{\"preference\": 1}")).build());
            server.enqueue(new MockResponse.Builder().body(reply("choose_preference", "{\"preference\": 0}")).build());
            Map<String, String> args = new LinkedHashMap<>();
            args.put("task_description", "{\"query\": \"q\", \"available_tools\": []}");
            args.put("answers", "[{\"final_answer\": \"a\"}, {\"final_answer\": \"b\"}]");
            JudgeCall call = new JudgeCall(JudgeFunction.CHOOSE_PREFERENCE, args, false,
                    JudgeContext.forPair("G1_tool", "9", java.util.List.of("x", "y"), 0), 0);
            for (String evaluator : new String[] {"fn", "gpt-4_fn"}) {
                ToolEvalTemplate template = ToolEvalTemplate.toolEvalV1(evaluator);
                OpenAiJudge judge = OpenAiJudge.builder(template.completionKwargs().get("model").asText())
                        .baseUrl(server.url("/v1").toString()).apiKey("sk-test").template(template).build();
                judge.call(call);
                JsonNode body = Json.parse(server.takeRequest().getBody().utf8());
                assertThat(body.get("messages")).hasSize(2);
                assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
                assertThat(body.at("/messages/0/content").asText()).isEqualTo(template.templateMessages().get(0).content());
                assertThat(body.at("/messages/1/content").asText())
                        .contains("{\"query\": \"q\", \"available_tools\": []}")
                        .contains("[{\"final_answer\": \"a\"}, {\"final_answer\": \"b\"}]")
                        .endsWith("return the index in range [0,1].");
                assertThat(body.at("/function_call/name").asText()).isEqualTo("choose_preference");
                assertThat(body.get("max_tokens").asInt()).isEqualTo(100);
                if (evaluator.equals("fn")) {
                    assertThat(body.get("model").asText()).isEqualTo("gpt-3.5-turbo-16k");
                    assertThat(body.at("/functions/0/parameters/required/0").asText()).isEqualTo("preference");
                } else {
                    // as released: required sits beside parameters, not inside them
                    assertThat(body.get("model").asText()).isEqualTo("gpt-4-0613");
                    assertThat(body.at("/functions/0/required/0").asText()).isEqualTo("preference");
                    assertThat(body.at("/functions/0/parameters").has("required")).isFalse();
                }
            }
        }
    }

    private static String reply(String name, String arguments) {
        return "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": null, \"function_call\": "
                + "{\"name\": \"" + name + "\", \"arguments\": " + PyJson.dumps(arguments) + "}}}]}";
    }
}
