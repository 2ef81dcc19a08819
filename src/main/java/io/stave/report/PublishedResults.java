package io.stave.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stave.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The published numbers of ToolLLM, StableToolBench and Attention Buckets, bundled as the resource
 * {@code reference/published-results.json}, looked up by table, model, method, metric and group.
 */
public final class PublishedResults {

    public static final String RESOURCE = "/reference/published-results.json";

    private final List<PublishedTable> tables;

    private PublishedResults(List<PublishedTable> tables) {
        this.tables = List.copyOf(tables);
    }

    /** The copy bundled with stave. */
    public static PublishedResults bundled() {
        try (InputStream in = PublishedResults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the stave jar");
            }
            return parse(RESOURCE, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }

    public static PublishedResults load(Path file) {
        try {
            return parse(file.toString(), new ObjectMapper().readTree(Files.readAllBytes(file)));
        } catch (JacksonException e) {
            throw new BadInputException(file + ": expected JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public List<PublishedTable> tables() {
        return tables;
    }

    public Optional<PublishedTable> find(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public PublishedTable table(String id) {
        return find(id).orElseThrow(() -> new BadInputException("published table \"" + id + "\": expected one of "
                + tables.stream().map(PublishedTable::id).toList()));
    }

    /**
     * The row of {@code model} with {@code method} in a table. Matching ignores case and punctuation
     * and knows the papers' method aliases (ReACT = ReAct = CoT, DFSDT = DFS), so {@code ("ChatGPT",
     * "DFSDT")} finds a combined label {@code ChatGPT-DFSDT} and {@code ("GPT-3.5-Turbo-0613", "CoT")}
     * finds {@code GPT-3.5-Turbo-0613 (CoT)}.
     */
    public Optional<PublishedRow> row(String tableId, String model, String method) {
        String wantedModel = normalize(model);
        Set<String> methods = methodAliases(method);
        for (PublishedRow row : table(tableId).rows()) {
            if (row.label() == null) {
                if (normalize(row.model()).equals(wantedModel) && methods.contains(normalize(row.method()))) {
                    return Optional.of(row);
                }
            } else {
                String label = normalize(row.label());
                for (String alias : methods) {
                    if (label.equals(wantedModel + alias)) {
                        return Optional.of(row);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The published value, or empty when the table, row or group has none (null = not transcribed). */
    public OptionalDouble value(String tableId, String model, String method, String metricKey, String group) {
        return row(tableId, model, method).map(r -> r.value(metricKey, group)).orElse(OptionalDouble.empty());
    }

    private static Set<String> methodAliases(String method) {
        String m = normalize(method);
        if (m.equals("react") || m.equals("cot") || m.equals("cot1")) {
            return Set.of("react", "cot", "cot1");
        }
        if (m.equals("dfsdt") || m.equals("dfs") || m.equals("dfswofilterw2")) {
            return Set.of("dfsdt", "dfs", "dfswofilterw2");
        }
        return Set.of(m);
    }

    private static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static PublishedResults parse(String where, JsonNode root) {
        if (root == null || !root.path("tables").isArray()) {
            throw new BadInputException(where + ": $.tables: expected an array of published tables");
        }
        List<PublishedTable> tables = new ArrayList<>();
        JsonNode array = root.path("tables");
        for (int i = 0; i < array.size(); i++) {
            JsonNode t = array.get(i);
            List<PublishedRow> rows = new ArrayList<>();
            for (JsonNode r : t.path("rows")) {
                rows.add(row(r));
            }
            tables.add(new PublishedTable(text(t, "id"), text(t, "benchmark"), text(t, "metric"), text(t, "evaluator"),
                    text(t, "judge_model"), text(t, "profile"), text(t, "reference"), text(t, "source"), rows));
        }
        return new PublishedResults(tables);
    }

    private static PublishedRow row(JsonNode r) {
        Map<String, Map<String, Double>> perMetric = new LinkedHashMap<>();
        for (String metric : List.of("pass_rate", "win_rate")) {
            if (r.path(metric).isObject()) {
                perMetric.put(metric, numbers(r.path(metric)));
            }
        }
        // The web-leaderboard rows keep the CSV's own columns: the six groups, and WinRate beside them.
        Map<String, Double> values = r.has("values") ? numbers(r.path("values")) : numbers(r.path("group_columns"));
        String label = text(r, "method_model") != null ? text(r, "method_model") : text(r, "method_label");
        return new PublishedRow(label == null ? text(r, "model") : null, label == null ? text(r, "method") : null,
                label, values, numbers(r.path("std")), perMetric);
    }

    private static Map<String, Double> numbers(JsonNode object) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber()) {
                numbers.put(field.getKey(), field.getValue().asDouble());
            }
        }
        return numbers;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
