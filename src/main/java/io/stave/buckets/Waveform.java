package io.stave.buckets;

import io.stave.BadInputException;

/**
 * The RoPE "attention upper bound" waveform of Attention Buckets (attention-buckets.md §2):
 * the logit q·R(m)·k / √d for q = k = all ones, as a function of the relative distance m.
 *
 * <pre>
 * θ_i(B) = B^(−2i/d)                                   i = 0 … d/2 − 1
 * f_B(m) = (1/√d) · Σ_i 2·cos(m·θ_i(B))
 * </pre>
 *
 * With positional interpolation of ratio r the waveform over token distance t is f_B(t/r).
 * Everything is computed in double, as the spec's test vectors are.
 *
 * @param base          RoPE base B (a real number, kept as double like the official Python ints)
 * @param headDim       head dimension d (even)
 * @param positionScale PI ratio r; 1 without interpolation
 */
public record Waveform(double base, int headDim, double positionScale) {

    /** The head dimension of Llama-2-7B, fixed by the official code. */
    public static final int LLAMA2_HEAD_DIM = 128;

    public Waveform {
        if (headDim <= 0 || headDim % 2 != 0) {
            throw new BadInputException("head dimension: expected a positive even number, got " + headDim);
        }
        if (!(base > 1) || Double.isInfinite(base)) {
            throw new BadInputException("RoPE base: expected a finite number above 1, got " + base);
        }
        if (!(positionScale > 0) || Double.isInfinite(positionScale)) {
            throw new BadInputException("position scale: expected a finite number above 0, got " + positionScale);
        }
    }

    public Waveform(double base, int headDim) {
        this(base, headDim, 1.0);
    }

    /** θ_i(B) = B^(−2i/d) for i = 0 … d/2 − 1: the rotation frequency of each pair. */
    public double[] frequencies() {
        double[] theta = new double[headDim / 2];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.pow(base, -2.0 * i / headDim);
        }
        return theta;
    }

    /** f_B(m / r): the attention upper bound at token distance m. */
    public double valueAt(double m) {
        double position = m / positionScale;
        double sum = 0;
        for (double theta : frequencies()) {
            sum += 2 * Math.cos(position * theta);
        }
        return sum / Math.sqrt(headDim);
    }

    /** f′_B(m / r) with respect to the interpolated distance; used only for plots. */
    public double derivativeAt(double m) {
        double position = m / positionScale;
        double sum = 0;
        for (double theta : frequencies()) {
            sum += -2 * theta * Math.sin(position * theta);
        }
        return sum / Math.sqrt(headDim);
    }

    /** f at every integer distance from {@code from} to {@code to}, both inclusive. */
    public double[] sample(int from, int to) {
        if (to < from) {
            throw new BadInputException("distance window: expected from ≤ to, got " + from + " … " + to);
        }
        double[] theta = frequencies();
        double norm = Math.sqrt(headDim);
        double[] y = new double[to - from + 1];
        for (int k = 0; k < y.length; k++) {
            double position = (from + k) / positionScale;
            double sum = 0;
            for (double t : theta) {
                sum += 2 * Math.cos(position * t);
            }
            y[k] = sum / norm;
        }
        return y;
    }
}
