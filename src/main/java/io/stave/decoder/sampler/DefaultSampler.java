package io.stave.decoder.sampler;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Temperature, top-k and top-p sampling with a seeded RNG (spec/decoder.md §11). Temperature 0 is
 * greedy. top-k ≤ 0 keeps every token; top-p ≥ 1 keeps every token.
 */
public final class DefaultSampler implements Sampler {

    private final float temperature;
    private final int topK;
    private final float topP;
    private final SplittableRandom random;
    private Integer[] order = new Integer[0];

    public DefaultSampler(float temperature, int topK, float topP, long seed) {
        if (temperature < 0 || Float.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be ≥ 0, got " + temperature);
        }
        if (!(topP > 0)) {
            throw new IllegalArgumentException("top-p must be > 0, got " + topP);
        }
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int sample(float[] logits) {
        if (temperature == 0f) {
            return Sampler.argmax(logits);
        }
        int n = logits.length;
        for (int i = 0; i < n; i++) {
            logits[i] /= temperature;
        }
        Sampler.softmax(logits);
        if (order.length < n) {
            order = new Integer[n];
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Most probable first; equal probabilities keep id order (the sort is stable).
        Arrays.sort(order, 0, n, (a, b) -> Float.compare(logits[b], logits[a]));
        int kept = topK > 0 ? Math.min(topK, n) : n;
        float mass = 0f;
        for (int i = 0; i < kept; i++) {
            mass += logits[order[i]];
            if (mass >= topP) {
                kept = i + 1;
                break;
            }
        }
        float total = 0f;
        for (int i = 0; i < kept; i++) {
            total += logits[order[i]];
        }
        float r = (float) random.nextDouble() * total;
        float cdf = 0f;
        for (int i = 0; i < kept; i++) {
            cdf += logits[order[i]];
            if (r < cdf) {
                return order[i];
            }
        }
        return order[kept - 1];
    }
}
