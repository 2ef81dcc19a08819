package io.stave.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.stave.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;

/**
 * Keeps API keys out of everything stave writes: request JSON bound for a cache, log lines,
 * manifests. Keys live only in the environment ({@code TOOLBENCH_KEY}, {@code RAPIDAPI_KEY},
 * {@code OPENAI_API_KEY}).
 */
public final class Secrets {

    /** The environment variables that hold keys. */
    public static final List<String> KEY_VARIABLES = List.of("TOOLBENCH_KEY", "RAPIDAPI_KEY", "OPENAI_API_KEY");

    /** Field names whose values are credentials wherever they appear (compared lower-case). */
    private static final Set<String> SECRET_FIELDS = Set.of(
            "toolbench_key", "api_key", "apikey", "authorization", "x-rapidapi-key", "rapidapi_key",
            "openai_api_key", "proxy-authorization");

    static final String REDACTED = "<redacted>";

    /** Key values read through {@link #require}, masked even when they did not come from System.getenv. */
    private static final Set<String> KNOWN = new CopyOnWriteArraySet<>();

    private Secrets() {}

    /**
     * The value of key variable {@code variable} from {@code environment}; it is remembered so that
     * {@link #redact} masks it. A missing or blank variable fails before any call is made.
     */
    public static String require(String variable, Function<String, String> environment, String forWhat) {
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new BadInputException("environment: " + variable + ": expected the key for " + forWhat
                    + " (set " + variable + "; keys are never read from files)");
        }
        if (value.length() >= 8) {
            KNOWN.add(value);
        }
        return value;
    }

    /** A copy of {@code json} without credential fields and with every key value masked. */
    public static JsonNode redact(JsonNode json) {
        if (json == null) {
            return null;
        }
        return redact(json.deepCopy(), currentValues());
    }

    /** {@code text} with the value of every key variable replaced by {@code <redacted>}. */
    public static String redact(String text) {
        String result = text;
        for (String value : currentValues()) {
            result = result.replace(value, REDACTED);
        }
        return result;
    }

    private static JsonNode redact(JsonNode node, List<String> values) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
                    object.remove(name);
                } else {
                    object.set(name, redact(object.get(name), values));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i), values));
            }
            return array;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            for (String value : values) {
                text = text.replace(value, REDACTED);
            }
            return TextNode.valueOf(text);
        }
        return node;
    }

    private static List<String> currentValues() {
        List<String> values = new ArrayList<>(KNOWN);
        for (String variable : KEY_VARIABLES) {
            String value = System.getenv(variable);
            // Very short values would mask ordinary text; real keys are long.
            if (value != null && value.length() >= 8) {
                values.add(value);
            }
        }
        return values;
    }
}
