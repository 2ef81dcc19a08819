package io.stave.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.data.QueryIds;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.eval.ConvertedFormat;
import io.stave.eval.judge.JudgeSpec;
import io.stave.eval.judge.ToolEvalTemplate;
import io.stave.eval.passrate.PassRateFiles;
import io.stave.eval.passrate.PassRateRule;
import io.stave.eval.stats.Stats;
import io.stave.eval.winrate.GroupPreference;
import io.stave.eval.winrate.PreferenceEvaluator;
import io.stave.eval.winrate.PreferenceFiles;
import io.stave.eval.winrate.V1Leaderboard;
import io.stave.eval.winrate.V1PreferenceEvaluator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stave eval win-rate}: ToolEval v1 or v2 win rate, or StableToolEval SoWR, of a candidate against a reference. */
@Command(name = "win-rate", mixinStandardHelpOptions = true,
        description = "Win rate of a candidate's converted answers against a reference's (ToolEval v1, v2 or SoWR).")
public final class EvalWinRateCommand implements Callable<Integer> {

    @Option(names = "--reference", required = true, paramLabel = "F", description = "Reference converted answers (ChatGPT-ReAct in the papers).")
    Path reference;

    @Option(names = "--candidate", required = true, paramLabel = "F", description = "Candidate converted answers.")
    Path candidate;

    @Option(names = "--rule", defaultValue = "v2", paramLabel = "v1|v2|stable",
            description = "v1 ToolEval (normalized evaluator, one sample per query), v2 ToolEval (label shortcut) or stable SoWR"
                    + " (shortcut never fires unless --stb-shortcut majority). Default: ${DEFAULT-VALUE}.")
    String rule;

    @Option(names = "--ties", defaultValue = "loss", paramLabel = "loss|half",
            description = "Headline tie rule; both rates are always printed (§9.7). Default: ${DEFAULT-VALUE}.")
    String ties;

    @Option(names = "--times", paramLabel = "R", description = "Rounds per query. Default: 2 for v2, 3 for stable.")
    Integer times;

    @Option(names = "--test-ids", paramLabel = "F", description = "Test-id file; default: the queries of both converted files.")
    Path testIds;

    @Option(names = "--pass-rate", paramLabel = "DIR",
            description = "Folder with both models' pass-rate CSVs (<group>_<model>.csv, or <model>/<group>_<model>.csv).")
    Path passRate;

    @Option(names = "--status-shuffle-bug", description = "Keep pass-rate statuses unshuffled, as the released v2 code (§9.6).")
    boolean statusShuffleBug;

    @Option(names = "--stb-shortcut", defaultValue = "never", paramLabel = "never|majority",
            description = "SoWR pass-rate shortcut (§10.2): never (as released) or majority (majority of the per-run statuses)."
                    + " Default: ${DEFAULT-VALUE}.")
    String stbShortcut;

    @Option(names = "--group", description = "Group name. Default: the reference file's name.")
    String group;

    @Option(names = "--reference-model", description = "Reference model name. Default: the reference file's folder.")
    String referenceModel;

