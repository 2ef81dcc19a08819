package io.stave.cli;

import io.stave.BadInputException;
import io.stave.agent.retrieval.ApiRetriever;
import io.stave.agent.retrieval.GroupScores;
import io.stave.agent.retrieval.RetrievalEvaluation;
import io.stave.agent.retrieval.RetrievalReport;
import io.stave.bench.Suite;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stave retrieve eval}: recall@k and NDCG@k of the retriever per group and overall. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the retriever against each query's relevant APIs: mean recall@k and NDCG@k "
                + "(binary relevance) per group and over all queries.")
final class RetrieveEvalCommand implements Callable<Integer> {

    @Mixin
    RetrieverOptions options;

    @Option(names = "--json", description = "Print JSON instead of the table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Suite> suites = options.suites();
        if (suites.isEmpty()) {
            throw new BadInputException("--suite/--queries: expected at least one suite or query file to evaluate");
        }
        ApiRetriever retriever = options.retriever(options.corpus(suites), spec.commandLine().getErr());
        RetrievalReport report = RetrievalEvaluation.evaluate(retriever, suites, options.k);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(report) + "\n" : table(report));
        out.flush();
        return 0;
    }

    private static String table(RetrievalReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "retriever %s%ncorpus    %,d APIs from %s%n%n", report.retriever(),
                report.corpusSize(), report.corpus()));
        String recall = "recall@" + report.k();
        String ndcg = "NDCG@" + report.k();
        text.append(String.format(Locale.ROOT, "%-16s %7s %7s %9s %9s %8s%n", "GROUP", "QUERIES", "SCORED", recall,
                ndcg, "MISSING"));
        List<GroupScores> rows = new ArrayList<>(report.groups());
        rows.add(report.overall());
        for (GroupScores row : rows) {
            text.append(String.format(Locale.ROOT, "%-16s %7d %7d %9s %9s %8d%n", row.group(), row.queries(),
                    row.scored(), fixed(row.recall()), fixed(row.ndcg()), row.missing()));
        }
        text.append(String.format(Locale.ROOT,
                "%nSCORED: queries with relevant APIs (the ones averaged); MISSING: relevant APIs not in the corpus.%n"));
        return text.toString();
    }

    private static String fixed(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4f", x);
    }

    private static String json(RetrievalReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("retriever", report.retriever());
        root.put("corpus", report.corpus());
        root.put("corpus_size", report.corpusSize());
        root.put("k", report.k());
        root.put("groups", report.groups().stream().map(RetrieveEvalCommand::json).toList());
        root.put("overall", json(report.overall()));
        return JsonOutput.pretty(root);
    }

    private static Map<String, Object> json(GroupScores scores) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("group", scores.group());
        row.put("queries", scores.queries());
        row.put("scored", scores.scored());
        // NaN (no scored query) is not JSON: null instead.
        row.put("recall", Double.isNaN(scores.recall()) ? null : scores.recall());
        row.put("ndcg", Double.isNaN(scores.ndcg()) ? null : scores.ndcg());
        row.put("missing_relevant_apis", scores.missing());
        return row;
    }
}
