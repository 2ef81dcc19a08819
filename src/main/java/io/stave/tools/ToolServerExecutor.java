package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A ToolBench-protocol tool server: the real-API server ({@code toolbench:URL}, {@code /rapidapi})
 * or StableToolBench's virtual server ({@code stable:URL}, {@code /virtual}); toolbench.md §7.1–7.2,
 * observations as §5.3.
 */
public final class ToolServerExecutor implements Executor {

    private static final MediaType JSON = MediaType.get("application/json");

    private final String url;
    private final String key;
    private final String strip;
    private final HttpSettings settings;
    private final ResilientHttp http;
    private final ExecutorCounters counters = new ExecutorCounters();

    /**
     * @param key the ToolBench key ({@code TOOLBENCH_KEY}); empty for the virtual server
     * @param strip the observation compression the server applies: truncate, filter or random
     */
    public ToolServerExecutor(String url, String key, String strip, HttpSettings settings) {
        this.url = url;
        this.key = key;
        this.strip = strip;
        this.settings = settings;
        this.http = settings.http(counters);
    }

    /** The request body of §7.1, keys in order, serialised as Python's requests does ({@code json.dumps}). */
    String requestBody(ToolCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", call.category());
        body.put("tool_name", call.toolName());
        body.put("api_name", call.apiName());
        body.put("tool_input", call.arguments());
        body.put("strip", strip);
        body.put("toolbench_key", key);
        return PyJson.dumps(body);
    }

    @Override
    public Observation execute(ToolCall call) {
        long start = System.nanoTime();
        Request request = new Request.Builder()
                .url(url)
                .header("toolbench_key", key)
                .post(RequestBody.create(requestBody(call), JSON))
                .build();
        Observation observation = observe(http.send(request));
        if (observation.status() == StatusCodes.RATE_LIMIT_PER_MINUTE) {
            settings.sleeper().sleep(settings.rateLimitPause());
        }
        observation = observation.withLatencyMs((System.nanoTime() - start) / 1_000_000);
        counters.record(observation);
        return observation;
    }

    private Observation observe(HttpOutcome outcome) {
        return switch (outcome) {
            case HttpOutcome.Reply reply when reply.status() != 200 -> Observations.httpError(reply.status());
            case HttpOutcome.Reply reply -> {
                JsonNode parsed;
                try {
                    parsed = Json.parse(reply.body());
                } catch (RuntimeException e) {
                    counters.increment("non_json");
                    yield Observations.undecodable();
                }
                yield Observations.ofReply(parsed, ObservationSource.LIVE, false);
            }
            case HttpOutcome.Timeout timeout -> Observations.timeout();
            case HttpOutcome.Failure failure -> Observations.undecodable();
            case HttpOutcome.CircuitOpen open -> Observations.undecodable();
        };
    }

    @Override
    public ExecutorCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        http.close();
    }
}
