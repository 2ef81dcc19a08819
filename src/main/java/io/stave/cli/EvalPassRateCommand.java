package io.stave.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.data.QueryIds;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.eval.ConvertedFormat;
import io.stave.eval.judge.JudgeSpec;
import io.stave.eval.passrate.GroupPassRate;
import io.stave.eval.passrate.PassRateEvaluator;
import io.stave.eval.passrate.PassRateFiles;
import io.stave.eval.passrate.PassRateRule;
import io.stave.eval.passrate.RuleBasedPassRate;
import io.stave.eval.stats.Stats;
import io.stave.eval.Seeds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stave eval pass-rate}: ToolEval v1 / v2 pass rate or StableToolEval SoPR of one converted file. */
@Command(name = "pass-rate", mixinStandardHelpOptions = true,
        description = "Pass rate of converted answers: v1 rules, ToolEval v2 (majority of K judged runs) or SoPR (stable).")
public final class EvalPassRateCommand implements Callable<Integer> {

    @Option(names = "--converted", required = true, paramLabel = "F",
            description = "Converted answers <root>/<model>/<group>.json (§2.7).")
    Path converted;

    @Option(names = "--rule", defaultValue = "v2", paramLabel = "v1|v2|stable",
            description = "v1 rule-based, v2 ToolEval (ToolLLM tables), stable StableToolEval SoPR. Default: ${DEFAULT-VALUE}.")
    String rule;

    @Option(names = "--times", paramLabel = "K",
            description = "Judged runs per query. Default: 7 for v2, 3 for stable (the published scripts).")
    Integer times;

    @Option(names = "--test-ids", paramLabel = "F",
            description = "Test-id file of the group (§2.2); queries outside it are skipped. Default: every converted answer.")
    Path testIds;

    @Option(names = "--strict-denominator",
            description = "Headline over the whole test set: a query without an answer counts as failed (needs --test-ids).")
    boolean strictDenominator;

    @Option(names = "--group", description = "Group name. Default: the converted file's name.")
    String group;

    @Option(names = "--model", description = "Model name in the result files. Default: the converted file's folder.")
    String model;

    @Option(names = "--out", paramLabel = "DIR", description = "Write <group>_<model>.json/.csv (ToolEval formats) here.")
    Path out;

