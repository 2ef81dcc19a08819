package io.stave.buckets;

import io.stave.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every hyperparameter of the greedy base search ({@code basic.py: base_choose_method1};
 * attention-buckets.md §3.1). {@link #shipped()} gives the values the official script runs with.
 *
 * @param headDim     head dimension d
 * @param from        first distance of the integer grid ({@code word_low})
 * @param to          last distance of the grid, inclusive ({@code word_high})
 * @param count       number of bases to return ({@code total_base_num})
 * @param baseLow     smallest candidate base
 * @param baseHigh    largest candidate base, inclusive
 * @param baseGap     step between candidates
 * @param coverRadius a peak and a trough match when their distances differ by at most this (δ)
 * @param seed        bases chosen before the greedy steps; empty selects automatic pair seeding
 * @param envelope    how peaks and troughs are found per base
 */
public record SearchSettings(
        int headDim,
        int from,
        int to,
        int count,
        double baseLow,
        double baseHigh,
        double baseGap,
        int coverRadius,
        List<Double> seed,
        EnvelopeRule envelope) {

    public SearchSettings {
        seed = List.copyOf(seed);
        if (headDim <= 0 || headDim % 2 != 0) {
            throw new BadInputException("--head-dim: expected a positive even number, got " + headDim);
        }
        if (to - from < 2) {
            throw new BadInputException("--from/--to: expected a window of at least 3 distances, got " + from + " … " + to);
        }
        if (!(baseLow > 1) || !(baseHigh >= baseLow) || !(baseGap > 0)) {
            throw new BadInputException("candidate bases: expected 1 < low ≤ high and gap > 0, got "
                    + baseLow + " … " + baseHigh + " step " + baseGap);
        }
        if (coverRadius < 0) {
            throw new BadInputException("--cover-radius: expected ≥ 0, got " + coverRadius);
        }
        if (count < Math.max(2, seed.size())) {
            throw new BadInputException("--count: expected at least 2 and at least the " + seed.size()
                    + " seed bases, got " + count);
        }
        if (seed.stream().distinct().count() != seed.size()) {
            throw new BadInputException("--seed: expected distinct bases, got " + seed);
        }
    }

    /** The official script as shipped: d 128, grid 1000 … 4090, 6 bases, candidates 10000 … 30000 step 500. */
    public static SearchSettings shipped() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The candidate bases, ascending: baseLow, baseLow + gap, … ≤ baseHigh. */
    public List<Double> candidates() {
        List<Double> candidates = new ArrayList<>();
        for (int i = 0; baseLow + i * baseGap <= baseHigh; i++) {
            candidates.add(baseLow + i * baseGap);
        }
        return candidates;
    }

    /** Starts from the shipped values; every setter overrides one. */
    public static final class Builder {
        private int headDim = Waveform.LLAMA2_HEAD_DIM;
        private int from = 1000;
        private int to = 4090;
        private int count = 6;
        private double baseLow = 10000;
        private double baseHigh = 30000;
        private double baseGap = 500;
        private int coverRadius = 3;
        private List<Double> seed = List.of(10000.0, 18000.0, 19000.0);
        private EnvelopeRule envelope = EnvelopeRule.SHIPPED;

        private Builder() {}

        public Builder headDim(int headDim) { this.headDim = headDim; return this; }
        public Builder window(int from, int to) { this.from = from; this.to = to; return this; }
        public Builder count(int count) { this.count = count; return this; }
        public Builder candidates(double low, double high, double gap) {
            this.baseLow = low; this.baseHigh = high; this.baseGap = gap; return this;
        }
        public Builder coverRadius(int coverRadius) { this.coverRadius = coverRadius; return this; }
        public Builder seed(List<Double> seed) { this.seed = seed; return this; }
        public Builder envelope(EnvelopeRule envelope) { this.envelope = envelope; return this; }

        public SearchSettings build() {
            return new SearchSettings(headDim, from, to, count, baseLow, baseHigh, baseGap, coverRadius, seed, envelope);
        }
    }
}
