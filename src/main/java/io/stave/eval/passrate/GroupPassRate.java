package io.stave.eval.passrate;

import java.util.List;

/**
 * The pass-rate evaluation of one model on one group. Two denominators (§9.4): the queries that
 * were evaluated (answered and in the test ids; the original's) and the whole test set, where a
 * missing answer counts as a failure ({@code --strict-denominator}).
 *
 * @param testSetSize number of test ids (equals the evaluated count when no test-id file was given)
 * @param runCount    evaluations per query ({@code --times})
 * @param notJudged   "qid/run: message" for evaluations whose judge calls failed after retries
 */
public record GroupPassRate(
        String group,
        String model,
        PassRateRule rule,
        List<QueryPassRate> queries,
        int testSetSize,
        int runCount,
        List<String> notJudged) {

    public GroupPassRate {
        queries = List.copyOf(queries);
        notJudged = List.copyOf(notJudged);
    }

    public int evaluated() {
        return queries.size();
    }

    public int passing() {
        return (int) queries.stream().filter(QueryPassRate::passes).count();
    }

    /** Passing queries over evaluated queries, as ToolEval prints it. */
    public double passRate() {
        return queries.isEmpty() ? 0.0 : (double) passing() / queries.size();
    }

    /** Passing queries over the whole test set: missing answers count as failures. */
    public double passRateOverTestSet() {
        return testSetSize == 0 ? 0.0 : (double) passing() / testSetSize;
    }

    /** SoPR of each run: (Solved + ½ Unsure) over evaluated queries; a query without that run scores 0. */
    public double[] runScores() {
        double[] scores = new double[runCount];
        for (int r = 0; r < runCount; r++) {
            double sum = 0;
            for (QueryPassRate q : queries) {
                sum += q.run(r).map(RunVerdict::score).orElse(0.0);
            }
            scores[r] = queries.isEmpty() ? 0.0 : sum / queries.size();
        }
        return scores;
    }

    /** Mean of the run scores (StableToolEval's "Solve rate", as a fraction). */
    public double soprMean() {
        double[] scores = runScores();
        double sum = 0;
        for (double s : scores) {
            sum += s;
        }
        return scores.length == 0 ? 0.0 : sum / scores.length;
    }

    /** Population standard deviation (numpy's default ddof 0) of the run scores. */
    public double soprStd() {
        double[] scores = runScores();
        if (scores.length == 0) {
            return 0.0;
        }
        double mean = soprMean();
        double squares = 0;
        for (double s : scores) {
            squares += (s - mean) * (s - mean);
        }
        return Math.sqrt(squares / scores.length);
    }
}
