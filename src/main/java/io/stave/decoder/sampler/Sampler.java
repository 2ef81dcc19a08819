package io.stave.decoder.sampler;

/** Picks the next token from raw logits. Samplers keep their RNG state between calls. */
public interface Sampler {

    /** The chosen token id. {@code logits} may be modified. */
    int sample(float[] logits);

    /** Index of the largest logit; ties go to the lowest id (strict {@code >}). */
    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Greedy decoding. */
    static Sampler greedy() {
        return Sampler::argmax;
    }

    /** In-place softmax in float32, max subtracted first. */
    static void softmax(float[] x) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : x) {
            max = Math.max(max, v);
        }
        float sum = 0f;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.exp(x[i] - max);
            sum += x[i];
        }
        for (int i = 0; i < x.length; i++) {
            x[i] /= sum;
        }
    }
}
