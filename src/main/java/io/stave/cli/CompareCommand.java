package io.stave.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stave.BadInputException;
import io.stave.bench.py.Json;
import io.stave.bench.py.PyJson;
import io.stave.eval.Seeds;
import io.stave.eval.compare.PairedComparison;
import io.stave.eval.compare.RunResults;
import io.stave.eval.passrate.GroupPassRate;
import io.stave.eval.passrate.QueryPassRate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stave compare RUN_A RUN_B}: paired statistics of two runs' pass rates on the same queries. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Paired comparison of two runs' pass-rate results: exact McNemar and paired bootstrap, per group and pooled.")
public final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_A", description = "Folder of pass-rate results, or a run directory with eval/pass_rate/.")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run compared with RUN_A (differences are B − A).")
    Path runB;

    @Option(names = "--force", description = "Compare even when the rules or judges differ (marked not comparable).")
    boolean force;

    @Option(names = "--seed", defaultValue = "42", description = "Bootstrap seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunResults a = RunResults.load(runA);
        RunResults b = RunResults.load(runB);
        List<String> groups = a.groups().keySet().stream().filter(b.groups()::containsKey).toList();
        if (groups.isEmpty()) {
            throw new BadInputException(runB + ": expected results for a group of " + runA + " (" + a.groups().keySet() + "), found "
                    + b.groups().keySet());
        }
        List<String> problems = new ArrayList<>();
        for (String g : groups) {
            if (a.groups().get(g).rule() != b.groups().get(g).rule()) {
                problems.add(g + ": rule " + a.groups().get(g).rule().cliName() + " vs " + b.groups().get(g).rule().cliName());
            }
            String judgeA = a.judges().get(g);
            String judgeB = b.judges().get(g);
            if (judgeA != null && judgeB != null && !Objects.equals(judgeA, judgeB)) {
                problems.add(g + ": judge " + judgeA + " vs " + judgeB);
            }
        }
        if (!problems.isEmpty() && !force) {
            throw new BadInputException("compare refused, the runs were scored differently (" + String.join("; ", problems)
                    + "); use --force to compare anyway");
        }
        List<PairedComparison> comparisons = new ArrayList<>();
        List<QueryPassRate> pooledA = new ArrayList<>();
        List<QueryPassRate> pooledB = new ArrayList<>();
        for (String g : groups) {
            GroupPassRate ga = a.groups().get(g);
            GroupPassRate gb = b.groups().get(g);
            comparisons.add(PairedComparison.of(g, ga, gb, Seeds.derive(seed, "bootstrap", "compare", g)));
            ga.queries().forEach(q -> pooledA.add(prefixed(g, q)));
            gb.queries().forEach(q -> pooledB.add(prefixed(g, q)));
        }
        GroupPassRate first = a.groups().get(groups.getFirst());
        GroupPassRate firstB = b.groups().get(groups.getFirst());
        if (groups.size() > 1) {
            comparisons.add(PairedComparison.of("pooled",
                    new GroupPassRate("pooled", first.model(), first.rule(), pooledA, pooledA.size(), first.runCount(), List.of()),
                    new GroupPassRate("pooled", firstB.model(), firstB.rule(), pooledB, pooledB.size(), firstB.runCount(), List.of()),
                    Seeds.derive(seed, "bootstrap", "compare", "pooled")));
        }
        print(comparisons, problems, first.model(), firstB.model());
        return 0;
    }

    private static QueryPassRate prefixed(String group, QueryPassRate q) {
        return new QueryPassRate(group + "/" + q.qid(), q.query(), q.toolNames(), q.steps(), q.passed(), q.failed(), q.runs());
    }

    private void print(List<PairedComparison> comparisons, List<String> problems, String modelA, String modelB) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.NODES.objectNode();
            root.put("a", modelA);
            root.put("b", modelB);
            root.put("comparable", problems.isEmpty());
            ArrayNode rows = root.putArray("groups");
            for (PairedComparison c : comparisons) {
                ObjectNode row = rows.addObject();
                row.put("group", c.group());
                row.put("paired", c.paired());
                row.put("score_a", c.scoreA());
                row.put("score_b", c.scoreB());
                row.put("difference", c.bootstrap().difference());
                row.set("bootstrap95", Json.NODES.arrayNode().add(c.bootstrap().interval().lower()).add(c.bootstrap().interval().upper()));
                row.put("share_at_or_below_zero", c.bootstrap().shareAtOrBelowZero());
                row.put("bootstrap_replicates", c.bootstrap().replicates());
                if (c.mcnemar() != null) {
                    row.put("mcnemar_b", c.mcnemar().b());
                    row.put("mcnemar_c", c.mcnemar().c());
                    row.put("mcnemar_p", c.mcnemar().pValue());
                }
                row.put("within_noise", c.withinNoise());
                row.put("only_a", c.onlyA().size());
                row.put("only_b", c.onlyB().size());
            }
            out.println(PyJson.dumpsIndent(root, 2));
        } else {
            out.printf("A = %s (%s), B = %s (%s)%s%n", modelA, runA, modelB, runB,
                    problems.isEmpty() ? "" : "  [not comparable: " + String.join("; ", problems) + "]");
            for (PairedComparison c : comparisons) {
                out.printf(Locale.ROOT, "%-15s n=%d  A %.1f%%  B %.1f%%  B−A %+.1f [%.1f, %.1f]%s%s%s%n", c.group(), c.paired(),
                        100 * c.scoreA(), 100 * c.scoreB(), 100 * c.bootstrap().difference(),
                        100 * c.bootstrap().interval().lower(), 100 * c.bootstrap().interval().upper(),
                        c.mcnemar() == null ? "" : String.format(Locale.ROOT, "  McNemar b=%d c=%d p=%.4g",
                                c.mcnemar().b(), c.mcnemar().c(), c.mcnemar().pValue()),
                        c.withinNoise() ? "  within noise" : "",
                        c.onlyA().isEmpty() && c.onlyB().isEmpty() ? ""
                                : "  (unpaired: " + c.onlyA().size() + " only in A, " + c.onlyB().size() + " only in B)");
            }
        }
        out.flush();
    }
}
