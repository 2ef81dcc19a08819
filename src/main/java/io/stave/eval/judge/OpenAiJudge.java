package io.stave.eval.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ToolEval's judge over an OpenAI-compatible chat-completions endpoint (§9.2), with a thin OkHttp +
 * Jackson client so the request is exactly ToolEval's: one user message holding the formatted
 * description, the config's completion settings, and the one function forced — legacy
 * {@code functions}/{@code function_call} (ToolBench) or {@code tools}/{@code tool_choice}
 * (StableToolBench). A failed attempt (HTTP error, no function call, arguments that are not a JSON
 * object with a valid verdict) is retried, at most {@code maxAttempts} in all.
 */
public final class OpenAiJudge implements Judge {

    /** How the function is offered: the legacy API of ToolBench or the tools API of StableToolBench. */
    public enum ApiStyle {
        FUNCTIONS,
        TOOLS
    }

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiJudge.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final String model;
    private final String baseUrl;
    private final String apiKey;
    private final ApiStyle apiStyle;
    private final ToolEvalTemplate template;
    private final OkHttpClient client;
    private final int maxAttempts;
    private final Duration retryWait;

    private OpenAiJudge(Builder b) {
        this.model = b.model;
        this.baseUrl = b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
        this.apiKey = b.apiKey;
        this.apiStyle = b.apiStyle;
        this.template = b.template;
        this.client = b.client != null ? b.client : new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(120))
                .callTimeout(Duration.ofSeconds(180))
                .build();
        this.maxAttempts = b.maxAttempts;
        this.retryWait = b.retryWait;
    }

    public static Builder builder(String model) {
        return new Builder(model);
    }

    @Override
    public String id() {
        return "openai:" + model + (baseUrl.equals(Builder.DEFAULT_BASE_URL) ? "" : "@" + baseUrl);
    }

    public String model() {
        return model;
    }

    @Override
    public ObjectNode request(JudgeCall call) {
        return requestBody(call);
    }

    /** The request body of a call, exactly as sent (also the basis of the cache key). */
    public ObjectNode requestBody(JudgeCall call) {
        ObjectNode body = template.completionKwargs();
        body.put("model", model);
        var messages = body.putArray("messages");
        for (ToolEvalTemplate.TemplateMessage m : template.messages(call.function(), call.arguments())) {
            ObjectNode message = messages.addObject();
            message.put("role", m.role());
            message.put("content", m.content());
        }
        ObjectNode schema = template.schema(call.function(), call.returnReason());
        String name = call.function().functionName();
        if (apiStyle == ApiStyle.FUNCTIONS) {
            body.putArray("functions").add(schema);
            body.putObject("function_call").put("name", name);
        } else {
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("type", "function");
            tool.set("function", schema);
            ObjectNode choice = body.putObject("tool_choice");
            choice.put("type", "function");
            choice.putObject("function").put("name", name);
        }
        return body;
    }

    @Override
    public JudgeReply call(JudgeCall call) {
        String body;
        try {
            body = Json.MAPPER.writeValueAsString(requestBody(call));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String problem = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                pause(attempt);
            }
            try {
                return parse(call.function(), post(body));
            } catch (IOException | ReplyProblem e) {
                problem = e.getMessage();
                LOG.warn("judge {} {} attempt {}/{} failed: {}", id(), call.function().functionName(), attempt, maxAttempts, problem);
            }
        }
        throw new JudgeException("judge " + id() + ": " + call.function().functionName() + " for query "
                + call.context().qid() + " failed after " + maxAttempts + " attempts: " + problem);
    }

    private String post(String body) throws IOException {
        Request request = new Request.Builder()
                .url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(body, JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            String text = responseBody == null ? "" : responseBody.string();
            if (!response.isSuccessful()) {
                throw new ReplyProblem("HTTP " + response.code() + " " + abbreviate(text));
            }
            return text;
        }
    }

    /** {@code function_call.arguments} (or the first tool call's) parsed as JSON, with a valid verdict. */
    JudgeReply parse(JudgeFunction function, String responseText) {
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(responseText);
        } catch (JsonProcessingException e) {
            throw new ReplyProblem("response is not JSON: " + abbreviate(responseText));
        }
        JsonNode message = response.path("choices").path(0).path("message");
        JsonNode arguments = apiStyle == ApiStyle.FUNCTIONS
                ? message.path("function_call").path("arguments")
                : message.path("tool_calls").path(0).path("function").path("arguments");
        if (!arguments.isTextual()) {
            throw new ReplyProblem("reply has no call of " + function.functionName());
        }
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(arguments.asText());
        } catch (JsonProcessingException e) {
            throw new ReplyProblem("function arguments are not JSON: " + abbreviate(arguments.asText()));
        }
        if (parsed == null || !parsed.isObject()) {
            throw new ReplyProblem("function arguments are not a JSON object: " + abbreviate(arguments.asText()));
        }
        if (!template.validVerdict(function, parsed.get(function.resultField()))) {
            throw new ReplyProblem("no valid " + function.resultField() + " in " + abbreviate(arguments.asText()));
        }
        return new JudgeReply((ObjectNode) parsed);
    }

    private void pause(int attempt) {
        long millis = retryWait.toMillis() << (attempt - 2);
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JudgeException("interrupted while waiting to retry", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static final class ReplyProblem extends RuntimeException {
        ReplyProblem(String message) {
            super(message);
        }
    }

    /** Options of the OpenAI judge; the key is given here, read from the environment by the caller. */
    public static final class Builder {
        static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

        private final String model;
        private String baseUrl = DEFAULT_BASE_URL;
        private String apiKey;
        private ApiStyle apiStyle = ApiStyle.FUNCTIONS;
        private ToolEvalTemplate template = ToolEvalTemplate.toolEvalV2();
        private OkHttpClient client;
        private int maxAttempts = 3;
        private Duration retryWait = Duration.ofSeconds(4);

        private Builder(String model) {
            this.model = Objects.requireNonNull(model);
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder apiStyle(ApiStyle apiStyle) {
            this.apiStyle = apiStyle;
            return this;
        }

        public Builder template(ToolEvalTemplate template) {
            this.template = template;
            return this;
        }

        public Builder client(OkHttpClient client) {
            this.client = client;
            return this;
        }

        /** Attempts per call in all (ToolEval: 3). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Wait before the second attempt, doubled for each further one (StableToolBench waits 4–10 s). */
        public Builder retryWait(Duration retryWait) {
            this.retryWait = retryWait;
            return this;
        }

        public OpenAiJudge build() {
            if (apiKey == null || apiKey.isBlank()) {
                throw new BadInputException("judge openai:" + model + ": expected the API key in the environment variable OPENAI_API_KEY");
            }
            return new OpenAiJudge(this);
        }
    }
}
