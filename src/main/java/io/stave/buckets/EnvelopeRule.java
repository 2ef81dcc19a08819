package io.stave.buckets;

import io.stave.BadInputException;

/**
 * How many envelope peaks and troughs to keep and how they are told apart (attention-buckets.md
 * §3.1, §3.3, §3.4). The two finders are deliberately asymmetric, hence separate spacings.
 *
 * @param count         peaks (and troughs) kept per base; 6 as shipped
 * @param tolerance     a local extremum matches the running envelope when within this; 0.001
 * @param peakSpacing   a peak is recorded only when strictly more than this after the last; 50
 * @param troughSpacing a trough is recorded only when strictly more than this before the last; 60
 * @param step          the envelope window starts at most this far past the match; 50
 * @param peakWindow    samples in the peak finder's look-ahead window; 500
 */
public record EnvelopeRule(
        int count, double tolerance, int peakSpacing, int troughSpacing, int step, int peakWindow) {

    /** The hyperparameters of {@code basic.py} as shipped. */
    public static final EnvelopeRule SHIPPED = new EnvelopeRule(6, 0.001, 50, 60, 50, 500);

    public EnvelopeRule {
        if (count < 1) {
            throw new BadInputException("extrema per base: expected at least 1, got " + count);
        }
        if (!(tolerance >= 0)) {
            throw new BadInputException("envelope tolerance: expected a number ≥ 0, got " + tolerance);
        }
        if (peakSpacing < 0 || troughSpacing < 0) {
            throw new BadInputException("extrema spacing: expected ≥ 0, got " + peakSpacing + " and " + troughSpacing);
        }
        if (step < 1 || peakWindow < 1) {
            throw new BadInputException("envelope step and window: expected ≥ 1, got " + step + " and " + peakWindow);
        }
    }
}