    @Option(names = "--overwrite",
            description = "Judge every query again; by default queries already in --out's result file are kept (resume).")
    boolean overwrite;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Mixin
    JudgeOptions judgeOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PassRateRule passRule = PassRateRule.parse(rule);
        String groupName = group != null ? group : stem(converted);
        String modelName = model != null ? model : folder(converted);
        Set<String> ids = testIds == null ? null : QueryIds.read(testIds);
        if (strictDenominator && ids == null) {
            throw new BadInputException("--strict-denominator: expected --test-ids to know the whole test set");
        }
        ObjectNode answers = ConvertedFormat.read(converted);
        GroupPassRate result;
        String judgeId = "rules:v1";
        if (passRule == PassRateRule.V1) {
            ObjectNode selected = answers;
            if (ids != null) {
                selected = Json.NODES.objectNode();
                for (String qid : ids) {
                    if (answers.has(qid)) {
                        selected.set(qid, answers.get(qid));
                    }
                }
            }
            GroupPassRate rules = RuleBasedPassRate.ofConverted(selected, groupName, modelName);
            result = new GroupPassRate(groupName, modelName, PassRateRule.V1, rules.queries(),
                    ids == null ? rules.evaluated() : ids.size(), 1, List.of());
        } else {
            int runs = times != null ? times : passRule == PassRateRule.STABLE ? 3 : 7;
            GroupPassRate previous = previous(passRule, groupName, modelName);
            try (JudgeSpec.Opened judge = judgeOptions.open(passRule, out)) {
                judgeId = judge.judge().id();
                result = PassRateEvaluator.builder(judge.judge()).rule(passRule).times(runs).seed(judgeOptions.seed)
                        .threads(judgeOptions.threads).build()
                        .evaluate(converted, answers, ids, groupName, modelName, previous);
            }
        }
        if (out != null && passRule != PassRateRule.V1) {
            PassRateFiles.write(out, result, judgeOptions.seed, judgeId);
        }
        print(result, passRule);
        return result.notJudged().isEmpty() ? 0 : 1;
    }

    /** The results already in --out for this group and model (resume), unless --overwrite. */
    private GroupPassRate previous(PassRateRule passRule, String groupName, String modelName) {
        if (out == null || overwrite) {
            return null;
        }
        Path file = PassRateFiles.jsonFile(out, groupName, modelName);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        GroupPassRate previous = PassRateFiles.readJson(file, groupName, modelName);
        if (previous.rule() != passRule && !previous.queries().isEmpty()) {
            throw new BadInputException(file + ": expected " + passRule.cliName() + " results to resume, found "
                    + previous.rule().cliName() + " results (use --overwrite to start again)");
        }
        return previous;
    }

    private void print(GroupPassRate r, PassRateRule passRule) {
        PrintWriter stdout = spec.commandLine().getOut();
        Stats.Interval answered = Stats.wilson(r.passing(), r.evaluated(), 0.95);
        Stats.Interval whole = Stats.wilson(r.passing(), r.testSetSize(), 0.95);
        double headline = strictDenominator ? r.passRateOverTestSet() : r.passRate();
        if (json) {
            ObjectNode o = Json.NODES.objectNode();
            o.put("group", r.group());
            o.put("model", r.model());
            o.put("rule", passRule.cliName());
            o.put("runs", r.runCount());
            o.put("evaluated", r.evaluated());
            o.put("test_set", r.testSetSize());
            o.put("headline_denominator", strictDenominator ? "test_set" : "answered");
            if (passRule != PassRateRule.STABLE) {
                o.put("passing", r.passing());
                o.put("pass_rate", r.passRate());
                o.put("pass_rate_test_set", r.passRateOverTestSet());
                o.put("headline", headline);
                o.set("wilson95", interval(answered));
                o.set("wilson95_test_set", interval(whole));
            } else {
                o.put("headline", strictDenominator ? soprOverTestSet(r) : r.soprMean());
                o.put("sopr", r.soprMean());
                o.put("sopr_test_set", soprOverTestSet(r));
                o.put("sopr_std", r.soprStd());
                ArrayNode scores = o.putArray("run_scores");
                for (double s : r.runScores()) {
                    scores.add(s);
                }
                double[] perQuery = perQueryScores(r);
                o.set("sopr_bootstrap95", interval(Stats.bootstrapMean(perQuery, Stats.BOOTSTRAP_REPLICATES,
                        Seeds.derive(judgeOptions.seed, "bootstrap", r.group(), r.model()))));
                o.put("bootstrap_replicates", Stats.BOOTSTRAP_REPLICATES);
            }
            ArrayNode notJudged = o.putArray("not_judged");
            r.notJudged().forEach(notJudged::add);
            stdout.println(PyJson.dumpsIndent(o, 2));
        } else {
            if (passRule != PassRateRule.STABLE) {
                stdout.printf("Test set: %s. Model: %s. Pass rate: %s%n", r.group(), r.model(), pyFloat(r.passRate()));
                stdout.printf(Locale.ROOT, "%s pass rate: %.1f%% of %d answered (%d passing, Wilson 95%% %.1f–%.1f); "
                                + "%.1f%% of the %d test ids; headline (%s): %.1f%%%n",
                        passRule.cliName(), 100 * r.passRate(), r.evaluated(), r.passing(), 100 * answered.lower(),
                        100 * answered.upper(), 100 * r.passRateOverTestSet(), r.testSetSize(),
                        strictDenominator ? "test set" : "answered", 100 * headline);
            } else {
                stdout.printf("Test set: %s. Model: %s.%n", r.group(), r.model());
                stdout.printf(Locale.ROOT, "Solve rate: %.1f%% Std: %.1f%%%n", 100 * r.soprMean(), 100 * r.soprStd());
                stdout.printf(Locale.ROOT, "SoPR over %d answered queries, %d runs; over the %d test ids: %.1f%%; headline (%s): %.1f%%%n",
                        r.evaluated(), r.runCount(), r.testSetSize(), 100 * soprOverTestSet(r),
                        strictDenominator ? "test set" : "answered", 100 * (strictDenominator ? soprOverTestSet(r) : r.soprMean()));
                Stats.Interval boot = Stats.bootstrapMean(perQueryScores(r), Stats.BOOTSTRAP_REPLICATES,
                        Seeds.derive(judgeOptions.seed, "bootstrap", r.group(), r.model()));
                stdout.printf(Locale.ROOT, "SoPR bootstrap over queries (B=%d): %.1f–%.1f%n", Stats.BOOTSTRAP_REPLICATES,
                        100 * boot.lower(), 100 * boot.upper());
            }
            if (!r.notJudged().isEmpty()) {
                stdout.printf("excluded: %d evaluations not judged (judge failures after retries):%n", r.notJudged().size());
                r.notJudged().forEach(line -> stdout.println("  " + line));
            }
        }
        stdout.flush();
    }

    /** SoPR with the whole test set as denominator: a query without an answer scores 0. */
    static double soprOverTestSet(GroupPassRate r) {
        return r.testSetSize() == 0 ? 0 : r.soprMean() * r.evaluated() / r.testSetSize();
    }

    /** A query's SoPR credit: the mean of its runs' scores. */
    static double[] perQueryScores(GroupPassRate r) {
        List<Double> scores = new ArrayList<>();
        r.queries().forEach(q -> scores.add(q.runs().stream().mapToDouble(run -> run.score()).average().orElse(0)));
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static ArrayNode interval(Stats.Interval i) {
        return Json.NODES.arrayNode().add(i.lower()).add(i.upper());
    }

    /** Python's {@code str(float)}, as ToolEval prints the rate. */
    static String pyFloat(double x) {
        return io.stave.bench.py.PyFloat.repr(x);
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    static String folder(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? "model" : parent.getFileName().toString();
    }
}
