package io.stave.llm.local;

import io.stave.decoder.model.KvType;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import java.util.List;

/**
 * The cost of Attention Buckets per decode step: the time of one step with N buckets (N rows of one
 * session, one pass over the weights) divided by the time with one bucket, after the same prompt.
 * llama.cpp's six parallel sequences cost 3.8× one; the target here is ≤ 2.5×.
 */
public final class BucketStepBenchmark {

    /**
     * @param bases        the N bucket bases
     * @param promptTokens prompt length before the timed steps
     * @param steps        timed decode steps per configuration (after one warm-up pass)
     * @param msPerStepOne mean step time with one bucket
     * @param msPerStepN   mean step time with N buckets
     */
    public record Result(List<Double> bases, int promptTokens, int steps, double msPerStepOne, double msPerStepN) {

        public double ratio() {
            return msPerStepN / msPerStepOne;
        }
    }

    private BucketStepBenchmark() {}

    public static Result run(Model model, List<Double> bases, double positionScale, int promptTokens, int steps) {
        double[] many = bases.stream().mapToDouble(Double::doubleValue).toArray();
        double[] one = {many[0]};
        int context = promptTokens + 2 * steps + 2;
        int[] prompt = prompt(model, promptTokens);
        // Warm-up: both shapes once, so the JIT has compiled the kernels before anything is timed.
        time(model, one, positionScale, context, prompt, Math.min(steps, 4));
        time(model, many, positionScale, context, prompt, Math.min(steps, 4));
        double single = time(model, one, positionScale, context, prompt, steps);
        double multi = time(model, many, positionScale, context, prompt, steps);
        return new Result(bases, promptTokens, steps, single, multi);
    }

    /** Mean milliseconds per decode step after prefilling {@code prompt}. */
    private static double time(Model model, double[] bases, double scale, int context, int[] prompt, int steps) {
        try (Session session = model.newSession(bases, scale, context, KvType.F32)) {
            session.prefill(prompt);
            long start = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                session.append(prompt[1 + s % (prompt.length - 1)]);
            }
            return (System.nanoTime() - start) / 1e6 / steps;
        }
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
