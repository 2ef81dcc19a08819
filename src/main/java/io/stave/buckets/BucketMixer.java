package io.stave.buckets;

import io.stave.decoder.Generator;
import java.util.ArrayList;
import java.util.List;

/**
 * Plugs a {@link MixRule} into the decoder's generation loop: every decision step's bucket logits
 * {@code [N][V]} become one row of mixed logits for the ordinary sampler (attention-buckets.md
 * §5.3: per token, never once per sequence). Optionally records each step's weights.
 */
public final class BucketMixer implements Generator.Combiner {

    /** The mixing of one decision step: bucket weights and the confidences they came from. */
    public record Step(float[] weights, float[] confidences) {}

    private final MixRule rule;
    private final int vocabulary;
    private final List<Step> steps;

    /**
     * @param vocabulary entries of each row that take part (the tokenizer's vocabulary); rows wider
     *                   than this carry extra rows, such as an added {@code <pad>}, masked to −∞
     * @param record     keep every step's weights, for {@link #steps()}
     */
    public BucketMixer(MixRule rule, int vocabulary, boolean record) {
        this.rule = rule;
        this.vocabulary = vocabulary;
        this.steps = record ? new ArrayList<>() : null;
    }

    @Override
    public float[] combine(float[][] logits) {
        MixRule.Mixture mixture = rule.mix(logits, Math.min(vocabulary, logits[0].length));
        if (steps != null) {
            steps.add(new Step(mixture.weights(), mixture.confidences()));
        }
        return mixture.logits();
    }

    /** The recorded steps, in decision order (empty when not recording). */
    public List<Step> steps() {
        return steps == null ? List.of() : List.copyOf(steps);
    }
}
