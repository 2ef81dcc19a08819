package io.stave.llm.local;

import io.stave.decoder.model.KvType;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import java.util.List;

/**
 * The cost of Attention Buckets per decode step: the time of one step with N buckets (N rows of one
 * session, one pass over the weights) divided by the time with one bucket, after the same prompt.
 * llama.cpp's six parallel sequences cost 3.8× one; the target here is ≤ 2.5×. One bucket and N
 * buckets take turns for {@link #ROUNDS} rounds and each figure is the median, so that both see the
 * same machine: on a shared host the bandwidth left to this process changes from second to second.
 */
public final class BucketStepBenchmark {

    /**
     * @param bases        the N bucket bases
     * @param promptTokens prompt length before the timed steps
     * @param steps        timed decode steps per configuration and round (after a warm-up)
     * @param msPerStepOne median over the rounds of the mean step time with one bucket
     * @param msPerStepN   the same with N buckets
     */
    public record Result(List<Double> bases, int promptTokens, int steps, double msPerStepOne, double msPerStepN) {

        public double ratio() {
            return msPerStepN / msPerStepOne;
        }
    }

    private static final int ROUNDS = 3;
    private static final int WARM_UP_STEPS = 4;

    private BucketStepBenchmark() {}

    public static Result run(Model model, List<Double> bases, double positionScale, int promptTokens, int steps) {
        double[] many = bases.stream().mapToDouble(Double::doubleValue).toArray();
        double[] one = {many[0]};
        int context = promptTokens + WARM_UP_STEPS + ROUNDS * steps + 2;
        int[] prompt = prompt(model, promptTokens);
        double[] single = new double[ROUNDS];
        double[] multi = new double[ROUNDS];
        try (Session first = model.newSession(one, positionScale, context, KvType.F32);
                Session all = model.newSession(many, positionScale, context, KvType.F32)) {
            first.prefill(prompt);
            all.prefill(prompt);
            // Warm-up: both shapes, so the JIT has compiled the kernels before anything is timed.
            time(first, prompt, WARM_UP_STEPS);
            time(all, prompt, WARM_UP_STEPS);
            for (int round = 0; round < ROUNDS; round++) {
                single[round] = time(first, prompt, steps);
                multi[round] = time(all, prompt, steps);
            }
        }
        return new Result(bases, promptTokens, steps, median(single), median(multi));
    }

    /** Mean milliseconds per decode step over the next {@code steps} steps of {@code session}. */
    private static double time(Session session, int[] prompt, int steps) {
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            int position = session.position();
            session.append(prompt[1 + position % (prompt.length - 1)]);
        }
        return (System.nanoTime() - start) / 1e6 / steps;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** BOS, then ordinary text, cut or repeated to the length asked. */
    private static int[] prompt(Model model, int length) {
        int[] text = model.tokenizer().encode("The quick brown fox jumps over the lazy dog, and then it runs away.", true);
        int[] prompt = new int[Math.max(2, length)];
        prompt[0] = text[0];
        for (int i = 1; i < prompt.length; i++) {
            prompt[i] = text[1 + (i - 1) % (text.length - 1)];
        }
        return prompt;
    }
}
