package io.stave.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.FunctionCall;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import io.stave.store.KeyedCache;
import io.stave.store.SqliteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI chat backend against a loopback server: request styles, parsing, retries, cache. */
class OpenAiChatBackendTest {

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private OpenAiChatBackend backend(int attempts) {
        return new OpenAiChatBackend("gpt-test", server.url("/v1").toString(), "sk-test", null, 1024, attempts,
                Duration.ZERO, Duration.ofSeconds(10));
    }

    private static ChatRequest request(Profile profile, List<Message> messages) {
        Query query = new Query("1", "q", List.of(), List.of());
        return new ChatRequest(messages, FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(profile)),
                profile, "G1_instruction/1_CoT@1", 0, false);
    }

    private static final List<Message> HISTORY = List.of(Message.system("sys"), Message.user("hi"),
            Message.assistant(null, new FunctionCall("f", "{}")), Message.function("f", "obs"),
            Message.user("diversity").invalid());

    @Test
    void toolbench_profile_sends_functions_without_invalid_messages_and_reads_function_call() throws Exception {
        server.enqueue(new MockResponse.Builder().body("""
                {"choices":[{"message":{"role":"assistant","content":null,
                  "function_call":{"name":"functions.Finish","arguments":"{\\"return_type\\": \\"give_up_and_restart\\"}"}}}],
                 "usage":{"prompt_tokens":100,"completion_tokens":20,"total_tokens":120}}""").build());
        try (OpenAiChatBackend backend = backend(1)) {
            Reply reply = backend.complete(request(Profile.TOOLBENCH, HISTORY));

            assertThat(reply.errorCode()).isZero();
            assertThat(reply.message().content()).isNull();
            assertThat(reply.message().functionCall().name()).isEqualTo("Finish");
            assertThat(reply.totalTokens()).isEqualTo(120);
        }
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test");
        JsonNode body = Json.parse(sent.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("gpt-test");
        assertThat(body.path("messages")).hasSize(4);
        assertThat(body.path("messages").get(2).path("function_call").path("name").asText()).isEqualTo("f");
        assertThat(body.path("functions").get(0).path("name").asText()).isEqualTo("Finish");
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
    }

    @Test
    void stabletoolbench_profile_sends_wrapped_tools_and_reads_parallel_tool_calls() throws Exception {
        server.enqueue(new MockResponse.Builder().body("""
                {"choices":[{"message":{"role":"assistant","content":"two calls","tool_calls":[
                  {"id":"c1","type":"function","function":{"name":"a","arguments":"{}"}},
                  {"id":"c2","type":"function","function":{"name":"b","arguments":"{\\"x\\": 1}"}}]}}],
                 "usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}""").build());
        try (OpenAiChatBackend backend = backend(1)) {
            Reply reply = backend.complete(request(Profile.STABLETOOLBENCH, HISTORY));

            assertThat(reply.message().toolCalls()).extracting(t -> t.id() + ":" + t.function().name())
                    .containsExactly("c1:a", "c2:b");
        }
        JsonNode body = Json.parse(server.takeRequest().getBody().utf8());
        assertThat(body.path("tools").get(0).path("type").asText()).isEqualTo("function");
        assertThat(body.path("messages").get(2).has("function_call")).isFalse();
    }

    @Test
    void a_failing_endpoint_is_tried_again_and_then_becomes_a_failed_reply() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
        }
        try (OpenAiChatBackend backend = backend(3)) {
            Reply reply = backend.complete(request(Profile.TOOLBENCH, HISTORY.subList(0, 2)));

            assertThat(reply.errorCode()).isEqualTo(-1);
            assertThat(reply.message().content()).contains("HTTP 500").contains("boom");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void the_call_cache_answers_an_identical_request_without_asking_the_server(@TempDir Path dir) {
        server.enqueue(new MockResponse.Builder().body("""
                {"choices":[{"message":{"role":"assistant","content":"hello"}}],"usage":{"total_tokens":3}}""").build());
        try (SqliteDatabase database = SqliteDatabase.open(dir.resolve("llm.sqlite"));
                CachingBackend cached = new CachingBackend(backend(1), new KeyedCache(database, CachingBackend.TABLE))) {
            Reply first = cached.complete(request(Profile.TOOLBENCH, HISTORY.subList(0, 2)));
            Reply second = cached.complete(request(Profile.TOOLBENCH, HISTORY.subList(0, 2)));

            assertThat(second).isEqualTo(first);
            assertThat(cached.hits()).isEqualTo(1);
            // Another trial is another key.
            server.enqueue(new MockResponse.Builder().body("""
                    {"choices":[{"message":{"role":"assistant","content":"again"}}]}""").build());
            ChatRequest trial1 = new ChatRequest(HISTORY.subList(0, 2), first(), Profile.TOOLBENCH, "e", 1, false);
            assertThat(cached.complete(trial1).message().content()).isEqualTo("again");
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    private static io.stave.bench.schema.FunctionSet first() {
        return request(Profile.TOOLBENCH, List.of()).functions();
    }
}
