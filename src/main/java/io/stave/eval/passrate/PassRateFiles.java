package io.stave.eval.passrate;

import io.stave.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyCsv;
import io.stave.bench.py.PyJson;
import io.stave.bench.py.PyRepr;
import io.stave.eval.EvalFiles;
import io.stave.eval.Seeds;
import io.stave.eval.Tsv;
import io.stave.eval.tooleval.AnswerStatus;
import io.stave.eval.tooleval.Steps;
import io.stave.eval.tooleval.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Pass-rate result files in ToolEval's formats (§2.8): {@code <group>_<model>.json}
 * ({@code py_json_indent(4)}, ensure_ascii=False) and the TAB-separated {@code .csv}, in the v2
 * layout or StableToolEval's, and read back from either.
 */
public final class PassRateFiles {

    static final List<String> V2_HEADER = List.of("query", "solvable", "available_tools", "model_intermediate_steps",
            "model_final_step", "model", "query_id", "is_solved", "pass_rate_label", "reason", "not_hallucinate");
    static final List<String> STABLE_HEADER = List.of("query", "available_tools", "model_intermediate_steps",
            "model_final_step", "model", "query_id", "is_solved");

    private PassRateFiles() {}

    public static Path jsonFile(Path dir, String group, String model) {
        return dir.resolve(group + "_" + model + ".json");
    }

    public static Path csvFile(Path dir, String group, String model) {
        return dir.resolve(group + "_" + model + ".csv");
    }

    public static Path provenanceFile(Path dir, String group, String model) {
        return dir.resolve(group + "_" + model + ".provenance.json");
    }

    /**
     * Writes both files, and beside them {@code <group>_<model>.provenance.json} with the judge and
     * rule, so that runs judged differently are not compared by mistake; {@code seed} decides the
     * CSV's tie-breaking coin of v2 labels.
     */
    public static void write(Path dir, GroupPassRate result, long seed, String judgeId) {
        AtomicFiles.writeString(jsonFile(dir, result.group(), result.model()), renderJson(result));
        AtomicFiles.writeString(csvFile(dir, result.group(), result.model()), renderCsv(result, seed));
        ObjectNode provenance = Json.NODES.objectNode();
        provenance.put("rule", result.rule().cliName());
        provenance.put("judge", judgeId);
        provenance.put("evaluator", io.stave.eval.judge.ToolEvalTemplate.EVALUATOR + "@"
                + io.stave.eval.judge.ToolEvalTemplate.toolEvalV2().sha256());
        provenance.put("runs", result.runCount());
        provenance.put("seed", seed);
        provenance.put("evaluated", result.evaluated());
        provenance.put("test_set", result.testSetSize());
        var notJudged = provenance.putArray("not_judged");
        result.notJudged().forEach(notJudged::add);
        AtomicFiles.writeString(provenanceFile(dir, result.group(), result.model()), PyJson.dumpsIndent(provenance, 2));
    }

    public static String renderJson(GroupPassRate result) {
        ObjectNode root = Json.NODES.objectNode();
        for (QueryPassRate q : result.queries()) {
            ObjectNode entry = root.putObject(q.qid());
            if (result.rule() == PassRateRule.STABLE) {
                entry.put("query", q.query());
                putNames(entry, q);
                entry.put("answer_steps", q.steps().answerSteps());
                entry.put("final_step", q.steps().finalStep());
                ObjectNode solved = entry.putObject("is_solved");
                q.runs().forEach(r -> solved.put(Integer.toString(r.run()), r.answerStatus().label()));
            } else {
                RunVerdict last = q.lastRun().orElseThrow();
                entry.put("passed", q.passed());
                entry.put("failed", q.failed());
                entry.put("query", q.query());
                entry.put("task_solvable", last.taskStatus() == null ? "" : last.taskStatus().label());
                putNames(entry, q);
                entry.put("answer_steps", q.steps().answerSteps());
                entry.put("final_step", q.steps().finalStep());
                entry.put("is_solved", last.answerStatus().label());
                entry.put("reason", last.reason());
                entry.put("not_hallucinate", last.notHallucinate());
            }
        }
        return PyJson.dumpsIndent(root, 4, false);
    }

