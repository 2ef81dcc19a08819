package io.stave.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.stave.BadInputException;
import io.stave.eval.EvalFiles;
import io.stave.eval.Groups;
import io.stave.eval.Seeds;
import io.stave.eval.passrate.GroupPassRate;
import io.stave.eval.passrate.PassRateFiles;
import io.stave.eval.passrate.PassRateRule;
import io.stave.eval.passrate.QueryPassRate;
import io.stave.eval.stats.Stats;
import io.stave.eval.winrate.GroupPreference;
import io.stave.eval.winrate.PreferenceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the evaluation results of a run directory (harness.md §3) into {@link ResultRow}s: the
 * ToolEval-format files under {@code eval/pass_rate/<model>/<group>_<model>.json} and
 * {@code eval/preference/<group>_<ref>_<cand>.json}, and {@code manifest.json} for the provenance.
 *
 * <p>Intervals (harness.md §9): a binary rate (v2 pass rate, win rate with ties as losses) gets its
 * Wilson score interval; SoPR, whose per-query credit is the mean of its runs (Unsure = ½), and a win
 * rate with half-credit ties get the percentile bootstrap over queries, seeded per (metric, group, model).
 *
 * <p>Row labels: the manifest may name the paper's model and method of an evaluated model
 * ({@code eval.models.<name>.model}, {@code eval.models.<name>.method}); otherwise the method comes
 * from the converted file's provenance ({@code converted/<name>/<group>.json.provenance.json}) and
 * the model is the evaluated name itself.
 */
public final class RunReader {

    /** The seed of the bootstrap intervals, fixed so that reports are deterministic. */
    static final long BOOTSTRAP_SEED = Seeds.TOOLBENCH_SEED;

    private RunReader() {}

    /**
     * The rows of one run and the judge recorded beside each result file ({@code .provenance.json}
     * written by {@code stave eval}), which the comparability check needs.
     */
    public record RunRows(Path run, Provenance provenance, List<ResultRow> rows, Map<String, String> recordedJudges) {
        public RunRows {
            rows = List.copyOf(rows);
            recordedJudges = Map.copyOf(recordedJudges);
        }
    }

    public static RunRows read(Path run) {
        if (!Files.isDirectory(run)) {
            throw new BadInputException(run + ": expected a run directory (runs/<id>/ with manifest.json and eval/)");
        }
        Path manifest = run.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            throw new BadInputException(manifest + ": file not found; expected the run's provenance manifest (harness.md §8)");
        }
        Provenance provenance = withEvaluation(Provenance.fromManifest(manifest), firstSidecar(run.resolve("eval/pass_rate")));
        JsonNode labels = EvalFiles.readJson(manifest).path("eval").path("models");
        boolean stable = "stabletoolbench".equals(provenance.profile());
        String tieRule = provenance.details().getOrDefault("judge.tie_rule", "loss");
        Map<String, String> judges = new TreeMap<>();
        List<ResultRow> rows = new ArrayList<>();

        Map<String, List<GroupPassRate>> passRates = new TreeMap<>();
        for (Path file : resultFiles(run.resolve("eval/pass_rate"))) {
            String name = file.getFileName().toString();
            String group = Groups.prefixOf(name).orElseThrow();
            String model = name.substring(group.length() + 1, name.length() - ".json".length());
            passRates.computeIfAbsent(model, m -> new ArrayList<>()).add(PassRateFiles.readJson(file, group, model));
            recordedJudge(file).ifPresent(j -> judges.put(run.relativize(file).toString(), j));
        }
        passRates.forEach((model, groups) -> rows.add(passRateRow(run, labels, model, groups, provenance)));

        Map<String, List<GroupPreference>> preferences = new TreeMap<>();
        for (Path file : resultFiles(run.resolve("eval/preference"))) {
            String name = file.getFileName().toString();
            GroupPreference preference = PreferenceFiles.readJson(file, Groups.prefixOf(name).orElseThrow());
            if (preference.candidate() == null) {
                continue; // an empty result file: no query was compared
            }
            preferences.computeIfAbsent(preference.candidate() + " vs " + preference.reference(), k -> new ArrayList<>())
                    .add(preference);
        }
        preferences.values().forEach(groups -> rows.add(winRateRow(run, labels, groups, stable, tieRule, provenance)));

