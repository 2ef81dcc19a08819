package io.stave.eval.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import io.stave.llm.Backend;
import io.stave.llm.Backends;
import io.stave.llm.ChatRequest;
import io.stave.llm.Reply;
import io.stave.store.CacheMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The {@code local:MODEL_SPEC} judge: ToolEval's prompt in text, the function's JSON read leniently. */
class LocalJudgeTest {

    /** Replies from a script, in order; every request kept. */
    static final class ScriptedBackend implements Backend {
        final Deque<Reply> replies = new ArrayDeque<>();
        final List<ChatRequest> requests = new ArrayList<>();

        ScriptedBackend say(String... texts) {
            for (String text : texts) {
                replies.add(new Reply(Message.assistant(text, null), 0, 10, 5));
            }
            return this;
        }

        @Override
        public Reply complete(ChatRequest request) {
            requests.add(request);
            return replies.poll();
        }

        @Override
        public String id() {
            return "scripted";
        }
    }

    private static JudgeCall checkAnswer() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("query", "What is 2+2?");
        args.put("answer", "4");
        return new JudgeCall(JudgeFunction.CHECK_ANSWER_STATUS, args, true, JudgeContext.forAnswer("G1_instruction", "1", "m", 0), 0);
    }

    private static LocalJudge judge(ScriptedBackend backend, ToolEvalTemplate template) {
        return new LocalJudge("scripted", backend, template, 3);
    }

    @Test
    void the_prompt_is_toolevals_description_then_the_request_for_the_functions_json() {
        ScriptedBackend backend = new ScriptedBackend().say("Sure.\n```json\n{\"answer_status\": \"Solved\", \"reason\": \"2+2 is 4\"}\n```");
        JudgeReply reply = judge(backend, ToolEvalTemplate.toolEvalV2()).call(checkAnswer());

        assertThat(reply.result(JudgeFunction.CHECK_ANSWER_STATUS).asText()).isEqualTo("Solved");
        assertThat(reply.reason()).isEqualTo("2+2 is 4");
        ChatRequest sent = backend.requests.getFirst();
        assertThat(sent.messages()).hasSize(1);
        assertThat(sent.noFunctionCall()).isTrue();
        String prompt = sent.messages().getFirst().content();
        String toolEval = ToolEvalTemplate.toolEvalV2().prompt(JudgeFunction.CHECK_ANSWER_STATUS, checkAnswer().arguments());
        assertThat(prompt).startsWith(toolEval)
                .contains("reply with only the JSON object of arguments that you would pass to `check_answer_status`")
                .contains("\"required\": [\"answer_status\", \"reason\"]");
    }

    @Test
    void single_quotes_trailing_commas_and_prose_around_the_object_are_accepted() {
        ScriptedBackend backend = new ScriptedBackend().say("My verdict: {'answer_status': 'Unsure', 'reason': 'no sum {given}',} done");
        JudgeReply reply = judge(backend, ToolEvalTemplate.toolEvalV2()).call(checkAnswer());
        assertThat(reply.result(JudgeFunction.CHECK_ANSWER_STATUS).asText()).isEqualTo("Unsure");
        assertThat(reply.reason()).isEqualTo("no sum {given}");
    }

    @Test
    void a_reply_naming_exactly_one_allowed_status_is_taken_as_that_status() {
        ScriptedBackend backend = new ScriptedBackend().say("The answer is Unsolved: it never gives a number.");
        JudgeReply reply = judge(backend, ToolEvalTemplate.toolEvalV2()).call(checkAnswer());
        assertThat(reply.result(JudgeFunction.CHECK_ANSWER_STATUS).asText()).isEqualTo("Unsolved");
        assertThat(reply.reason()).startsWith("The answer is Unsolved");
    }

    @Test
    void a_boolean_written_as_text_is_read_for_v1_check_solve_query() {
        ScriptedBackend backend = new ScriptedBackend().say("{\"is_solved\": \"True\"}");
        JudgeCall call = new JudgeCall(JudgeFunction.CHECK_SOLVE_QUERY, Map.of("query", "q", "final_answer", "a"), false,
                JudgeContext.forAnswer("G1_tool", "3", "m", 0), 0);
        assertThat(judge(backend, ToolEvalTemplate.toolEvalV1Normalized()).call(call)
                .result(JudgeFunction.CHECK_SOLVE_QUERY).isBoolean()).isTrue();
    }

    @Test
    void unusable_replies_are_asked_again_and_the_third_failure_quotes_the_last_reply() {
        ScriptedBackend backend = new ScriptedBackend().say("Solved or Unsolved, hard to say", "{\"answer_status\": \"Maybe\"}",
                "I cannot decide");
        assertThatThrownBy(() -> judge(backend, ToolEvalTemplate.toolEvalV2()).call(checkAnswer()))
                .isInstanceOf(JudgeException.class)
                .hasMessageContaining("local:scripted: check_answer_status for query 1 failed after 3 attempts")
                .hasMessageContaining("no valid answer_status in the reply 'I cannot decide'");
        assertThat(backend.requests).hasSize(3);
    }

    @Test
    void a_failed_model_call_is_retried() {
        ScriptedBackend backend = new ScriptedBackend();
        backend.replies.add(Reply.failure("connection refused"));
        backend.say("{\"answer_status\": \"Solved\"}");
        assertThat(judge(backend, ToolEvalTemplate.toolEvalV2()).call(checkAnswer())
                .result(JudgeFunction.CHECK_ANSWER_STATUS).asText()).isEqualTo("Solved");
        assertThat(backend.requests).hasSize(2);
    }

    @Test
    void local_openai_spec_runs_through_the_chat_backend_and_reads_the_json_from_its_text() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": "
                    + "\"{\\\"answer_status\\\": \\\"Solved\\\", \\\"reason\\\": \\\"ok\\\"}\"}}], "
                    + "\"usage\": {\"prompt_tokens\": 3, \"completion_tokens\": 2, \"total_tokens\": 5}}").build());
            Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-local");
            try (JudgeSpec.Opened opened = JudgeSpec.open("local:openai:small-model@" + server.url("/v1"), OpenAiJudge.ApiStyle.FUNCTIONS,
                    null, CacheMode.OFF, env, ToolEvalTemplate.toolEvalV2(), false, Backends.builder().environment(env::get).build())) {
                assertThat(opened.judge()).isInstanceOf(LocalJudge.class);
                assertThat(opened.judge().id()).startsWith("local:").contains("small-model").doesNotContain("sk-local");
                assertThat(opened.judge().call(checkAnswer()).result(JudgeFunction.CHECK_ANSWER_STATUS).asText()).isEqualTo("Solved");
            }
            JsonNode body = Json.parse(server.takeRequest().getBody().utf8());
            assertThat(body.get("model").asText()).isEqualTo("small-model");
            assertThat(body.at("/messages/0/content").asText()).contains("Query:\nWhat is 2+2?");
        }
    }

    @Test
    void eval_model_replaces_the_openai_judge_model_only_when_honoured() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-x", "EVAL_MODEL", "gpt-4-turbo-2024-04-09");
        Backends backends = Backends.builder().environment(env::get).build();
        try (JudgeSpec.Opened stable = JudgeSpec.open("openai:gpt-3.5-turbo", OpenAiJudge.ApiStyle.TOOLS, null, CacheMode.OFF, env,
                ToolEvalTemplate.toolEvalV2(), true, backends);
                JudgeSpec.Opened v2 = JudgeSpec.open("openai:gpt-3.5-turbo", OpenAiJudge.ApiStyle.FUNCTIONS, null, CacheMode.OFF, env,
                        ToolEvalTemplate.toolEvalV2(), false, backends)) {
            assertThat(stable.judge().id()).isEqualTo("openai:gpt-4-turbo-2024-04-09");
            assertThat(v2.judge().id()).isEqualTo("openai:gpt-3.5-turbo");
        }
    }
}
