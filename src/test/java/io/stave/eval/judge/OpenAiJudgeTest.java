package io.stave.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire form of ToolEval's judge calls (§9.2, §10) against a loopback server. */
class OpenAiJudgeTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private OpenAiJudge judge(OpenAiJudge.ApiStyle style) {
        return OpenAiJudge.builder("gpt-3.5-turbo-16k").baseUrl(server.url("/v1").toString()).apiKey("sk-test-secret")
                .apiStyle(style).retryWait(Duration.ZERO).build();
    }

    private static String functionReply(String arguments) {
        return "{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": null, \"function_call\": "
                + "{\"name\": \"check_answer_status\", \"arguments\": " + PyJson.dumps(arguments) + "}}}]}";
    }

    private static JudgeCall checkAnswer() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("query", "What is 2+2?");
        args.put("answer", "{\"return_type\": \"give_answer\", \"final_answer\": \"4\"}");
        return new JudgeCall(JudgeFunction.CHECK_ANSWER_STATUS, args, true,
                JudgeContext.forAnswer("G1_instruction", "1", "m", 0), 0);
    }

    @Test
    void check_answer_status_is_sent_as_one_user_message_with_the_forced_function_and_reason() throws Exception {
        server.enqueue(new MockResponse.Builder().body(functionReply("{\"answer_status\": \"Solved\", \"reason\": \"ok\"}")).build());
        JudgeReply reply = judge(OpenAiJudge.ApiStyle.FUNCTIONS).call(checkAnswer());

        assertThat(reply.result(JudgeFunction.CHECK_ANSWER_STATUS).asText()).isEqualTo("Solved");
        assertThat(reply.reason()).isEqualTo("ok");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-secret");
        JsonNode body = Json.parse(request.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("gpt-3.5-turbo-16k");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1000);
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        String prompt = body.at("/messages/0/content").asText();
        assertThat(prompt).startsWith("\nGiving the query and answer, you need give `answer_status`")
                .contains("Query:\nWhat is 2+2?\nAnswer:\n{\"return_type\": \"give_answer\", \"final_answer\": \"4\"}\n")
                .endsWith("`answer_status` of JSON to `check_answer_status`.\n");
        assertThat(body.at("/function_call/name").asText()).isEqualTo("check_answer_status");
        JsonNode schema = body.at("/functions/0");
        assertThat(schema.get("name").asText()).isEqualTo("check_answer_status");
        assertThat(schema.at("/parameters/required")).extracting(JsonNode::asText).containsExactly("answer_status", "reason");
        assertThat(schema.at("/parameters/properties").fieldNames()).toIterable().containsExactly("answer_status", "reason");
        assertThat(schema.at("/parameters/properties/reason/description").asText()).isEqualTo("explain your answer.");
        assertThat(body.has("timeout")).isFalse();
    }

    @Test
    void tools_style_forces_the_function_through_tool_choice() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"choices\": [{\"message\": {\"tool_calls\": [{\"id\": \"c1\", "
                + "\"type\": \"function\", \"function\": {\"name\": \"check_answer_status\", \"arguments\": "
                + PyJson.dumps("{\"answer_status\": \"Unsure\", \"reason\": \"r\"}") + "}}]}}]}").build());
        JudgeReply reply = judge(OpenAiJudge.ApiStyle.TOOLS).call(checkAnswer());

        assertThat(reply.result(JudgeFunction.CHECK_ANSWER_STATUS).asText()).isEqualTo("Unsure");
        JsonNode body = Json.parse(server.takeRequest().getBody().utf8());
        assertThat(body.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(body.at("/tools/0/function/name").asText()).isEqualTo("check_answer_status");
        assertThat(body.at("/tool_choice/function/name").asText()).isEqualTo("check_answer_status");
        assertThat(body.has("functions")).isFalse();
    }

    @Test
    void unparsable_arguments_and_http_errors_are_retried_up_to_three_attempts() {
        server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
        server.enqueue(new MockResponse.Builder().body(functionReply("{\"answer_status\": ")).build());
        server.enqueue(new MockResponse.Builder().body(functionReply("{\"answer_status\": \"Unsolved\"}")).build());

        JudgeReply reply = judge(OpenAiJudge.ApiStyle.FUNCTIONS).call(checkAnswer());
        assertThat(reply.result(JudgeFunction.CHECK_ANSWER_STATUS).asText()).isEqualTo("Unsolved");
        assertThat(reply.reason()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a_verdict_outside_the_schema_enum_fails_after_three_attempts_with_a_clear_message() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().body(functionReply("{\"answer_status\": \"Maybe\"}")).build());
        }
        assertThatThrownBy(() -> judge(OpenAiJudge.ApiStyle.FUNCTIONS).call(checkAnswer()))
                .isInstanceOf(JudgeException.class)
                .hasMessageContaining("check_answer_status")
                .hasMessageContaining("3 attempts")
                .hasMessageContaining("no valid answer_status")
                .hasMessageNotContaining("sk-test-secret");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a_missing_key_is_a_bad_input_naming_the_environment_variable() {
        assertThatThrownBy(() -> OpenAiJudge.builder("gpt-4").build())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("OPENAI_API_KEY");
    }

    @Test
    void the_id_never_contains_the_key() {
        assertThat(judge(OpenAiJudge.ApiStyle.FUNCTIONS).id()).startsWith("openai:gpt-3.5-turbo-16k@http://")
                .doesNotContain("sk-test");
    }
}