        if (rows.isEmpty()) {
            throw new BadInputException(run.resolve("eval") + ": expected pass-rate results (eval/pass_rate/<model>/<group>_<model>.json)"
                    + " or preference results (eval/preference/<group>_<ref>_<cand>.json), found none; run stave eval first");
        }
        return new RunRows(run, provenance, rows, judges);
    }

    private static ResultRow passRateRow(Path run, JsonNode labels, String model, List<GroupPassRate> groups,
            Provenance provenance) {
        List<MeasuredCell> cells = new ArrayList<>();
        Metric metric = Metric.PASS_RATE;
        for (GroupPassRate g : groups) {
            if (g.rule() == PassRateRule.STABLE) {
                metric = Metric.SOPR;
                double[] perQuery = g.queries().stream()
                        .mapToDouble(q -> q.runs().stream().mapToDouble(r -> r.score()).average().orElse(0)).toArray();
                cells.add(bootstrapCell(g.group(), g.soprMean(), perQuery, "SoPR", model));
            } else {
                int passing = (int) g.queries().stream().filter(QueryPassRate::passes).count();
                cells.add(wilsonCell(g.group(), passing, g.evaluated()));
            }
        }
        Label label = label(run, labels, model, groups.getFirst().group());
        return new ResultRow(label.model(), label.method(), metric, cells, provenance);
    }

    private static ResultRow winRateRow(Path run, JsonNode labels, List<GroupPreference> groups, boolean stable,
            String tieRule, Provenance provenance) {
        List<MeasuredCell> cells = new ArrayList<>();
        String candidate = groups.getFirst().candidate();
        for (GroupPreference g : groups) {
            int n = g.queries().size();
            if ("half".equals(tieRule)) {
                double[] perQuery = g.queries().stream().mapToDouble(q -> switch (q.outcome()) {
                    case WIN -> 1.0;
                    case TIE -> 0.5;
                    case LOSS -> 0.0;
                }).toArray();
                cells.add(bootstrapCell(g.group(), g.winRateTiesAsHalf(), perQuery, "win-rate", candidate));
            } else {
                cells.add(wilsonCell(g.group(), g.wins(), n));
            }
        }
        Label label = label(run, labels, candidate, groups.getFirst().group());
        return new ResultRow(label.model(), label.method(), stable ? Metric.SOWR : Metric.WIN_RATE, cells, provenance);
    }

    static MeasuredCell wilsonCell(String group, int successes, int n) {
        Stats.Interval interval = Stats.wilson(successes, n, 0.95);
        double value = n == 0 ? 0 : 100.0 * successes / n;
        return new MeasuredCell(group, value, Math.min(value, 100 * interval.lower()), Math.max(value, 100 * interval.upper()), n);
    }

    private static MeasuredCell bootstrapCell(String group, double value, double[] perQuery, String metric, String model) {
        Stats.Interval interval = Stats.bootstrapMean(perQuery, Stats.BOOTSTRAP_REPLICATES,
                Seeds.derive(BOOTSTRAP_SEED, "bootstrap", metric, group, model));
        double v = 100 * value;
        // The interval is of the per-query means; the point estimate is the mean over runs, which equals
        // it when every query has every run. Widen, never cut, so the cell always holds its value.
        return new MeasuredCell(group, v, Math.min(v, 100 * interval.lower()), Math.max(v, 100 * interval.upper()),
                perQuery.length);
    }

    private record Label(String model, String method) {}

    /** Model and method of an evaluated name, from the manifest, else the converted file's provenance. */
    private static Label label(Path run, JsonNode labels, String evaluated, String group) {
        JsonNode given = labels.path(evaluated);
        String model = given.path("model").isTextual() ? given.path("model").asText() : evaluated;
        String method = given.path("method").isTextual() ? given.path("method").asText() : null;
        if (method == null) {
            Path sidecar = run.resolve("converted").resolve(evaluated).resolve(group + ".json.provenance.json");
            method = Files.isRegularFile(sidecar) ? EvalFiles.readJson(sidecar).path("method").asText("") : "";
        }
        return new Label(model, method);
    }

    /**
     * A manifest written by {@code stave run} alone says nothing of the evaluation; the
     * {@code .provenance.json} that {@code stave eval} writes beside its results does: rule
     * ({@code stable} = StableToolEval, {@code v2} = ToolEval v2) and judge ({@code openai:MODEL[@URL]},
     * {@code recorded:DIR}). The manifest's own fields win; {@code tools.spec} stands in for {@code tools.backend}.
     */
    static Provenance withEvaluation(Provenance p, JsonNode sidecar) {
        String rule = sidecar == null ? "" : sidecar.path("rule").asText("");
        String profile = p.profile() != null ? p.profile()
                : rule.equals("stable") ? "stabletoolbench" : rule.equals("v2") ? "toolbench" : rule.equals("v1") ? "tooleval-v1" : null;
        String evaluator = p.evaluator() != null ? p.evaluator()
                : rule.equals("stable") ? "StableToolEval" : rule.equals("v2") ? "ToolEval v2" : rule.equals("v1") ? "ToolEval v1" : null;
        String judgeModel = p.judgeModel();
        if (judgeModel == null && sidecar != null && sidecar.path("judge").isTextual()) {
            String judge = sidecar.path("judge").asText();
            judgeModel = judge.startsWith("openai:") ? judge.substring("openai:".length()).replaceFirst("@.*$", "") : judge;
        }
        String tools = p.tools() != null ? p.tools() : p.details().get("tools.spec");
        return new Provenance(p.runId(), profile, evaluator, judgeModel, tools, p.details());
    }

    private static JsonNode firstSidecar(Path folder) {
        for (Path file : resultFiles(folder)) {
            String name = file.getFileName().toString();
            Path sidecar = file.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".provenance.json");
            if (Files.isRegularFile(sidecar)) {
                return EvalFiles.readJson(sidecar);
            }
        }
        return null;
    }

    /** The judge id {@code stave eval} records beside a result file, when it did. */
    private static Optional<String> recordedJudge(Path resultFile) {
        String name = resultFile.getFileName().toString();
        Path sidecar = resultFile.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".provenance.json");
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        JsonNode judge = EvalFiles.readJson(sidecar).path("judge");
        return judge.isTextual() ? Optional.of(judge.asText()) : Optional.empty();
    }

    /** {@code <group>_*.json} result files under a folder, in path order; none when the folder is absent. */
    private static List<Path> resultFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".json") && !name.endsWith(".provenance.json") && Groups.prefixOf(name).isPresent();
            }).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(folder + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** Rows of several runs, in the order given. */
    public static List<RunRows> readAll(List<Path> runs) {
        Map<Path, RunRows> read = new LinkedHashMap<>();
        for (Path run : runs) {
            read.putIfAbsent(run.toAbsolutePath().normalize(), read(run));
        }
        return List.copyOf(read.values());
    }
}
