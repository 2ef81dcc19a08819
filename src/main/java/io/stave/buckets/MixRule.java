package io.stave.buckets;

import io.stave.BadInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How the N buckets' next-token predictions become one (attention-buckets.md §5.3, §5.4). Both are
 * pure functions of the raw logits {@code float[N][V]} of one step, computed in float32, and both
 * return mixed logits for the ordinary sampler plus the per-bucket weights.
 */
public enum MixRule {

    /**
     * What produced every released result ({@code modeling_llama.py}): confidence c_j = the
     * maximum raw logit of bucket j, w = softmax(c) over buckets, mixed logits = Σ_j w_j·ℓ_j.
     * Averaging logits is a product of experts after the softmax, not a mixture of probabilities.
     */
    CODE {
        @Override
        Mixture mixValid(float[][] logits, int vocab) {
            int n = logits.length;
            float[] confidence = new float[n];
            for (int j = 0; j < n; j++) {
                confidence[j] = max(logits[j], vocab);
            }
            float[] weights = softmax(confidence, confidence.length);
            float[] mixed = new float[logits[0].length];
            Arrays.fill(mixed, vocab, mixed.length, Float.NEGATIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                float w = weights[j];
                float[] row = logits[j];
                for (int v = 0; v < vocab; v++) {
                    mixed[v] += w * row[v];
                }
            }
            return new Mixture(mixed, weights, confidence);
        }
    },

    /**
     * The paper's Figure 2 wording: p_j = softmax(ℓ_j), α = softmax_j(max_v p_j[v]) (an assumption
     * until the paper text is checked), p̂ = Σ_j α_j·p_j, mixed logits = log p̂.
     */
    PAPER {
        @Override
        Mixture mixValid(float[][] logits, int vocab) {
            int n = logits.length;
            float[][] probabilities = new float[n][];
            float[] confidence = new float[n];
            for (int j = 0; j < n; j++) {
                probabilities[j] = softmax(logits[j], vocab);
                confidence[j] = max(probabilities[j], vocab);
            }
            float[] weights = softmax(confidence, n);
            float[] mixed = new float[logits[0].length];
            for (int j = 0; j < n; j++) {
                float w = weights[j];
                for (int v = 0; v < vocab; v++) {
                    mixed[v] += w * probabilities[j][v];
                }
            }
            for (int v = 0; v < mixed.length; v++) {
                mixed[v] = v < vocab ? (float) Math.log(mixed[v]) : Float.NEGATIVE_INFINITY;
            }
            return new Mixture(mixed, weights, confidence);
        }
    };

    /** Mixes one step's raw logits {@code [N][V]}. With N = 1 the {@code code} rule returns row 0 exactly. */
    public Mixture mix(float[][] logits) {
        return mix(logits, logits.length == 0 ? 0 : logits[0].length);
    }

    /**
     * Mixes using only the first {@code vocab} entries of every row: extra vocabulary rows (an added
     * {@code <pad>}) take no part in the confidences and come out as −∞.
     */
    public Mixture mix(float[][] logits, int vocab) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("no buckets to mix");
        }
        int width = logits[0].length;
        for (float[] row : logits) {
            if (row.length != width) {
                throw new IllegalArgumentException("bucket logits of different lengths: " + row.length + " and " + width);
            }
        }
        if (vocab < 1 || vocab > width) {
            throw new IllegalArgumentException("vocabulary " + vocab + " outside 1 … " + width);
        }
        return mixValid(logits, vocab);
    }

    abstract Mixture mixValid(float[][] logits, int vocab);

    /** The rule named on the command line ({@code code} or {@code paper}). */
    public static MixRule parse(String name) {
        for (MixRule rule : values()) {
            if (rule.cliName().equals(name)) {
                return rule;
            }
        }
        throw new BadInputException("--mix: expected code or paper, got \"" + name + "\"");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static float max(float[] row, int length) {
        float max = Float.NEGATIVE_INFINITY;
        for (int v = 0; v < length; v++) {
            max = Math.max(max, row[v]);
        }
        return max;
    }

    /** softmax over the first {@code length} entries, float32, with the max subtracted first. */
    static float[] softmax(float[] x, int length) {
        float max = max(x, length);
        float[] out = new float[length];
        float sum = 0;
        for (int i = 0; i < length; i++) {
            out[i] = (float) Math.exp(x[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /**
     * One step's result: mixed logits {@code [V]} for the sampler, the bucket weights {@code [N]},
     * and the confidences {@code [N]} they came from (max logit for code, max probability for paper).
     */
    public record Mixture(float[] logits, float[] weights, float[] confidences) {}
}
