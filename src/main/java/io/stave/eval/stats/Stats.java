package io.stave.eval.stats;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The statistics of harness.md §9 behind one small facade (commons-math3 underneath): Wilson
 * intervals for rates, percentile bootstrap for averages (stratified by group for the six-group
 * averages), exact McNemar and paired bootstrap for two runs on the same queries, the sign test for
 * wins against losses, {@code pass^k} over trials, and the noise-floor flag.
 */
public final class Stats {

    /** Bootstrap replicates (harness.md §9: B = 10,000). */
    public static final int BOOTSTRAP_REPLICATES = 10_000;

    private Stats() {}

    /** A two-sided interval. */
    public record Interval(double lower, double upper) {
        public double halfWidth() {
            return (upper - lower) / 2;
        }
    }

    /** Exact McNemar: {@code b} = A pass and B fail, {@code c} = A fail and B pass. */
    public record McNemar(int b, int c, double pValue) {}

    /** Paired bootstrap of mean(B) − mean(A) over resampled query indices. */
    public record PairedBootstrap(double difference, Interval interval, double shareAtOrBelowZero, int replicates, long seed) {}

    /**
     * The two averages over groups (§9.6) with stratified bootstrap intervals: the unweighted mean of
     * the group means (the published "Average") and the query-weighted mean.
     */
    public record GroupAverages(double unweighted, Interval unweightedInterval, double weighted, Interval weightedInterval,
            int replicates, long seed) {}

    /** Wilson score interval of {@code successes} out of {@code n} (95 % for 0.95). */
    public static Interval wilson(int successes, int n, double confidence) {
        if (n == 0) {
            return new Interval(0, 1);
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(n, successes, confidence);
        return new Interval(ci.getLowerBound(), ci.getUpperBound());
    }

    public static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /** Percentile bootstrap (2.5 / 97.5 percentiles) of the mean over {@code replicates} resamples. */
    public static Interval bootstrapMean(double[] values, int replicates, long seed) {
        if (values.length == 0) {
            return new Interval(0, 0);
        }
        RandomGenerator random = new Well19937c(seed);
        double[] means = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[r] = sum / values.length;
        }
        return percentiles(means);
    }

    /** Exact McNemar test on paired binary outcomes (two-sided binomial test on the discordant pairs). */
    public static McNemar mcnemar(boolean[] a, boolean[] b) {
        requirePaired(a.length, b.length);
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && !b[i]) {
                onlyA++;
            } else if (!a[i] && b[i]) {
                onlyB++;
            }
        }
        return new McNemar(onlyA, onlyB, binomialTwoSided(onlyA + onlyB, onlyA));
    }

    /** Sign test of wins against losses (ties left out). */
    public static double signTest(int wins, int losses) {
        return binomialTwoSided(wins + losses, wins);
    }

    /** Resamples query indices once per replicate for both runs, so the pairing is kept. */
    public static PairedBootstrap pairedBootstrap(double[] a, double[] b, int replicates, long seed) {
        requirePaired(a.length, b.length);
        double observed = mean(b) - mean(a);
        if (a.length == 0) {
            return new PairedBootstrap(0, new Interval(0, 0), 1, replicates, seed);
        }
        RandomGenerator random = new Well19937c(seed);
        double[] differences = new double[replicates];
        int atOrBelowZero = 0;
        for (int r = 0; r < replicates; r++) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                int k = random.nextInt(a.length);
                sum += b[k] - a[k];
            }
            differences[r] = sum / a.length;
            if (differences[r] <= 0) {
                atOrBelowZero++;
            }
        }
        return new PairedBootstrap(observed, percentiles(differences), (double) atOrBelowZero / replicates, replicates, seed);
    }

    /**
     * Stratified percentile bootstrap of the group averages: each replicate resamples every group's
     * per-query scores within the group (so every group keeps its size), then takes the unweighted
     * mean of the group means and the pooled mean.
     */
    public static GroupAverages groupAverages(Map<String, double[]> scoresByGroup, int replicates, long seed) {
        List<double[]> groups = scoresByGroup.values().stream().filter(g -> g.length > 0).toList();
        if (groups.isEmpty()) {
            return new GroupAverages(0, new Interval(0, 0), 0, new Interval(0, 0), replicates, seed);
        }
        RandomGenerator random = new Well19937c(seed);
        double[] unweighted = new double[replicates];
        double[] weighted = new double[replicates];
        for (int r = 0; r < replicates; r++) {
            double sumOfMeans = 0;
            double total = 0;
            int n = 0;
            for (double[] group : groups) {
                double sum = 0;
                for (int i = 0; i < group.length; i++) {
                    sum += group[random.nextInt(group.length)];
                }
                sumOfMeans += sum / group.length;
                total += sum;
                n += group.length;
            }
            unweighted[r] = sumOfMeans / groups.size();
            weighted[r] = total / n;
        }
        double pointUnweighted = groups.stream().mapToDouble(Stats::mean).sum() / groups.size();
        double pointWeighted = groups.stream().mapToDouble(g -> mean(g) * g.length).sum()
                / groups.stream().mapToInt(g -> g.length).sum();
        return new GroupAverages(pointUnweighted, percentiles(unweighted), pointWeighted, percentiles(weighted), replicates, seed);
    }

    /**
     * {@code pass^k} (τ-bench, §9.5): the mean over queries of {@code C(c, k) / C(n, k)}, where
     * {@code c} is a query's number of passing trials out of {@code n}.
     */
    public static double passHatK(int[] passesPerQuery, int trials, int k) {
        if (k < 1 || k > trials) {
            throw new IllegalArgumentException("pass^k needs 1 <= k <= trials, found k = " + k + " for " + trials + " trials");
        }
        if (passesPerQuery.length == 0) {
            return 0;
        }
        double denominator = CombinatoricsUtils.binomialCoefficientDouble(trials, k);
        double sum = 0;
        for (int c : passesPerQuery) {
            if (c < 0 || c > trials) {
                throw new IllegalArgumentException("a query passed " + c + " of " + trials + " trials");
            }
            sum += c < k ? 0 : CombinatoricsUtils.binomialCoefficientDouble(c, k) / denominator;
        }
        return sum / passesPerQuery.length;
    }

    /** {@code pass^k} for k = 1 … trials (index k − 1). */
    public static double[] passHatK(int[] passesPerQuery, int trials) {
        double[] values = new double[trials];
        for (int k = 1; k <= trials; k++) {
            values[k - 1] = passHatK(passesPerQuery, trials, k);
        }
        return values;
    }

    /**
     * The noise-floor flag (§9.7): a difference (two runs, or a run and a published number) whose
     * magnitude is below the half-width of its interval is "within noise".
     */
    public static boolean withinNoise(double difference, double halfWidth) {
        return Math.abs(difference) < halfWidth;
    }

    /** {@link #withinNoise(double, double)} with the half-width of {@code interval}. */
    public static boolean withinNoise(double difference, Interval interval) {
        return withinNoise(difference, interval.halfWidth());
    }

    private static double binomialTwoSided(int trials, int successes) {
        if (trials == 0) {
            return 1.0;
        }
        return new BinomialTest().binomialTest(trials, successes, 0.5, AlternativeHypothesis.TWO_SIDED);
    }

    private static Interval percentiles(double[] replicates) {
        Percentile percentile = new Percentile();
        percentile.setData(replicates);
        return new Interval(percentile.evaluate(2.5), percentile.evaluate(97.5));
    }

    private static void requirePaired(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("paired statistics need the same queries in both runs: " + a + " vs " + b);
        }
    }
}
