package io.stave.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stave.BadInputException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolServerExecutorTest {

    /** The first call of StableToolBench query 1073 (toolbench.md §7.4 worked example). */
    private static final ToolCall CALL = ToolCall.of("Data", "keyword_analysis", "popularsitesforquery",
            "{\n  \"q\": \"birthday party ideas\"\n}");

    private final String key = "tb-" + UUID.randomUUID();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Executor executor(String options) {
        return ToolsSpec.builder()
                .environment(Map.of("TOOLBENCH_KEY", key)::get)
                .settings(HttpSettings.builder().sleeper(sleeper).build())
                .build()
                .open("toolbench:" + server.url("/rapidapi") + options);
    }

    private static MockResponse reply(int code, String body) {
        return new MockResponse.Builder().code(code).body(body).build();
    }

    @Test
    void the_request_body_and_header_are_exactly_the_specs() throws Exception {
        server.enqueue(reply(200, "{\"error\":\"\",\"response\":\"[{\\\"name\\\":\\\"pinterest.com\\\",\\\"score\\\":0.087}]\"}"));
        Observation observation = executor("").execute(CALL);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getBody().utf8()).isEqualTo("{\"category\": \"Data\", \"tool_name\": \"keyword_analysis\","
                + " \"api_name\": \"popularsitesforquery\", \"tool_input\": \"{\\n  \\\"q\\\": \\\"birthday party ideas\\\"\\n}\","
                + " \"strip\": \"truncate\", \"toolbench_key\": \"" + key + "\"}");
        assertThat(request.getHeaders().get("toolbench_key")).isEqualTo(key);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        // The server's compact JSON comes back re-serialised the Python way.
        assertThat(observation.text())
                .isEqualTo("{\"error\": \"\", \"response\": \"[{\\\"name\\\":\\\"pinterest.com\\\",\\\"score\\\":0.087}]\"}");
        assertThat(observation.status()).isZero();
        assertThat(observation.source()).isEqualTo(ObservationSource.LIVE);
        assertThat(observation.simulated()).isFalse();
    }

    @Test
    void non_ascii_in_a_reply_is_escaped_as_json_dumps_does() {
        server.enqueue(reply(200, "{\"error\":\"\",\"response\":\"S\u00e3o Paulo \ud83d\ude00\"}"));
        assertThat(executor("").execute(CALL).text())
                .isEqualTo("{\"error\": \"\", \"response\": \"S\\u00e3o Paulo \\ud83d\\ude00\"}");
    }

    @Test
    void http_500_is_retried_then_gives_status_12_with_the_status_code() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(reply(500, "boom"));
        }
        Executor executor = executor(",retries=2,rate=0");
        Observation observation = executor.execute(CALL);
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(observation.text()).isEqualTo("{\"error\": \"request invalid, data error. status_code=500\", \"response\": \"\"}");
        assertThat(observation.status()).isEqualTo(12);
        assertThat(executor.counters().get("http_5xx")).isEqualTo(3);
        assertThat(executor.counters().get("retry")).isEqualTo(2);
        // Exponential back-off: the second wait is longer than the first.
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(1)).isGreaterThan(sleeper.waits.get(0));
    }

    @Test
    void http_429_waits_at_least_retry_after_then_succeeds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("slow down").build());
        server.enqueue(reply(200, "{\"error\": \"\", \"response\": \"ok\"}"));
        Executor executor = executor(",rate=0");
        Observation observation = executor.execute(CALL);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.waits).anySatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(7)));
        assertThat(observation.text()).isEqualTo("{\"error\": \"\", \"response\": \"ok\"}");
        assertThat(executor.counters().get("http_429")).isEqualTo(1);
        assertThat(executor.counters().get("retry_after_wait")).isEqualTo(1);
    }

    @Test
    void http_400_is_not_retried() {
        server.enqueue(reply(400, "bad"));
        Observation observation = executor(",rate=0").execute(CALL);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(observation.text()).isEqualTo("{\"error\": \"request invalid, data error. status_code=400\", \"response\": \"\"}");
        assertThat(observation.status()).isEqualTo(12);
    }

    @Test
    void a_timeout_after_retries_gives_status_5() {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS).body("{}").build());
        }
        Executor executor = executor(",timeout=0.3,retries=1,rate=0");
        Observation observation = executor.execute(CALL);
        assertThat(observation.text()).isEqualTo("{\"error\": \"Timeout error...\", \"response\": \"\"}");
        assertThat(observation.status()).isEqualTo(5);
        assertThat(executor.counters().get("timeout")).isEqualTo(2);
    }

    @Test
    void a_body_that_is_not_json_gives_status_12() {
        server.enqueue(reply(200, "<html>gateway</html>"));
        Executor executor = executor(",rate=0");
        Observation observation = executor.execute(CALL);
        assertThat(observation.text()).isEqualTo("{\"error\": \"request invalid, data error\", \"response\": \"\"}");
        assertThat(observation.status()).isEqualTo(12);
        assertThat(executor.counters().get("non_json")).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "API not working error...|6",
        "Unauthorized error...|7",
        "Unsubscribed error...|8",
        "Too many requests error...|9",
        "Rate limit per minute error...|10",
        "Message error...|11",
        "Rate limit error...|0",
        "Gateway error...|0",
        "Blocked error...|0",
        "Tool input parse error...|0",
    })
    void each_server_error_string_maps_to_its_status_code(String error, int status) {
        server.enqueue(reply(200, "{\"error\": \"" + error + "\", \"response\": \"r\"}"));
        Observation observation = executor(",rate=0").execute(CALL);
        assertThat(observation.status()).isEqualTo(status);
        assertThat(observation.text()).isEqualTo("{\"error\": \"" + error + "\", \"response\": \"r\"}");
        // ToolBench's client sleeps 10 s after a per-minute rate limit, and only then.
        assertThat(sleeper.waits.contains(Duration.ofSeconds(10))).isEqualTo(status == 10);
    }

    @Test
    void a_dead_server_opens_the_circuit_breaker_and_later_calls_fail_at_once() throws Exception {
        String url = server.url("/rapidapi").toString();
        server.close();
        Executor executor = ToolsSpec.builder()
                .environment(Map.of("TOOLBENCH_KEY", key)::get)
                .settings(HttpSettings.builder().sleeper(sleeper).breakerThreshold(2).build())
                .build()
                .open("toolbench:" + url + ",retries=1,rate=0");
        for (int i = 0; i < 2; i++) {
            assertThat(executor.execute(CALL).status()).isEqualTo(12);
        }
        long ioErrors = executor.counters().get("io_error");
        Observation third = executor.execute(CALL);
        assertThat(third.status()).isEqualTo(12);
        assertThat(third.text()).isEqualTo("{\"error\": \"request invalid, data error\", \"response\": \"\"}");
        assertThat(executor.counters().get("circuit_open")).isEqualTo(1);
        assertThat(executor.counters().get("io_error")).isEqualTo(ioErrors);
    }

    @Test
    void the_virtual_server_gets_an_empty_key_and_no_pacing() throws Exception {
        server.enqueue(reply(200, "{\"error\": \"\", \"response\": {\"a\": 1.0}}"));
        server.enqueue(reply(200, "{\"error\": \"\", \"response\": {\"a\": 1.0}}"));
        Executor executor = ToolsSpec.builder().environment(k -> null).settings(
                HttpSettings.builder().sleeper(sleeper).build()).build().open("stable:" + server.url("/virtual"));
        Observation observation = executor.execute(CALL);
        executor.execute(CALL);
        assertThat(observation.text()).isEqualTo("{\"error\": \"\", \"response\": {\"a\": 1.0}}");
        assertThat(server.takeRequest().getBody().utf8()).endsWith("\"strip\": \"truncate\", \"toolbench_key\": \"\"}");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void a_missing_key_fails_before_any_call_naming_the_variable() {
        assertThatThrownBy(() -> ToolsSpec.builder().environment(k -> null).build()
                .open("toolbench:" + server.url("/rapidapi")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("TOOLBENCH_KEY");
        assertThat(server.getRequestCount()).isZero();
    }
}
