package io.stave.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import io.stave.bench.py.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RapidApiExecutorTest {

    @TempDir
    Path dir;

    private final String key = "rk-" + UUID.randomUUID();

    private Executor executor(MockWebServer server) throws Exception {
        Path tools = dir.resolve("tools/Business");
        Files.createDirectories(tools);
        Files.writeString(tools.resolve("zoopla_v2.json"), """
                {"tool_name": "Zoopla v2", "tool_description": "Properties", "api_list": [
                  {"name": "properties/get-broadband", "url": "%s", "method": "GET",
                   "required_parameters": [{"name": "listing_id", "type": "NUMBER", "description": "", "default": "1"}],
                   "optional_parameters": [{"name": "ID", "type": "STRING", "description": "", "default": ""}]},
                  {"name": "properties/{id}/notes", "url": "%s", "method": "POST",
                   "required_parameters": [{"name": "id", "type": "STRING", "description": "", "default": ""}],
                   "optional_parameters": []}]}
                """.formatted(server.url("/properties/get-broadband"), server.url("/") + "properties/{id}/notes"));
        return ToolsSpec.builder().environment(Map.of("RAPIDAPI_KEY", key)::get).build()
                .open("rapidapi,docs=" + dir.resolve("tools") + ",retries=0");
    }

    @Test
    void a_get_call_sends_the_documented_parameter_names_and_the_rapidapi_headers() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("{\"speed\": 80, \"ok\": true}").build());
            Observation observation = executor(server).execute(ToolCall.of("Business", "zoopla_v2", "properties_get_broadband",
                    "{\"listing_id\": 56354192, \"is_id\": \"a b\"}"));
            RecordedRequest request = server.takeRequest();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getUrl().queryParameter("listing_id")).isEqualTo("56354192");
            assertThat(request.getUrl().queryParameter("ID")).isEqualTo("a b");
            assertThat(request.getHeaders().get("X-RapidAPI-Key")).isEqualTo(key);
            assertThat(request.getHeaders().get("X-RapidAPI-Host")).isEqualTo(server.getHostName());
            // Success: response = str(output), the Python repr of the decoded JSON.
            assertThat(observation.text()).isEqualTo("{\"error\": \"\", \"response\": \"{'speed': 80, 'ok': True}\"}");
            assertThat(observation.source()).isEqualTo(ObservationSource.LIVE);
        }
    }

    @Test
    void a_post_call_fills_path_placeholders_and_sends_the_rest_as_json() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("plain text reply").build());
            Observation observation = executor(server).execute(ToolCall.of("Business", "zoopla_v2", "properties_id_notes",
                    "{\"is_id\": \"42\"}"));
            RecordedRequest request = server.takeRequest();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/properties/42/notes");
            assertThat(request.getBody().utf8()).isEqualTo("{}");
            assertThat(observation.text()).isEqualTo("{\"error\": \"\", \"response\": \"plain text reply\"}");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Your Client (working) ---> Gateway (working) ---> API (not working) error|API not working error...|6",
        "{\"message\": \"You are not subscribed to this API.\"}|Unsubscribed error...|8",
        "{\"message\": \"Invalid API key. unauthorized\"}|Unauthorized error...|7",
        "{\"message\": \"Too many requests\"}|Too many requests error...|9",
        "{\"message\": \"You have exceeded the MONTHLY quota\"}|Rate limit error...|0",
        "Access restricted. Check credits balance or enter the correct API key.|Rate limit error...|0",
        "Oops, an error in the gateway has occurred.|Gateway error...|0",
        "Blocked User. Please contact your API provider.|Blocked error...|0",
        "{\"error\": \"not found\"}|Message error...|11",
        "{\"data\": []}|''|0",
    })
    void raw_outputs_are_classified_in_the_servers_order(String body, String error, int status) {
        var reply = RapidApiExecutor.classify(body.startsWith("{") ? Json.parse(body) : body);
        assertThat(reply.get("error").asText()).isEqualTo(error);
        assertThat(Observations.ofReply(reply, ObservationSource.LIVE, false).status()).isEqualTo(status);
    }

    @Test
    void the_response_is_cut_to_2048_code_points() {
        var reply = RapidApiExecutor.classify("z".repeat(3000));
        assertThat(reply.get("response").asText()).hasSize(2048);
    }

    @Test
    void a_missing_rapidapi_key_fails_before_any_call() {
        assertThatThrownBy(() -> ToolsSpec.builder().environment(k -> null).build().open("rapidapi,docs=" + dir))
                .isInstanceOf(BadInputException.class).hasMessageContaining("RAPIDAPI_KEY");
    }
}
