package io.stave.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stave.BadInputException;
import io.stave.bench.Profile;
import io.stave.bench.prompt.HistoryStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration of {@code stave run} (harness.md §2): built-in defaults, then the
 * profile's defaults (spec/toolbench.md §16), then the config files left to right, then
 * {@code --set key=value}, then the dedicated flags. Every key must be one the defaults know.
 */
public final class RunConfig {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ObjectNode tree;

    private RunConfig(ObjectNode tree) {
        this.tree = tree;
    }

    /**
     * @param files     config files, merged left to right
     * @param overrides dotted keys ({@code agent.max_query_count}) to YAML scalar values, applied after the files
     */
    public static RunConfig resolve(List<Path> files, Map<String, String> overrides) {
        ObjectNode defaults = defaults();
        List<ObjectNode> layers = new ArrayList<>();
        for (Path file : files) {
            ObjectNode layer = read(file);
            checkKeys(layer, defaults, file.toString(), "");
            layers.add(layer);
        }
        ObjectNode set = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> entry : overrides.entrySet()) {
            put(set, entry.getKey(), scalar(entry.getKey(), entry.getValue()));
        }
        checkKeys(set, defaults, "--set/flags", "");
        ObjectNode merged = defaults.deepCopy();
        layers.forEach(layer -> merge(merged, layer));
        merge(merged, set);
        applyProfile(merged);
        RunConfig config = new RunConfig(merged);
        config.validate();
        return config;
    }

    private static void applyProfile(ObjectNode config) {
        Profile profile = Profile.parse(config.path("profile").asText());
        boolean tb = profile == Profile.TOOLBENCH;
        fill(config, "prompt", "toolllama_history", tb ? "tb_thought_only" : "stb_generation");
        ObjectNode decode = (ObjectNode) config.get("decode");
        if (decode.path("toolllama_temperature").isNull()) {
            decode.put("toolllama_temperature", tb ? 0.5 : 0.0);
        }
        if (decode.path("max_new_tokens").isNull()) {
            decode.put("max_new_tokens", tb ? 512 : 1024);
        }
    }

    private static void fill(ObjectNode config, String section, String key, String value) {
        ObjectNode node = (ObjectNode) config.get(section);
        if (node.path(key).isNull()) {
            node.put(key, value);
        }
    }

    private void validate() {
        if (tree.path("version").asInt() != 1) {
            throw new BadInputException("config version " + tree.path("version") + ": expected version: 1");
        }
        HistoryStyle.parse(text("prompt.toolllama_history"));
        Method.parse(text("method"));
        for (String key : List.of("agent.single_chain_max_step", "agent.max_query_count", "agent.max_observation_length",
                "trials", "concurrency.episodes", "retry.max_unit_attempts", "llm.retries")) {
            if (!node(key).canConvertToInt() || node(key).asInt() < 1) {
                throw new BadInputException("config key " + key + ": expected a positive integer, got " + node(key));
            }
        }
        retriever();
    }

    /** The retriever setting, or null when {@code retriever:} is null or its model is null (off). */
    public RetrieverSetting retriever() {
        JsonNode section = node("retriever");
        if (!section.isObject() || text("retriever.model") == null) {
            return null;
        }
        if (!node("retriever.k").canConvertToInt()) {
            throw new BadInputException("config key retriever.k: expected a positive integer, got " + node("retriever.k"));
        }
        return new RetrieverSetting(text("retriever.model"), integer("retriever.k"), text("retriever.corpus"),
                text("retriever.cache"));
    }

    /** The value at a dotted key. */
    public JsonNode node(String dotted) {
        JsonNode node = tree;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** The text at a dotted key, or {@code null} when unset. */
    public String text(String dotted) {
        JsonNode node = node(dotted);
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    public int integer(String dotted) {
        return node(dotted).asInt();
    }

    /** {@code llm.cache_mode}; YAML reads a bare {@code off} as false, which means off here too. */
    public String cacheMode() {
        JsonNode node = node("llm.cache_mode");
        return node.isBoolean() ? (node.asBoolean() ? "rw" : "off") : node.asText();
    }

    public Profile profile() {
        return Profile.parse(text("profile"));
    }

    public HistoryStyle history() {
        return HistoryStyle.parse(text("prompt.toolllama_history"));
    }

    public Method method() {
        return Method.parse(text("method"));
    }

    public SearchSettings searchSettings() {
        return new SearchSettings(integer("agent.single_chain_max_step"), integer("agent.max_query_count"), 1);
    }

    /** The resolved tree (a copy). */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** The resolved configuration as YAML, for {@code config.resolved.yaml}. */
    public String toYaml() {
        try {
            return YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode defaults() {
        try (InputStream in = RunConfig.class.getResourceAsStream("defaults.yaml")) {
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("--config " + file + ": no such file (configs/*.yaml hold the shipped ones)");
        }
        JsonNode node;
        try {
            node = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + ": expected a YAML run config: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (node == null || !node.isObject()) {
            throw BadInputException.at(file, "$", "a YAML mapping of config keys (version: 1, method: ..., model: ...)");
        }
        return (ObjectNode) node;
    }

    private static JsonNode scalar(String key, String value) {
        try {
            JsonNode node = YAML.readTree(value.isEmpty() ? "''" : value);
            return node == null ? JsonNodeFactory.instance.nullNode() : node;
        } catch (IOException e) {
            throw new BadInputException("--set " + key + "=" + value + ": expected a YAML scalar or list");
        }
    }

    private static void put(ObjectNode root, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            node = next instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static void merge(ObjectNode into, ObjectNode layer) {
        for (Iterator<Map.Entry<String, JsonNode>> it = layer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode existing = into.get(entry.getKey());
            if (existing instanceof ObjectNode target && entry.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static void checkKeys(JsonNode layer, JsonNode known, String source, String prefix) {
        for (Iterator<String> it = layer.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.has(key)) {
                List<String> candidates = new ArrayList<>();
                known.fieldNames().forEachRemaining(candidates::add);
                String hint = DidYouMean.closest(key, candidates);
                throw new BadInputException(source + ": unknown config key '" + prefix + key + "'"
                        + (hint == null ? "; expected one of " + candidates : "; did you mean '" + prefix + hint + "'?"));
            }
            if (known.get(key).isObject() && layer.get(key).isObject()) {
                checkKeys(layer.get(key), known.get(key), source, prefix + key + ".");
            } else if (known.get(key).isObject() && !layer.get(key).isNull()) {
                throw new BadInputException(source + ": config key '" + prefix + key + "': expected a mapping with keys "
                        + fieldNames(known.get(key)));
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
