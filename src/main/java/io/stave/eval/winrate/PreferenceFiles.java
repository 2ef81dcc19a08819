package io.stave.eval.winrate;

import io.stave.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyCsv;
import io.stave.bench.py.PyJson;
import io.stave.bench.py.PyRepr;
import io.stave.eval.EvalFiles;
import io.stave.eval.tooleval.Steps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Preference result files (§2.9): {@code <group>_<reference>_<candidate>.json}
 * ({@code py_json_indent(4)}, ensure_ascii=False) with the round counts and round markers, and the
 * TAB-separated {@code .csv} with both models' steps and the preference label; read back from JSON.
 */
public final class PreferenceFiles {

    static final List<String> HEADER = List.of("query", "available_tools", "ref_model_intermediate_steps",
            "ref_model_final_step", "output_model_intermediate_steps", "output_model_final_step", "preference_label",
            "query_id", "ref_model", "output_model");

    private PreferenceFiles() {}

    public static Path jsonFile(Path dir, String group, String reference, String candidate) {
        return dir.resolve(group + "_" + reference + "_" + candidate + ".json");
    }

    public static Path csvFile(Path dir, String group, String reference, String candidate) {
        return dir.resolve(group + "_" + reference + "_" + candidate + ".csv");
    }

    public static void write(Path dir, GroupPreference result, ObjectNode referenceAnswers, ObjectNode candidateAnswers) {
        AtomicFiles.writeString(jsonFile(dir, result.group(), result.reference(), result.candidate()), renderJson(result));
        AtomicFiles.writeString(csvFile(dir, result.group(), result.reference(), result.candidate()),
                renderCsv(result, referenceAnswers, candidateAnswers));
    }

    public static String renderJson(GroupPreference result) {
        ObjectNode root = Json.NODES.objectNode();
        for (QueryPreference q : result.queries()) {
            ObjectNode entry = root.putObject(q.qid());
            entry.put(result.reference(), q.referenceWins());
            entry.put(result.candidate(), q.candidateWins());
            for (int r = 0; r < q.roundsComplete().size(); r++) {
                entry.put("round_" + r, q.roundsComplete().get(r) ? "complete" : "incomplete");
            }
        }
        return PyJson.dumpsIndent(root, 4, false);
    }

    /**
     * One row per query. The original fails on a query missing from either converted file; stave
     * writes that side's steps empty (the JSON and the rates already count it by the missing-answer rule).
     */
    public static String renderCsv(GroupPreference result, ObjectNode referenceAnswers, ObjectNode candidateAnswers) {
        StringBuilder out = new StringBuilder(PyCsv.row(HEADER));
        for (QueryPreference q : result.queries()) {
            JsonNode ref = referenceAnswers.get(q.qid());
            JsonNode cand = candidateAnswers.get(q.qid());
            Steps refSteps = ref == null ? new Steps("", "") : Steps.of(ref);
            Steps candSteps = cand == null ? new Steps("", "") : Steps.of(cand);
            List<String> names = new ArrayList<>();
            if (ref != null) {
                ref.path("available_tools").forEach(t -> names.add(t.path("name").asText()));
            }
            out.append(PyCsv.row(List.of(ref == null ? "" : ref.path("query").asText(), PyRepr.str(names),
                    refSteps.answerSteps(), refSteps.finalStep(), candSteps.answerSteps(), candSteps.finalStep(),
                    Integer.toString(q.preferenceLabel()), q.qid(), result.reference(), result.candidate())));
        }
        return out.toString();
    }

    /** Reads a preference JSON; the two models are the non-round keys, reference first. */
    public static GroupPreference readJson(Path file, String group) {
        ObjectNode root = EvalFiles.readObject(file);
        List<QueryPreference> queries = new ArrayList<>();
        String reference = null;
        String candidate = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> models = new ArrayList<>();
            List<Boolean> rounds = new ArrayList<>();
            e.getValue().fields().forEachRemaining(f -> {
                if (f.getKey().startsWith("round_")) {
                    rounds.add("complete".equals(f.getValue().asText()));
                } else {
                    models.add(f.getKey());
                }
            });
            if (models.size() != 2) {
                throw BadInputException.at(file, "$." + e.getKey(), "the round counts of the reference and the candidate");
            }
            reference = models.get(0);
            candidate = models.get(1);
            queries.add(new QueryPreference(e.getKey(), e.getValue().get(reference).asInt(),
                    e.getValue().get(candidate).asInt(), rounds));
        }
        return new GroupPreference(group, reference, candidate, queries, List.of());
    }
}
