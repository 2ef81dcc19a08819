package io.stave.decoder;

import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.decoder.sampler.Sampler;
import io.stave.decoder.tokenizer.TokenDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The generation loop: prefill the prompt, then sample, stream and append one token at a time
 * until a stop token, a stop string, the token limit or the end of the context.
 *
 * <p>With several buckets, a {@link Combiner} turns the per-bucket logits into the logits to
 * sample from (the Attention Buckets layer plugs its mixer in here); by default bucket 0 is used.
 */
public final class Generator {

    /** Turns {@code [N][V]} logits into one row to sample from (it may return one of the rows). */
    @FunctionalInterface
    public interface Combiner {
        float[] combine(float[][] logits);
    }

    public enum StopReason { STOP_TOKEN, STOP_STRING, MAX_TOKENS, CONTEXT_FULL }

    /**
     * @param tokens       the generated ids (without a stop token)
     * @param text         the generated text, cut before a stop string
     * @param prefillNanos time spent feeding the prompt (up to its logits)
     * @param decodeNanos  time spent on the generated tokens after the first
     */
    public record Result(int[] promptTokens, int[] tokens, String text, StopReason stopReason, long prefillNanos,
            long decodeNanos) {

        public double prefillTokensPerSecond() {
            return prefillNanos == 0 ? 0 : promptTokens.length * 1e9 / prefillNanos;
        }

        /** Speed of the decode steps (each generated token after the first needs one). */
        public double decodeTokensPerSecond() {
            int steps = Math.max(0, tokens.length - 1 + (stopReason == StopReason.STOP_TOKEN ? 1 : 0));
            return decodeNanos == 0 ? 0 : steps * 1e9 / decodeNanos;
        }
    }

    private final Model model;
    private final Sampler sampler;
    private final int maxNewTokens;
    private final List<String> stopStrings;
    private final Combiner combiner;

    private Generator(Builder b) {
        this.model = Objects.requireNonNull(b.model, "model");
        this.sampler = Objects.requireNonNull(b.sampler, "sampler");
        this.maxNewTokens = b.maxNewTokens;
        this.stopStrings = List.copyOf(b.stopStrings);
        this.combiner = b.combiner;
    }

    public static Builder builder(Model model) {
        return new Builder(model);
    }

    /** Encodes {@code prompt} (BOS first) and generates in {@code session}, streaming text to {@code out}. */
    public Result generate(Session session, String prompt, Consumer<String> out) {
        return generate(session, model.tokenizer().encode(prompt, true), out);
    }

    /** Generates after {@code promptTokens} (at least one token, usually BOS first). */
    public Result generate(Session session, int[] promptTokens, Consumer<String> out) {
        if (promptTokens.length == 0) {
            throw new IllegalArgumentException("the prompt needs at least one token (BOS)");
        }
        if (session.position() + promptTokens.length > session.maxContext()) {
            throw new io.stave.BadInputException("prompt: expected at most " + (session.maxContext() - session.position())
                    + " tokens to fit the context, found " + promptTokens.length);
        }
        long start = System.nanoTime();
        session.prefill(promptTokens);
        long prefilled = System.nanoTime();
        TokenDecoder decoder = model.tokenizer().streamingDecoder().after(promptTokens[promptTokens.length - 1]);
        StopStrings stops = new StopStrings(stopStrings, out);
        List<Integer> tokens = new ArrayList<>();
        int vocabulary = model.tokenizer().vocabSize();
        StopReason reason = StopReason.MAX_TOKENS;
        while (tokens.size() < maxNewTokens) {
            float[] logits = combiner.combine(session.logits()).clone();
            // Rows beyond the tokenizer (a padding row added at fine-tuning, spec/decoder.md §13)
            // have no text: they are never sampled.
            java.util.Arrays.fill(logits, Math.min(logits.length, vocabulary), logits.length, Float.NEGATIVE_INFINITY);
            int token = sampler.sample(logits);
            if (model.stopTokens().contains(token)) {
                reason = StopReason.STOP_TOKEN;
                break;
            }
            tokens.add(token);
            if (stops.accept(decoder.next(token))) {
                reason = StopReason.STOP_STRING;
                break;
            }
            if (tokens.size() == maxNewTokens) {
                break;
            }
            if (session.position() >= session.maxContext()) {
                reason = StopReason.CONTEXT_FULL;
                break;
            }
            session.append(token);
        }
        if (reason != StopReason.STOP_STRING) {
            stops.accept(decoder.flush());
            stops.finish();
        }
        long end = System.nanoTime();
        return new Result(promptTokens, tokens.stream().mapToInt(Integer::intValue).toArray(), stops.text(), reason,
                prefilled - start, end - prefilled);
    }

    public static final class Builder {
        private final Model model;
        private Sampler sampler = Sampler.greedy();
        private int maxNewTokens = 256;
        private final List<String> stopStrings = new ArrayList<>();
        private Combiner combiner = logits -> logits[0];

        private Builder(Model model) {
            this.model = model;
        }

        public Builder sampler(Sampler sampler) {
            this.sampler = sampler;
            return this;
        }

        /** The most tokens to generate (default 256). */
        public Builder maxNewTokens(int maxNewTokens) {
            if (maxNewTokens < 0) {
                throw new IllegalArgumentException("max new tokens must be ≥ 0, got " + maxNewTokens);
            }
            this.maxNewTokens = maxNewTokens;
            return this;
        }

        /** Text that ends the generation; it is not emitted. */
        public Builder stopString(String stop) {
            if (stop.isEmpty()) {
                throw new IllegalArgumentException("a stop string cannot be empty");
            }
            stopStrings.add(stop);
            return this;
        }

        public Builder combiner(Combiner combiner) {
            this.combiner = Objects.requireNonNull(combiner);
            return this;
        }

        public Generator build() {
            return new Generator(this);
        }
    }
}
