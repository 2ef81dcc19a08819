package io.stave.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stave.BadInputException;
import io.stave.buckets.MixRule.Mixture;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixRuleTest {

    @Test
    void code_rule_weights_buckets_by_softmax_of_their_max_logit_and_averages_logits() {
        // c = [1, 1 + ln 3] → w = [1/4, 3/4]; mixed = ¼·ℓ0 + ¾·ℓ1.
        float ln3 = (float) Math.log(3);
        Mixture m = MixRule.CODE.mix(new float[][] {{1, 0, -1}, {0, 1 + ln3, 0}});
        assertThat(m.weights()[0]).isCloseTo(0.25f, within(1e-6f));
        assertThat(m.weights()[1]).isCloseTo(0.75f, within(1e-6f));
        assertThat(m.logits()[0]).isCloseTo(0.25f, within(1e-6f));
        assertThat(m.logits()[1]).isCloseTo(1.5739592f, within(1e-6f));
        assertThat(m.logits()[2]).isCloseTo(-0.25f, within(1e-6f));
    }

    @Test
    void paper_rule_mixes_probabilities_weighted_by_softmax_of_their_max_probability() {
        // p0 = [½, ½], p1 = [¾, ¼]; α = softmax([½, ¾]) = [0.4378235, 0.5621765].
        Mixture m = MixRule.PAPER.mix(new float[][] {{0, 0}, {(float) Math.log(3), 0}});
        assertThat(m.weights()[0]).isCloseTo(0.4378235f, within(1e-6f));
        assertThat(m.weights()[1]).isCloseTo(0.5621765f, within(1e-6f));
        assertThat(m.logits()[0]).isCloseTo(-0.4454373f, within(1e-6f));
        assertThat(m.logits()[1]).isCloseTo(-1.0231638f, within(1e-6f));
    }

    @Test
    void one_bucket_gives_its_own_logits_back_exactly_under_the_code_rule() {
        float[] row = randomRow(512, 7);
        Mixture m = MixRule.CODE.mix(new float[][] {row});
        assertThat(m.logits()).containsExactly(row);
        assertThat(m.weights()).containsExactly(1f);
    }

    @Test
    void identical_buckets_get_equal_weights_and_give_the_row_back() {
        float[] row = randomRow(512, 11);
        for (MixRule rule : MixRule.values()) {
            for (int n : new int[] {2, 3, 6}) {
                float[][] rows = new float[n][];
                java.util.Arrays.fill(rows, row);
                Mixture m = rule.mix(rows);
                for (float w : m.weights()) {
                    assertThat(w).as("%s, N = %d", rule, n).isCloseTo(1f / n, within(1e-7f));
                }
                float shift = rule == MixRule.PAPER ? logSumExp(row) : 0;
                for (int v = 0; v < row.length; v++) {
                    // paper returns log-probabilities: the row minus its log-sum-exp.
                    assertThat(m.logits()[v] + shift).as("%s, N = %d, v = %d", rule, n, v)
                            .isCloseTo(row[v], within(1e-4f));
                }
            }
        }
    }

    @Test
    void extra_vocabulary_rows_take_no_part_and_come_out_as_minus_infinity() {
        // The last column (an added <pad>) would dominate bucket 1's confidence if it were counted.
        float[][] rows = {{1, 0, 50}, {0, 1, 0}};
        Mixture m = MixRule.CODE.mix(rows, 2);
        assertThat(m.weights()[0]).isCloseTo(0.5f, within(1e-7f));
        assertThat(m.logits()[2]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(MixRule.PAPER.mix(rows, 2).logits()[2]).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void large_logit_gaps_do_not_overflow() {
        Mixture m = MixRule.CODE.mix(new float[][] {{1000, 0}, {0, 1}});
        assertThat(m.weights()[0]).isEqualTo(1f);
        assertThat(m.weights()[1]).isEqualTo(0f);
        assertThat(m.logits()).containsExactly(1000f, 0f);
    }

    @Test
    void mix_names_are_parsed_and_unknown_ones_rejected() {
        assertThat(MixRule.parse("code")).isEqualTo(MixRule.CODE);
        assertThat(MixRule.parse("paper")).isEqualTo(MixRule.PAPER);
        assertThatThrownBy(() -> MixRule.parse("mean")).isInstanceOf(BadInputException.class).hasMessageContaining("--mix");
    }

    private static float[] randomRow(int v, long seed) {
        Random random = new Random(seed);
        float[] row = new float[v];
        for (int i = 0; i < v; i++) {
            row[i] = (float) (random.nextGaussian() * 4);
        }
        return row;
    }

    private static float logSumExp(float[] row) {
        double max = Double.NEGATIVE_INFINITY;
        for (float x : row) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (float x : row) {
            sum += Math.exp(x - max);
        }
        return (float) (max + Math.log(sum));
    }
}