    @Option(names = "--candidate-model", description = "Candidate model name. Default: the candidate file's folder.")
    String candidateModel;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write <group>_<ref>_<cand>.json/.csv (ToolEval formats) here; with --rule v1 also <cand>/win.csv.")
    Path out;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Mixin
    JudgeOptions judgeOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PassRateRule passRule = PassRateRule.parse(rule);
        PreferenceEvaluator.StbShortcut shortcut = PreferenceEvaluator.StbShortcut.parse(stbShortcut);
        if (shortcut == PreferenceEvaluator.StbShortcut.MAJORITY && passRule != PassRateRule.STABLE) {
            throw new BadInputException("--stb-shortcut majority: only for --rule stable");
        }
        if (passRule == PassRateRule.V1 && judgeOptions.judge != null && judgeOptions.judge.startsWith("recorded:")) {
            throw new BadInputException("--judge " + judgeOptions.judge + ": ToolEval v1's per-query judgements were never"
                    + " published (its result files hold answers and leaderboard rates only); expected openai: or local: for --rule v1");
        }
        if (passRule == PassRateRule.V1 && times != null) {
            throw new BadInputException("--times: ToolEval v1 takes one sample per query; leave --times out with --rule v1");
        }
        GroupPreference.TieRule tieRule = switch (ties) {
            case "loss" -> GroupPreference.TieRule.LOSS;
            case "half" -> GroupPreference.TieRule.HALF;
            default -> throw new BadInputException("--ties: expected loss or half, found '" + ties + "'");
        };
        String groupName = group != null ? group : EvalPassRateCommand.stem(reference);
        String refName = referenceModel != null ? referenceModel : EvalPassRateCommand.folder(reference);
        String candName = candidateModel != null ? candidateModel : EvalPassRateCommand.folder(candidate);
        if (refName.equals(candName)) {
            throw new BadInputException("--candidate-model: expected a name different from the reference's ('" + refName + "')");
        }
        ObjectNode refAnswers = ConvertedFormat.read(reference);
        ObjectNode candAnswers = ConvertedFormat.read(candidate);
        List<String> ids = testIds != null ? new ArrayList<>(QueryIds.read(testIds)) : union(refAnswers, candAnswers);
        if (ids.stream().noneMatch(id -> refAnswers.has(id) || candAnswers.has(id))) {
            throw new BadInputException(reference + ", " + candidate + ": expected answers to the test ids of " + testIds
                    + ", found none in either file: are they converted files of another group or suite?");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        warnMissing(stdout, ids, refAnswers, refName);
        warnMissing(stdout, ids, candAnswers, candName);
        int rounds = times != null ? times : passRule == PassRateRule.STABLE ? 3 : 2;
        GroupPreference result;
        try (JudgeSpec.Opened judge = judgeOptions.open(passRule, out)) {
            result = passRule == PassRateRule.V1
                    ? new V1PreferenceEvaluator(judge.judge(), judgeOptions.seed, v1Template().isMessageList())
                            .evaluate(groupName, ids, refAnswers, refName, candAnswers, candName)
                    : PreferenceEvaluator.builder(judge.judge()).rule(passRule).rounds(rounds).seed(judgeOptions.seed)
                    .statusShuffleBug(statusShuffleBug).stbShortcut(shortcut).threads(judgeOptions.threads).build()
                    .evaluate(groupName, ids,
                            new PreferenceEvaluator.Side(refName, refAnswers, passRates(groupName, refName)),
                            new PreferenceEvaluator.Side(candName, candAnswers, passRates(groupName, candName)));
        }
        if (out != null) {
            PreferenceFiles.write(out, result, refAnswers, candAnswers);
            if (passRule == PassRateRule.V1) {
                V1Leaderboard.writeWinCsv(out.resolve(candName).resolve("win.csv"),
                        V1Leaderboard.row(candName, Map.of(groupName, V1Leaderboard.preferences(result))));
            }
        }
        if (passRule == PassRateRule.V1 && !json) {
            V1Leaderboard.Rate v1 = V1Leaderboard.Rate.of(V1Leaderboard.preferences(result));
            stdout.printf(Locale.ROOT, "ToolEval v1 (%s): WinRate %s, StdError %s over %d queries answered by both%n",
                    v1Template().evaluatorName(), EvalPassRateCommand.pyFloat(v1.winRate()),
                    EvalPassRateCommand.pyFloat(v1.stdError()), v1.queries());
        }
        print(stdout, result, tieRule);
        return result.notJudged().isEmpty() ? 0 : 1;
    }

    private ToolEvalTemplate v1Template() {
        return ToolEvalTemplate.toolEvalV1(judgeOptions.v1Evaluator);
    }

