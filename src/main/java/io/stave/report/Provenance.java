package io.stave.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stave.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a row's numbers come from: the run and the settings that decide whether a published number
 * is comparable (profile, evaluator, judge model, tool backend), plus the other scalar facts of the
 * run's {@code manifest.json} (harness.md §8), flattened to dotted keys.
 *
 * @param runId      the run directory name
 * @param profile    {@code toolbench}, {@code stabletoolbench} or {@code tooleval-v1}
 * @param evaluator  the evaluator version ({@code ToolEval v2}, {@code StableToolEval} …)
 * @param judgeModel the judge model version string
 * @param tools      the tool backend SPEC ({@code cache:…}, {@code simulate} …)
 * @param details    further manifest facts, sorted by key
 */
public record Provenance(String runId, String profile, String evaluator, String judgeModel, String tools,
        SortedMap<String, String> details) {

    public Provenance {
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details == null ? Map.of() : details));
    }

    public Provenance(String runId, String profile, String evaluator, String judgeModel, String tools) {
        this(runId, profile, evaluator, judgeModel, tools, new TreeMap<>());
    }

    /**
     * Reads a run's {@code manifest.json}: {@code config.options.profile} (or {@code config.profile}),
     * {@code judge.evaluator}, {@code judge.model}, {@code tools.backend}; every other scalar leaf
     * goes into {@code details}, except fields whose names suggest a secret.
     */
    public static Provenance fromManifest(Path manifest) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(manifest.toFile());
        } catch (JacksonException e) {
            throw new BadInputException(manifest + ": expected JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(manifest + ": cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw BadInputException.at(manifest, "$", "a provenance object (harness.md §8)");
        }
        SortedMap<String, String> details = new TreeMap<>();
        flatten("", root, details);
        Path folder = manifest.toAbsolutePath().getParent();
        String runId = folder == null || folder.getFileName() == null ? manifest.toString() : folder.getFileName().toString();
        String profile = first(details, "config.options.profile", "config.profile");
        return new Provenance(runId, profile, first(details, "judge.evaluator"), first(details, "judge.model"),
                first(details, "tools.backend"), details);
    }

    private static String first(Map<String, String> details, String... keys) {
        for (String key : keys) {
            String value = details.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!looksSecret(field.getKey())) {
                    flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else if (!node.isNull()) {
            into.put(prefix, node.asText());
        }
    }

    /** Keys never reach a report, even if a manifest carried one by mistake. */
    private static boolean looksSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("key") || lower.contains("secret") || lower.contains("password")
                || lower.contains("token") && !lower.contains("tokens") && !lower.contains("tokenizer");
    }
}
