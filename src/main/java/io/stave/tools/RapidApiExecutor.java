package io.stave.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Names;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyRepr;
import io.stave.bench.py.PyStrings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * {@code rapidapi}: calls the RapidAPI endpoint described in the tool documentation with the
 * user's key ({@code RAPIDAPI_KEY}) and classifies the raw output as ToolBench's server does
 * (toolbench.md §7.1 note, §7.3): the reply is {@code {"error": <class>, "response": str(output)[:2048]}}.
 * It never executes the Python wrappers of the tool folder.
 */
public final class RapidApiExecutor implements Executor {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int RESPONSE_MAX_LENGTH = 2048;

    private final ToolDocs docs;
    private final String key;
    private final ResilientHttp http;
    private final ExecutorCounters counters = new ExecutorCounters();

    public RapidApiExecutor(ToolDocs docs, String key, HttpSettings settings) {
        this.docs = docs;
        this.key = key;
        this.http = settings.http(counters);
    }

    @Override
    public Observation execute(ToolCall call) {
        long start = System.nanoTime();
        Observation observation = observe(call).withLatencyMs((System.nanoTime() - start) / 1_000_000);
        counters.record(observation);
        return observation;
    }

    private Observation observe(ToolCall call) {
        JsonNode input = CacheCoordinates.parseToolInput(call.arguments());
        if (input == null || !input.isObject()) {
            return Observations.ofReply(Observations.errorReply("Tool input parse error...\n"), ObservationSource.LOCAL,
                    false);
        }
        JsonNode api = docs.tool(call.category(), call.toolName())
                .flatMap(tool -> ToolDocs.api(tool, call.apiName()))
                .orElse(null);
        if (api == null) {
            return Observations.ofReply(Observations.errorReply("Function executing error...\nno documentation for "
                    + call.category() + "/" + call.toolName() + " " + call.apiName()), ObservationSource.LOCAL, false);
        }
        HttpOutcome outcome = http.send(request(api, (ObjectNode) input));
        return switch (outcome) {
            case HttpOutcome.Reply reply -> Observations.ofReply(classify(output(reply.body())), ObservationSource.LIVE,
                    false);
            case HttpOutcome.Timeout timeout -> Observations.timeout();
            case HttpOutcome.Failure failure -> Observations.undecodable();
            case HttpOutcome.CircuitOpen open -> Observations.undecodable();
        };
    }

    /** The RapidAPI request: path placeholders filled, GET parameters in the query, others as a JSON body. */
    Request request(JsonNode api, ObjectNode input) {
        Map<String, JsonNode> byRawName = new LinkedHashMap<>();
        input.properties().forEach(e -> byRawName.put(rawName(api, e.getKey()), e.getValue()));
        String url = api.path("url").asText();
        for (var it = byRawName.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            String placeholder = "{" + e.getKey() + "}";
            if (url.contains(placeholder)) {
                url = url.replace(placeholder, URLEncoder.encode(text(e.getValue()), StandardCharsets.UTF_8));
                it.remove();
            }
        }
        HttpUrl parsed = HttpUrl.get(url);
        String method = api.path("method").asText("GET").toUpperCase(Locale.ROOT);
        Request.Builder request = new Request.Builder()
                .header("X-RapidAPI-Key", key)
                .header("X-RapidAPI-Host", parsed.host());
        if (method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")) {
            HttpUrl.Builder withQuery = parsed.newBuilder();
            byRawName.forEach((name, value) -> withQuery.addQueryParameter(name, text(value)));
            request.url(withQuery.build()).method(method, null);
        } else {
            ObjectNode body = Json.NODES.objectNode();
            byRawName.forEach(body::set);
            request.url(parsed).method(method, RequestBody.create(body.toString(), JSON));
        }
        return request.build();
    }

    /** {@code response.json()} when the body is JSON, else the text (what the generated wrappers return). */
    private static Object output(String body) {
        try {
            return Json.parse(body);
        } catch (RuntimeException e) {
            return body;
        }
    }

    /** The error classification of §7.3 on {@code str(output)}, in its order. */
    static ObjectNode classify(Object output) {
        String s = PyRepr.str(output);
        String error;
        if (s.contains("Your Client (working) ---> Gateway (working) ---> API (not working)")) {
            error = "API not working error...";
        } else if (s.contains("Unauthorized") || s.contains("unauthorized")) {
            error = "Unauthorized error...";
        } else if (s.contains("You are not subscribed to this API.")) {
            error = "Unsubscribed error...";
        } else if (s.contains("Too many requests")) {
            error = "Too many requests error...";
        } else if (s.contains("You have exceeded") || s.contains("you are being rate limited")
                || s.contains("Access restricted. Check credits balance or enter the correct API key.")) {
            error = "Rate limit error...";
        } else if (s.contains("Oops, an error in the gateway has occurred.")) {
            error = "Gateway error...";
        } else if (s.contains("Blocked User. Please contact your API provider.")) {
            error = "Blocked error...";
        } else if (s.contains("error")) {
            error = "Message error...";
        } else {
            error = "";
        }
        ObjectNode reply = Json.NODES.objectNode();
        reply.put("error", error);
        reply.put("response", PyStrings.head(s, RESPONSE_MAX_LENGTH));
        return reply;
    }

    /** The documented parameter name whose standardised form is the model's argument name. */
    private static String rawName(JsonNode api, String argument) {
        for (String list : new String[] {"required_parameters", "optional_parameters"}) {
            for (JsonNode parameter : api.path(list)) {
                String name = parameter.path("name").asText();
                if (Names.changeName(Names.standardize(name)).equals(argument)) {
                    return name;
                }
            }
        }
        return argument;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.textValue() : PyRepr.str(value);
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
