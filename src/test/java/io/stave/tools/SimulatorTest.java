package io.stave.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.Api;
import io.stave.bench.Query;
import io.stave.bench.data.QueryFiles;
import io.stave.bench.py.Json;
import io.stave.bench.Names;
import io.stave.store.CanonicalJson;
import io.stave.store.Provenance;
import io.stave.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {

    @TempDir
    Path dir;

    /** The first API of the StableToolBench G1_instruction test set that has a template_response. */
    private static ToolCall callWithTemplate(String arguments) {
        Path file = Shared.stableToolBench().resolve("solvable_queries/test_instruction/G1_instruction.json");
        for (Query query : QueryFiles.read(file)) {
            for (Api api : query.apis()) {
                if (api.templateResponse() != null && api.templateResponse().isObject()) {
                    return new ToolCall(api.categoryName(), Names.standardize(api.toolName()), Names.pureApiName(api.name()),
                            Names.pureApiName(api.name()) + "_for_" + Names.standardize(api.toolName()), arguments, api, null);
                }
            }
        }
        throw new AssertionError("no API with a template_response in " + file);
    }

    @Test
    void schema_simulation_is_deterministic_follows_the_template_and_is_marked() {
        ToolCall call = callWithTemplate("{\"q\": \"one\"}");
        Observation first = new SchemaSimulator().execute(call);
        Observation again = new SchemaSimulator().execute(call);
        Observation other = new SchemaSimulator().execute(call.withEpisode("another/episode"));
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(other.text()).isEqualTo(first.text());
        Observation differentInput = new SchemaSimulator().execute(new ToolCall(call.category(), call.toolName(),
                call.apiName(), call.functionName(), "{\"q\": \"two\"}", call.api(), null));
        assertThat(differentInput.text()).isNotEqualTo(first.text());
        assertThat(first.simulated()).isTrue();
        assertThat(first.source()).isEqualTo(ObservationSource.SIMULATED);
        assertThat(first.status()).isZero();
        JsonNode response = Json.parse(first.text()).get("response");
        assertThat(response.isObject()).isTrue();
        // Same keys as the schema, in its order.
        assertThat(Json.MAPPER.convertValue(response, Map.class).keySet())
                .containsExactlyElementsOf(Json.MAPPER.convertValue(call.api().templateResponse(), Map.class).keySet());
    }

    @Test
    void a_cache_with_miss_simulate_replays_the_simulated_text_still_marked() throws Exception {
        Path cacheFile = dir.resolve("sim.sqlite");
        ToolCall call = callWithTemplate("{\"q\": \"one\"}");
        try (Executor executor = ToolsSpec.builder().build().open("cache:" + cacheFile + ",miss=simulate")) {
            Observation made = executor.execute(call);
            Observation replayed = executor.execute(call);
            assertThat(made.source()).isEqualTo(ObservationSource.SIMULATED);
            assertThat(replayed.source()).isEqualTo(ObservationSource.CACHE);
            assertThat(replayed.text()).isEqualTo(made.text());
            assertThat(replayed.simulated()).isTrue();
        }
    }

    @Test
    void the_llm_simulator_sends_stabletoolbench_prompts_and_records_its_reply() throws Exception {
        String key = "sk-" + UUID.randomUUID();
        Path cacheFile = dir.resolve("llm-sim.sqlite");
        try (ToolCache cache = ToolCache.open(cacheFile)) {
            cache.putReply(new CacheCoordinates("Data", "keyword_analysis_for_Data", "popularsitesforquery", "{'q': 'a'}"),
                    Json.parse("{\"error\": \"\", \"response\": \"r1\"}"), Provenance.of("cache-import"));
        }
        Path tools = dir.resolve("tools/Data");
        Files.createDirectories(tools);
        Files.writeString(tools.resolve("keyword_analysis.json"), """
                {"tool_name": "Keyword Analysis", "tool_description": "Find sites",
                 "api_list": [{"name": "PopularSitesForQuery", "description": "Popular sites", "url": "", "method": "GET"},
                              {"name": "QueryKeywords", "description": "Keywords", "url": "", "method": "GET"}]}
                """);
        ToolCall call = ToolCall.of("Data", "keyword_analysis", "popularsitesforquery", "{\"q\": \"wedding\"}");
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(chat("```json\n{\"error\": \"\", \"response\": \"simulated sites\"}\n```"));
            String spec = "cache:" + cacheFile + ",miss=simulate:openai:gpt-4-turbo@" + server.url("/v1") + ",docs=" + dir.resolve("tools");
            try (Executor executor = ToolsSpec.builder().environment(Map.of("OPENAI_API_KEY", key)::get).build().open(spec)) {
                Observation observation = executor.execute(call);
                assertThat(observation.text()).isEqualTo("{\"error\": \"\", \"response\": \"simulated sites\"}");
                assertThat(observation.simulated()).isTrue();
                assertThat(observation.source()).isEqualTo(ObservationSource.SIMULATED);

                RecordedRequest request = server.takeRequest();
                assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
                assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + key);
                JsonNode body = Json.parse(request.getBody().utf8());
                assertThat(body.get("model").asText()).isEqualTo("gpt-4-turbo");
                assertThat(body.get("temperature").asInt()).isZero();
                assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
                assertThat(body.get("response_format").get("type").asText()).isEqualTo("json_object");
                String system = body.get("messages").get(0).get("content").asText();
                // Appendix A of the spec: length and SHA-256 of STB_SIMULATOR_SYSTEM_PROMPT.
                assertThat(system.codePointCount(0, system.length())).isEqualTo(3995);
                assertThat(CanonicalJson.sha256Hex(system))
                        .isEqualTo("cb0a04b8c63e55ae9653b343596d278e2645cee8ddae1e8d48459672966eec66");
                assertThat(body.get("messages").get(1).get("content").asText()).isEqualTo(
                        "API Documentation:{'tool_description': 'Find sites', 'api_info': [{'name': 'PopularSitesForQuery',"
                                + " 'description': 'Popular sites'}]}\n"
                                + "API Examples:[(\"{'q': 'a'}\", {'error': '', 'response': 'r1'})]\n"
                                + "API Input:{'q': 'wedding'}\n");

                Observation replayed = executor.execute(call);
                assertThat(replayed.text()).isEqualTo(observation.text());
                assertThat(replayed.simulated()).isTrue();
                assertThat(server.getRequestCount()).isEqualTo(1);
            }
        }
        assertThat(StbCacheTest.filesContain(dir, key)).isFalse();
    }

    @Test
    void three_unparseable_llm_replies_give_the_failure_reply_which_is_not_cached() throws Exception {
        Path cacheFile = dir.resolve("fail.sqlite");
        ToolCall call = ToolCall.of("Data", "keyword_analysis", "popularsitesforquery", "{\"q\": \"x\"}");
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int i = 0; i < 6; i++) {
                server.enqueue(chat("Sure! Here is the response: {broken"));
            }
            try (Executor executor = ToolsSpec.builder().environment(k -> null).build()
                    .open("cache:" + cacheFile + ",miss=simulate:openai:m@" + server.url("/v1"))) {
                Observation observation = executor.execute(call);
                assertThat(observation.text()).isEqualTo("{\"error\": \"Failed to generate fake response\", \"response\": \"\"}");
                assertThat(server.getRequestCount()).isEqualTo(3);
                assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
                // Not cached: the next identical call asks the model again (three more attempts).
                executor.execute(call);
                assertThat(server.getRequestCount()).isEqualTo(6);
            }
        }
    }

    private static MockResponse chat(String content) {
        String body = Json.NODES.objectNode().set("choices", Json.NODES.arrayNode().add(Json.NODES.objectNode()
                .set("message", Json.NODES.objectNode().put("role", "assistant").put("content", content)))).toString();
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }
}
