package io.stave.buckets;

import io.stave.decoder.Generator;
import io.stave.decoder.model.KvType;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.decoder.sampler.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Multi-base generation (attention-buckets.md §5): N copies of the context, one per RoPE base, run
 * as N rows of one decoder session (one pass over the weights per step, one KV cache per bucket,
 * the same tokens and positions for all), mixed token by token, sampled from the mixed logits.
 * With one bucket at the model's own base it is plain decoding, bit for bit.
 */
public final class BucketGeneration {

    /**
     * A generation and how it was made.
     *
     * @param generation the decoder's result: tokens, text, stop reason, timings
     * @param bases      the bucket bases, in row order
     * @param positionScale the PI ratio every bucket used
     * @param mix        the mixing rule
     * @param steps      each decision step's bucket weights (empty unless recorded)
     */
    public record Result(Generator.Result generation, List<Double> bases, double positionScale, MixRule mix,
            List<BucketMixer.Step> steps) {
        public Result {
            bases = List.copyOf(bases);
            steps = List.copyOf(steps);
        }
    }

    private final Model model;
    private final List<Double> bases;
    private final double positionScale;
    private final MixRule mix;
    private final Sampler sampler;
    private final int maxNewTokens;
    private final List<String> stopStrings;
    private final KvType kvType;
    private final boolean recordWeights;

    private BucketGeneration(Builder b) {
        this.model = Objects.requireNonNull(b.model);
        this.bases = List.copyOf(b.bases == null ? List.of(model.config().ropeBase()) : b.bases);
        this.positionScale = b.positionScale == null ? model.config().ropeScale() : b.positionScale;
        this.mix = b.mix;
        this.sampler = b.sampler;
        this.maxNewTokens = b.maxNewTokens;
        this.stopStrings = List.copyOf(b.stopStrings);
        this.kvType = b.kvType;
        this.recordWeights = b.recordWeights;
    }

    public static Builder builder(Model model) {
        return new Builder(model);
    }

    /** Encodes {@code prompt} with BOS first and generates, streaming text to {@code out}. */
    public Result generate(String prompt, Consumer<String> out) {
        return generate(model.tokenizer().encode(prompt, true), out);
    }

    /** Generates after {@code promptTokens} (BOS first, usually) in a fresh session sized to fit. */
    public Result generate(int[] promptTokens, Consumer<String> out) {
        double[] rowBases = bases.stream().mapToDouble(Double::doubleValue).toArray();
        long limit = (long) Math.floor(model.config().contextLength() * Math.max(1.0, positionScale));
        int context = (int) Math.min(limit, (long) promptTokens.length + maxNewTokens);
        try (Session session = model.newSession(rowBases, positionScale, Math.max(1, context), kvType)) {
            return generate(session, promptTokens, out);
        }
    }

    /** Generates in a session the caller made (its bases and scale are the ones used). */
    public Result generate(Session session, int[] promptTokens, Consumer<String> out) {
        BucketMixer mixer = new BucketMixer(mix, model.tokenizer().vocabSize(), recordWeights);
        Generator.Builder generator = Generator.builder(model).sampler(sampler).maxNewTokens(maxNewTokens)
                .combiner(mixer);
        stopStrings.forEach(generator::stopString);
        Generator.Result result = generator.build().generate(session, promptTokens, out);
        List<Double> used = new ArrayList<>();
        for (double base : session.ropeBases()) {
            used.add(base);
        }
        return new Result(result, used, session.positionScale(), mix, mixer.steps());
    }

    /** Defaults: the model's own base and position scale, code mixing, greedy, 256 tokens, F32 KV. */
    public static final class Builder {
        private final Model model;
        private List<Double> bases;
        private Double positionScale;
        private MixRule mix = MixRule.CODE;
        private Sampler sampler = Sampler.greedy();
        private int maxNewTokens = 256;
        private final List<String> stopStrings = new ArrayList<>();
        private KvType kvType = KvType.F32;
        private boolean recordWeights;

        private Builder(Model model) {
            this.model = model;
        }

        /** One bucket per base, in this order (a preset's list or an explicit one). */
        public Builder bases(List<Double> bases) {
            if (bases.isEmpty()) {
                throw new IllegalArgumentException("at least one bucket base");
            }
            this.bases = bases;
            return this;
        }

        /** The PI ratio r of every bucket; by default the model's own. */
        public Builder positionScale(double positionScale) {
            this.positionScale = positionScale;
            return this;
        }

        public Builder mix(MixRule mix) {
            this.mix = Objects.requireNonNull(mix);
            return this;
        }

        public Builder sampler(Sampler sampler) {
            this.sampler = Objects.requireNonNull(sampler);
            return this;
        }

        public Builder maxNewTokens(int maxNewTokens) {
            this.maxNewTokens = maxNewTokens;
            return this;
        }

        public Builder stopString(String stop) {
            stopStrings.add(stop);
            return this;
        }

        public Builder kvType(KvType kvType) {
            this.kvType = Objects.requireNonNull(kvType);
            return this;
        }

        /** Keep every step's bucket weights in the result. */
        public Builder recordWeights(boolean recordWeights) {
            this.recordWeights = recordWeights;
            return this;
        }

        public BucketGeneration build() {
            return new BucketGeneration(this);
        }
    }
}
