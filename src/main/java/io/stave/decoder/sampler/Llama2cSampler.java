package io.stave.decoder.sampler;

import java.util.Arrays;

/**
 * llama2.c's sampler ({@code run.c}), so its seeded outputs reproduce (spec/decoder.md §11,
 * §12.6): temperature 0 is argmax; otherwise logits / T, softmax, one coin per sampled token, then
 * the inverse CDF, or nucleus sampling when 0 < top-p < 1.
 */
public final class Llama2cSampler implements Sampler {

    private final float temperature;
    private final float topP;
    private final XorShiftRng rng;
    private Integer[] order = new Integer[0];

    public Llama2cSampler(float temperature, float topP, long seed) {
        if (temperature < 0 || Float.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be ≥ 0, got " + temperature);
        }
        this.temperature = temperature;
        this.topP = topP;
        this.rng = new XorShiftRng(seed);
    }

    @Override
    public int sample(float[] logits) {
        if (temperature == 0f) {
            return Sampler.argmax(logits);
        }
        for (int i = 0; i < logits.length; i++) {
            logits[i] /= temperature;
        }
        Sampler.softmax(logits);
        float coin = rng.nextFloat();
        return topP <= 0 || topP >= 1 ? multinomial(logits, coin) : nucleus(logits, coin);
    }

    private static int multinomial(float[] p, float coin) {
        float cdf = 0f;
        for (int i = 0; i < p.length; i++) {
            cdf += p[i];
            if (coin < cdf) {
                return i;
            }
        }
        return p.length - 1; // rounding errors
    }

    private int nucleus(float[] p, float coin) {
        int n = p.length;
        // Tokens below this probability cannot be in the nucleus; dropping them first keeps the sort short.
        float cutoff = (1.0f - topP) / (n - 1);
        if (order.length < n) {
            order = new Integer[n];
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (p[i] >= cutoff) {
                order[kept++] = i;
            }
        }
        Arrays.sort(order, 0, kept, (a, b) -> Float.compare(p[b], p[a]));
        float cumulative = 0f;
        int last = kept - 1;
        for (int i = 0; i < kept; i++) {
            cumulative += p[order[i]];
            if (cumulative > topP) {
                last = i;
                break;
            }
        }
        float r = coin * cumulative;
        float cdf = 0f;
        for (int i = 0; i <= last; i++) {
            cdf += p[order[i]];
            if (r < cdf) {
                return order[i];
            }
        }
        return order[last];
    }
}