    private Map<String, Map<String, String>> passRates(String groupName, String model) {
        if (passRate == null) {
            return null;
        }
        for (Path csv : List.of(PassRateFiles.csvFile(passRate.resolve(model), groupName, model),
                PassRateFiles.csvFile(passRate, groupName, model))) {
            if (Files.isRegularFile(csv)) {
                return PassRateFiles.readCsv(csv);
            }
        }
        throw new BadInputException(passRate + ": expected the pass-rate CSV " + groupName + "_" + model
                + ".csv (in the folder or its " + model + "/ subfolder)");
    }

    private static List<String> union(ObjectNode a, ObjectNode b) {
        Set<String> ids = new LinkedHashSet<>();
        a.fieldNames().forEachRemaining(ids::add);
        b.fieldNames().forEachRemaining(ids::add);
        return new ArrayList<>(ids);
    }

    private static void warnMissing(PrintWriter out, List<String> ids, ObjectNode answers, String model) {
        List<String> missing = ids.stream().filter(id -> !answers.has(id)).toList();
        if (!missing.isEmpty()) {
            out.printf("warning: %d test ids have no answer from %s (each round goes to the other side): %s%n",
                    missing.size(), model, String.join(", ", missing));
        }
    }

    private void print(PrintWriter stdout, GroupPreference r, GroupPreference.TieRule tieRule) {
        Stats.Interval wilson = Stats.wilson(r.wins(), r.queries().size(), 0.95);
        double sign = Stats.signTest(r.wins(), r.losses());
        if (json) {
            ObjectNode o = Json.NODES.objectNode();
            o.put("group", r.group());
            o.put("reference", r.reference());
            o.put("candidate", r.candidate());
            o.put("queries", r.queries().size());
            o.put("wins", r.wins());
            o.put("ties", r.ties());
            o.put("losses", r.losses());
            o.put("win_rate_ties_as_loss", r.winRateTiesAsLoss());
            o.put("win_rate_ties_as_half", r.winRateTiesAsHalf());
            o.put("tie_rate", r.tieRate());
            o.put("headline_tie_rule", tieRule == GroupPreference.TieRule.HALF ? "ties_as_half" : "ties_as_loss");
            o.put("headline", r.winRate(tieRule));
            o.set("wilson95_ties_as_loss", Json.NODES.arrayNode().add(wilson.lower()).add(wilson.upper()));
            o.put("sign_test_p", sign);
            ArrayNode notJudged = o.putArray("not_judged");
            r.notJudged().forEach(notJudged::add);
            stdout.println(PyJson.dumpsIndent(o, 2));
        } else {
            stdout.printf("Test set: %s. Reference model: %s, Candidate model: %s. Win rate: %s, Tie rate: %s%n", r.group(),
                    r.reference(), r.candidate(), EvalPassRateCommand.pyFloat(r.winRateTiesAsLoss()),
                    EvalPassRateCommand.pyFloat(r.tieRate()));
            stdout.printf(Locale.ROOT, "%d wins, %d ties, %d losses of %d; win rate %.1f%% (ties as loss, Wilson 95%% %.1f–%.1f), "
                            + "%.1f%% (ties as half); headline (%s): %.1f%%; sign test p = %.4g%n",
                    r.wins(), r.ties(), r.losses(), r.queries().size(), 100 * r.winRateTiesAsLoss(), 100 * wilson.lower(),
                    100 * wilson.upper(), 100 * r.winRateTiesAsHalf(),
                    tieRule == GroupPreference.TieRule.HALF ? "ties as half" : "ties as loss", 100 * r.winRate(tieRule), sign);
            if (!r.notJudged().isEmpty()) {
                stdout.printf("excluded: %d rounds not judged (judge failures after retries):%n", r.notJudged().size());
                r.notJudged().forEach(line -> stdout.println("  " + line));
            }
        }
        stdout.flush();
    }
}
