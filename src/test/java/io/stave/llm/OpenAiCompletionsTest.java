package io.stave.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.Profile;
import io.stave.bench.Query;
import io.stave.bench.ToolCatalog;
import io.stave.bench.chat.Message;
import io.stave.bench.prompt.HistoryStyle;
import io.stave.bench.py.Json;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.SchemaOptions;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** A served ToolLLaMA through {@code /v1/completions} (spec/toolbench.md §4.5.4). */
class OpenAiCompletionsTest {

    @Test
    void the_prompt_goes_out_with_the_decoding_settings_and_the_text_comes_back_stripped() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("""
                    {"choices":[{"text":"  Thought: x\\nAction: Finish\\nAction Input: {}\\n"}],
                     "usage":{"prompt_tokens":900,"completion_tokens":12}}""").build());
            try (OpenAiCompletions model = new OpenAiCompletions("ToolLLaMA-2-7b-v2", server.url("/v1").toString(), null,
                    0.5, 512, 1, Duration.ZERO, Duration.ofSeconds(10))) {
                TextCompletion.Completion completion = model.complete("System: s\nAssistant:\n");

                assertThat(completion.error()).isNull();
                assertThat(completion.text()).isEqualTo("Thought: x\nAction: Finish\nAction Input: {}");
                assertThat(completion.promptTokens()).isEqualTo(900);
                assertThat(completion.completionTokens()).isEqualTo(12);
            }
            var request = server.takeRequest();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/completions");
            assertThat(request.getHeaders().get("Authorization")).isNull();
            JsonNode body = Json.parse(request.getBody().utf8());
            assertThat(body.path("prompt").asText()).isEqualTo("System: s\nAssistant:\n");
            assertThat(body.path("max_tokens").asInt()).isEqualTo(512);
            assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
            assertThat(body.path("stop").get(0).asText()).isEqualTo("</s>");
        }
    }

    @Test
    void a_server_that_keeps_failing_gives_a_failed_completion_not_an_exception() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
            server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
            try (OpenAiCompletions model = new OpenAiCompletions("m", server.url("/v1").toString(), null, 0, 16, 2,
                    Duration.ZERO, Duration.ofSeconds(10))) {
                Query query = new Query("1", "q", List.of(), List.of());
                ChatRequest request = new ChatRequest(List.of(Message.user("u")),
                        FunctionSchemas.build(query, ToolCatalog.NONE, SchemaOptions.of(Profile.TOOLBENCH)),
                        Profile.TOOLBENCH, "e", 0, false);

                Reply reply = new ToolLlamaBackend(model, HistoryStyle.STB_GENERATION).complete(request);

                assertThat(reply.errorCode()).isEqualTo(-1);
                assertThat(reply.message().content()).contains("HTTP 502").contains("bad gateway");
            }
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }
}
