package io.stave.eval.judge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.bench.Profile;
import io.stave.bench.chat.Message;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.bench.schema.FunctionSchemas;
import io.stave.bench.schema.FunctionSet;
import io.stave.bench.schema.SchemaOptions;
import io.stave.llm.Backend;
import io.stave.llm.ChatRequest;
import io.stave.llm.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The judge {@code local:MODEL_SPEC}: ToolEval's function prompt sent as plain text to any
 * {@code io.stave.llm} backend (a local text model has no function calling), followed by a request
 * for the JSON object the function would receive. The reply is read leniently — the first JSON
 * object in it (code fences, single quotes, trailing commas allowed), or, for a field with an
 * {@code enum}, the one allowed value the text names. Like ToolEval, an unusable reply is asked
 * again, at most {@code attempts} in all, then the call fails with the last reply quoted.
 */
public final class LocalJudge implements Judge {

    private static final Logger LOG = LoggerFactory.getLogger(LocalJudge.class);
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private final String spec;
    private final Backend backend;
    private final ToolEvalTemplate template;
    private final int attempts;

    /**
     * @param spec     the model SPEC after {@code local:} (for the id and messages)
     * @param attempts attempts per call in all (ToolEval: 3)
     */
    public LocalJudge(String spec, Backend backend, ToolEvalTemplate template, int attempts) {
        this.spec = spec;
        this.backend = backend;
        this.template = template;
        this.attempts = Math.max(1, attempts);
    }

    @Override
    public String id() {
        return "local:" + backend.id();
    }

    /**
     * ToolEval's messages of the call, the last one followed by the request for the function's
     * arguments as one JSON object.
     */
    public List<Message> messages(JudgeCall call) {
        List<ToolEvalTemplate.TemplateMessage> template = this.template.messages(call.function(), call.arguments());
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < template.size(); i++) {
            ToolEvalTemplate.TemplateMessage m = template.get(i);
            String content = i == template.size() - 1 ? m.content() + instruction(call) : m.content();
            messages.add(m.role().equals("system") ? Message.system(content) : Message.user(content));
        }
        return messages;
    }

    /** The whole text sent (messages joined), for the cache key and the audit trail. */
    public String prompt(JudgeCall call) {
        return String.join("\n\n", messages(call).stream().map(Message::content).toList());
    }

    private String instruction(JudgeCall call) {
        JsonNode parameters = template.schema(call.function(), call.returnReason()).get("parameters");
        return "\nYou cannot call functions. Instead, reply with only the JSON object of arguments that you would pass to `"
                + call.function().functionName() + "`, following this JSON schema:\n" + PyJson.dumps(parameters) + "\n";
    }

    @Override
    public JsonNode request(JudgeCall call) {
        ObjectNode request = Json.NODES.objectNode();
        request.put("judge", id());
        request.put("prompt", prompt(call));
        return request;
    }

    @Override
    public JudgeReply call(JudgeCall call) {
        ChatRequest request = new ChatRequest(messages(call),
                new FunctionSet(List.of(), FunctionSchemas.finish(), SchemaOptions.of(Profile.TOOLBENCH)), Profile.TOOLBENCH,
                "judge/" + call.context().group() + "/" + call.context().qid(), call.context().sample(), true);
        String last = "";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Reply reply = backend.complete(request);
            String text = reply.message().content() == null ? "" : reply.message().content();
            if (reply.errorCode() != 0) {
                last = "model call failed: " + text;
            } else {
                ObjectNode parsed = parse(call.function(), text);
                if (parsed != null) {
                    return new JudgeReply(parsed);
                }
                last = "no valid " + call.function().resultField() + " in the reply " + abbreviate(text);
            }
            LOG.warn("judge {} {} attempt {}/{}: {}", id(), call.function().functionName(), attempt, attempts, last);
        }
        throw new JudgeException("judge local:" + spec + ": " + call.function().functionName() + " for query "
                + call.context().qid() + " failed after " + attempts + " attempts: " + last);
    }

    /** The function arguments in a free-text reply, or null when none with a valid verdict is there. */
    ObjectNode parse(JudgeFunction function, String text) {
        for (String candidate : jsonObjects(text)) {
            try (JsonParser parser = LENIENT.createParser(candidate)) {
                JsonNode node = LENIENT.readTree(parser);
                if (node instanceof ObjectNode object) {
                    normalizeVerdict(function, object);
                    if (template.validVerdict(function, object.get(function.resultField()))) {
                        return object;
                    }
                }
            } catch (IOException e) {
                // not JSON: try the next candidate
            }
        }
        return namedEnumValue(function, text);
    }

    /** A boolean given as text, as small models often write it. */
    private void normalizeVerdict(JudgeFunction function, ObjectNode object) {
        JsonNode result = object.get(function.resultField());
        if (result != null && result.isTextual() && "boolean".equals(template.resultType(function))) {
            String t = result.asText().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                object.put(function.resultField(), Boolean.parseBoolean(t));
            }
        }
    }

    /** For an enum verdict: the single allowed value the text names as a word, if exactly one is named. */
    private ObjectNode namedEnumValue(JudgeFunction function, String text) {
        JsonNode allowed = template.allowedValues(function);
        if (allowed.isMissingNode()) {
            return null;
        }
        List<String> named = new ArrayList<>();
        for (JsonNode option : allowed) {
            if (Pattern.compile("\\b" + Pattern.quote(option.asText()) + "\\b").matcher(text).find()) {
                named.add(option.asText());
            }
        }
        if (named.size() != 1) {
            return null;
        }
        ObjectNode object = Json.NODES.objectNode();
        object.put(function.resultField(), named.getFirst());
        object.put("reason", text.strip());
        return object;
    }

    /** Balanced {@code {...}} spans of the text, outermost first, in order. */
    static List<String> jsonObjects(String text) {
        List<String> spans = new ArrayList<>();
        Matcher open = Pattern.compile("\\{").matcher(text);
        int from = 0;
        while (open.find(from)) {
            int start = open.start();
            int depth = 0;
            boolean inString = false;
            char quote = 0;
            int end = -1;
            for (int i = start; i < text.length() && end < 0; i++) {
                char c = text.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == quote) {
                        inString = false;
                    }
                } else if (c == '"' || c == '\'') {
                    inString = true;
                    quote = c;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    end = i;
                }
            }
            if (end < 0) {
                break;
            }
            spans.add(text.substring(start, end + 1));
            from = end + 1;
        }
        return spans;
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return "'" + (t.length() <= 200 ? t : t.substring(0, 200) + "…") + "'";
    }

    @Override
    public String toString() {
        return id();
    }
}
