package io.stave.eval.judge;

import io.stave.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stave.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function-style ToolEval evaluator — {@code tooleval_gpt-3.5-turbo_default} (v2, §9.1) or v1's
 * {@code tooleval_gpt-3.5-turbo_normalized} (§11.2): the function descriptions cut out of
 * {@code template.txt} with ToolEval's regular expressions (§9.2), and the function schemas and
 * completion settings of {@code config.yaml}. Both files ship verbatim as resources.
 */
public final class ToolEvalTemplate {

    public static final String EVALUATOR = "tooleval_gpt-3.5-turbo_default";

    private static final Pattern FUNCTION = Pattern.compile("<function>(.*?)</function>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("<name>(.*?)</name>", Pattern.DOTALL);
    private static final Pattern DESCRIPTION = Pattern.compile("<description>(.*?)</description>", Pattern.DOTALL);
    private static final Pattern MESSAGE = Pattern.compile("<message>(.*?)</message>", Pattern.DOTALL);
    private static final Pattern ROLE = Pattern.compile("<role>(.*?)</role>", Pattern.DOTALL);
    private static final Pattern CONTENT = Pattern.compile("<content>(.*?)</content>", Pattern.DOTALL);

    /** One message of a message-list template ({@code fn} evaluators): its role and its content. */
    public record TemplateMessage(String role, String content) {}

    private final String templateText;
    private final String configText;
    private final Map<JudgeFunction, String> descriptions = new EnumMap<>(JudgeFunction.class);
    private final Map<JudgeFunction, ObjectNode> schemas = new EnumMap<>(JudgeFunction.class);
    private final ObjectNode completionKwargs;
    private final String evaluatorName;
    /** The messages of a message-list template; empty for a function-list template. */
    private final List<TemplateMessage> messages = new ArrayList<>();

    private ToolEvalTemplate(String templateText, String configText) {
        this.templateText = templateText;
        this.configText = configText;
        Matcher functions = FUNCTION.matcher(templateText);
        while (functions.find()) {
            String body = functions.group(1);
            Matcher name = NAME.matcher(body);
            Matcher description = DESCRIPTION.matcher(body);
            if (name.find() && description.find()) {
                descriptions.put(JudgeFunction.byName(name.group(1)), description.group(1));
            }
        }
        Matcher messageBlocks = MESSAGE.matcher(templateText);
        while (messageBlocks.find()) {
            Matcher role = ROLE.matcher(messageBlocks.group(1));
            Matcher content = CONTENT.matcher(messageBlocks.group(1));
            if (role.find() && content.find()) {
                messages.add(new TemplateMessage(role.group(1), content.group(1)));
            }
        }
        JsonNode config = readYaml(configText);
        this.evaluatorName = config.path("evaluator_name").asText(EVALUATOR);
        ObjectNode kwargs = ((ObjectNode) config.get("completions_kwargs")).deepCopy();
        for (JsonNode schema : kwargs.get("functions")) {
            schemas.put(JudgeFunction.byName(schema.get("name").asText()), (ObjectNode) schema);
        }
        kwargs.remove("functions");
        kwargs.remove("function_call"); // the judge forces the called function itself
        kwargs.remove("timeout"); // a client setting in the original, not part of the request body
        this.completionKwargs = kwargs;
    }

    /** The released evaluator, from the resources beside this class. */
    public static ToolEvalTemplate toolEvalV2() {
        return new ToolEvalTemplate(resource("template.txt"), resource("config.yaml"));
    }

    /** v1's {@code tooleval_gpt-3.5-turbo_normalized} (the v1 README table and leaderboard), from the resources. */
    public static ToolEvalTemplate toolEvalV1Normalized() {
        return new ToolEvalTemplate(resource("v1_normalized/template.txt"), resource("v1_normalized/config.yaml"));
    }

    /** v1's {@code tooleval_gpt-3.5-turbo_fn} ({@code choose_preference} over a message list). */
    public static ToolEvalTemplate toolEvalV1Fn() {
        return new ToolEvalTemplate(resource("v1_fn/template.txt"), resource("v1_fn/config.yaml"));
    }

    /** v1's {@code tooleval_gpt-4_fn} (removed after {@code e8c6cd1}; its config's mis-indented {@code required} kept). */
    public static ToolEvalTemplate toolEvalV1Gpt4Fn() {
        return new ToolEvalTemplate(resource("v1_gpt4_fn/template.txt"), resource("v1_gpt4_fn/config.yaml"));
    }

    /** A v1 evaluator by its folder name ({@code normalized}, {@code fn}, {@code gpt-4_fn}). */
    public static ToolEvalTemplate toolEvalV1(String evaluator) {
        return switch (evaluator) {
            case "normalized", "tooleval_gpt-3.5-turbo_normalized" -> toolEvalV1Normalized();
            case "fn", "tooleval_gpt-3.5-turbo_fn" -> toolEvalV1Fn();
            case "gpt-4_fn", "tooleval_gpt-4_fn" -> toolEvalV1Gpt4Fn();
            default -> throw new BadInputException("--v1-evaluator: expected normalized, fn or gpt-4_fn, found '"
                    + evaluator + "'");
        };
    }

    /** Whether the template is a message list ({@code fn} evaluators) rather than a function list. */
    public boolean isMessageList() {
        return !messages.isEmpty();
    }

    /**
     * The chat messages of a call: a function-list template sends one user message with the
     * function's formatted description; a message-list template sends its messages, the user
     * contents {@code str.format}-ed and the system content unchanged (§11.2).
     */
    public List<TemplateMessage> messages(JudgeFunction function, Map<String, String> arguments) {
        if (messages.isEmpty()) {
            return List.of(new TemplateMessage("user", prompt(function, arguments)));
        }
        return messages.stream().map(m -> m.role().equals("user")
                ? new TemplateMessage(m.role(), format(m.content(), arguments)) : m).toList();
    }

    /** The unformatted messages of a message-list template. */
    public List<TemplateMessage> templateMessages() {
        return List.copyOf(messages);
    }

    /** The config's {@code evaluator_name}, e.g. {@code tooleval_gpt-3.5-turbo_default}. */
    public String evaluatorName() {
        return evaluatorName;
    }

    /** Whether this evaluator has the function (v1 and v2 evaluators have different sets). */
    public boolean has(JudgeFunction function) {
        return schemas.containsKey(function) && (descriptions.containsKey(function) || isMessageList());
    }

    /** The JSON type of a function's verdict field in its schema ({@code string}, {@code number}, {@code boolean}). */
    public String resultType(JudgeFunction function) {
        return schemas.get(function).at("/parameters/properties/" + function.resultField() + "/type").asText("string");
    }

    public String templateText() {
        return templateText;
    }

    public String configText() {
        return configText;
    }

    /** The prompt of a function before substitution: the text between the description tags. */
    public String description(JudgeFunction function) {
        return descriptions.get(function);
    }

    /** {@code description.format(**arguments)}: {@code {name}} replaced, doubled braces collapsed. */
    public String prompt(JudgeFunction function, Map<String, String> arguments) {
        return format(description(function), arguments);
    }

    /**
     * The schema sent for a call; with {@code returnReason} a copy with {@code reason} added after
     * the existing properties and appended to {@code required}, as ToolEval does.
     */
    public ObjectNode schema(JudgeFunction function, boolean returnReason) {
        ObjectNode schema = schemas.get(function).deepCopy();
        if (returnReason) {
            ObjectNode parameters = (ObjectNode) schema.get("parameters");
            ObjectNode reason = ((ObjectNode) parameters.get("properties")).putObject("reason");
            reason.put("type", "string");
            reason.put("description", "explain your answer.");
            ((ArrayNode) parameters.get("required")).add("reason");
        }
        return schema;
    }

    /** The allowed values of a function's verdict field (the schema's {@code enum}); empty for {@code index}. */
    public JsonNode allowedValues(JudgeFunction function) {
        return schemas.get(function).at("/parameters/properties/" + function.resultField() + "/enum");
    }

    /**
     * Whether a verdict is usable as ToolEval reads it: one of the schema's {@code enum} values, a
     * boolean for a boolean field, else a number (or a numeric string, which {@code int()} accepts).
     */
    public boolean validVerdict(JudgeFunction function, JsonNode result) {
        if (result == null || result.isNull()) {
            return false;
        }
        JsonNode allowed = allowedValues(function);
        if (!allowed.isMissingNode()) {
            for (JsonNode option : allowed) {
                if (result.isTextual() && option.asText().equals(result.asText())) {
                    return true;
                }
            }
            return false;
        }
        if ("boolean".equals(resultType(function))) {
            return result.isBoolean();
        }
        return result.isNumber() || (result.isTextual() && result.asText().trim().matches("-?\\d+(\\.0*)?"));
    }

    /** {@code model}, {@code max_tokens}, {@code temperature} of the config. */
    public ObjectNode completionKwargs() {
        return completionKwargs.deepCopy();
    }

    /** SHA-256 of template and config: the evaluator's identity in cache keys and provenance. */
    public String sha256() {
        MessageDigest digest = Sha256.newDigest();
        digest.update(templateText.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(configText.getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(digest);
    }

    /** Python {@code str.format} with keyword arguments that are already strings. */
    static String format(String text, Map<String, String> arguments) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                out.append('{');
                i++;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                out.append('}');
                i++;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                String name = text.substring(i + 1, end);
                String value = arguments.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + name + "}");
                }
                out.append(value);
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static JsonNode readYaml(String text) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ToolEvalTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