    public static String renderCsv(GroupPassRate result, long seed) {
        StringBuilder out = new StringBuilder();
        boolean stable = result.rule() == PassRateRule.STABLE;
        out.append(PyCsv.row(stable ? STABLE_HEADER : V2_HEADER));
        for (QueryPassRate q : result.queries()) {
            String tools = PyRepr.str(q.toolNames());
            if (stable) {
                out.append(PyCsv.row(List.of(q.query(), tools, q.steps().answerSteps(), q.steps().finalStep(),
                        result.model(), q.qid(), solvedDict(q))));
            } else {
                RunVerdict last = q.lastRun().orElseThrow();
                String label = q.passed() > q.failed() ? RunVerdict.PASSED
                        : q.passed() < q.failed() ? RunVerdict.FAILED
                        : Seeds.random(seed, "csv-tie", result.group(), q.qid()).random() < 0.5 ? RunVerdict.PASSED : RunVerdict.FAILED;
                out.append(PyCsv.row(List.of(q.query(), last.taskStatus() == null ? "" : last.taskStatus().label(), tools,
                        q.steps().answerSteps(), q.steps().finalStep(), result.model(), q.qid(),
                        last.answerStatus().label(), label, last.reason(), last.notHallucinate() ? "True" : "False")));
            }
        }
        return out.toString();
    }

    /** {@code str()} of the per-run dict with integer keys, in recorded order: {@code {2: 'AnswerStatus.Solved', …}}. */
    static String solvedDict(QueryPassRate q) {
        List<String> entries = new ArrayList<>();
        q.runs().forEach(r -> entries.add(r.run() + ": " + PyRepr.quote(r.answerStatus().label())));
        return "{" + String.join(", ", entries) + "}";
    }

    /**
     * Reads a pass-rate JSON file of either layout. v2 files keep only the last run's statuses, so
     * the runs read back are that one run (index passed + failed − 1) beside the label counts.
     */
    public static GroupPassRate readJson(Path file, String group, String model) {
        ObjectNode root = EvalFiles.readObject(file);
        List<QueryPassRate> queries = new ArrayList<>();
        PassRateRule rule = PassRateRule.STABLE;
        int runCount = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "$." + e.getKey();
            JsonNode entry = e.getValue();
            List<String> names = new ArrayList<>();
            entry.path("tool_names").forEach(n -> names.add(n.asText()));
            Steps steps = new Steps(entry.path("answer_steps").asText(), entry.path("final_step").asText());
            JsonNode solved = entry.get("is_solved");
            if (solved == null) {
                throw BadInputException.at(file, where + ".is_solved", "the answer status (pass-rate result format, §2.8)");
            }
            List<RunVerdict> runs = new ArrayList<>();
            int passed = 0;
            int failed = 0;
            if (solved.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> r = solved.fields(); r.hasNext(); ) {
                    Map.Entry<String, JsonNode> run = r.next();
                    runs.add(new RunVerdict(parseRun(file, where, run.getKey()), status(file, where + ".is_solved." + run.getKey(), run.getValue()),
                            null, null, "", true));
                }
            } else {
                rule = PassRateRule.V2;
                passed = entry.path("passed").asInt();
                failed = entry.path("failed").asInt();
                runs.add(new RunVerdict(Math.max(0, passed + failed - 1), status(file, where + ".is_solved", solved),
                        TaskStatus.fromLabel(entry.path("task_solvable").asText()), null, entry.path("reason").asText(),
                        entry.path("not_hallucinate").asBoolean(true)));
            }
            runCount = Math.max(runCount, rule == PassRateRule.V2 ? passed + failed
                    : runs.stream().mapToInt(RunVerdict::run).max().orElse(-1) + 1);
            queries.add(new QueryPassRate(e.getKey(), entry.path("query").asText(), names, steps, passed, failed, runs));
        }
        return new GroupPassRate(group, model, rule, queries, queries.size(), runCount, List.of());
    }

    /** The label and status cells of a pass-rate CSV by query id (what the win-rate shortcut reads). */
    public static Map<String, Map<String, String>> readCsv(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read pass-rate results: " + e.getMessage(), e);
        }
        List<List<String>> rows = Tsv.parse(text);
        if (rows.isEmpty() || !rows.getFirst().contains("query_id")) {
            throw BadInputException.at(file, "row 1", "a TAB-separated header with query_id (pass-rate CSV, §2.8)");
        }
        List<String> header = rows.getFirst();
        Map<String, Map<String, String>> byQid = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size() && c < row.size(); c++) {
                cells.put(header.get(c), row.get(c));
            }
            byQid.put(cells.get("query_id"), cells);
        }
        return byQid;
    }

    private static void putNames(ObjectNode entry, QueryPassRate q) {
        var names = entry.putArray("tool_names");
        q.toolNames().forEach(names::add);
    }

    private static int parseRun(Path file, String where, String key) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw BadInputException.at(file, where + ".is_solved", "run indices as keys, found '" + key + "'");
        }
    }

    private static AnswerStatus status(Path file, String where, JsonNode value) {
        AnswerStatus status = AnswerStatus.fromLabel(value.asText());
        if (status == null) {
            throw BadInputException.at(file, where, "AnswerStatus.Solved, AnswerStatus.Unsolved or AnswerStatus.Unsure, found "
                    + value);
        }
        return status;
    }
}
