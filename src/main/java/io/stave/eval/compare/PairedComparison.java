package io.stave.eval.compare;

import io.stave.eval.passrate.GroupPassRate;
import io.stave.eval.passrate.PassRateRule;
import io.stave.eval.passrate.QueryPassRate;
import io.stave.eval.passrate.RunVerdict;
import io.stave.eval.stats.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Two runs on the same queries (harness.md §9.4): per-query outcomes paired by query id, exact
 * McNemar on pass/fail labels (v1/v2 results), and the paired bootstrap of the difference of the
 * per-query scores (pass = 1 / fail = 0, or the mean SoPR credit of a query's runs).
 *
 * @param onlyA query ids evaluated in run A only (left out of the pairing)
 */
public record PairedComparison(String group, int paired, double scoreA, double scoreB, Stats.McNemar mcnemar,
        Stats.PairedBootstrap bootstrap, List<String> onlyA, List<String> onlyB) {

    /** True when the difference is smaller than the half-width of its interval (harness.md §9.7). */
    public boolean withinNoise() {
        return Math.abs(scoreB - scoreA) < bootstrap.interval().halfWidth();
    }

    public static PairedComparison of(String group, GroupPassRate a, GroupPassRate b, long seed) {
        Map<String, QueryPassRate> byQidB = b.queries().stream().collect(Collectors.toMap(QueryPassRate::qid, Function.identity()));
        Map<String, QueryPassRate> byQidA = a.queries().stream().collect(Collectors.toMap(QueryPassRate::qid, Function.identity()));
        List<QueryPassRate> pairedA = new ArrayList<>();
        List<QueryPassRate> pairedB = new ArrayList<>();
        List<String> onlyA = new ArrayList<>();
        for (QueryPassRate q : a.queries()) {
            QueryPassRate other = byQidB.get(q.qid());
            if (other == null) {
                onlyA.add(q.qid());
            } else {
                pairedA.add(q);
                pairedB.add(other);
            }
        }
        List<String> onlyB = b.queries().stream().map(QueryPassRate::qid).filter(qid -> !byQidA.containsKey(qid)).toList();
        double[] scoresA = scores(pairedA, a.rule());
        double[] scoresB = scores(pairedB, b.rule());
        Stats.McNemar mcnemar = null;
        if (a.rule() != PassRateRule.STABLE && b.rule() != PassRateRule.STABLE) {
            boolean[] passA = new boolean[pairedA.size()];
            boolean[] passB = new boolean[pairedB.size()];
            for (int i = 0; i < passA.length; i++) {
                passA[i] = pairedA.get(i).passes();
                passB[i] = pairedB.get(i).passes();
            }
            mcnemar = Stats.mcnemar(passA, passB);
        }
        Stats.PairedBootstrap bootstrap = Stats.pairedBootstrap(scoresA, scoresB, Stats.BOOTSTRAP_REPLICATES, seed);
        return new PairedComparison(group, pairedA.size(), Stats.mean(scoresA), Stats.mean(scoresB), mcnemar, bootstrap,
                onlyA, onlyB);
    }

    private static double[] scores(List<QueryPassRate> queries, PassRateRule rule) {
        return queries.stream().mapToDouble(q -> rule == PassRateRule.STABLE
                ? q.runs().stream().mapToDouble(RunVerdict::score).average().orElse(0)
                : q.passes() ? 1 : 0).toArray();
    }
}
