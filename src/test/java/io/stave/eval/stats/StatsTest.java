package io.stave.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Small cases computed by hand (the formulas are in the comments). */
class StatsTest {

    @Test
    void mcnemar_with_one_and_five_discordant_pairs_is_the_two_sided_binomial_tail() {
        // A pass/B fail once, A fail/B pass five times, two concordant pairs: n = 6 discordant,
        // p = 2 * P(X <= 1 | Bin(6, 1/2)) = 2 * (1 + 6) / 64 = 0.21875.
        boolean[] a = {true, false, false, false, false, false, true, false};
        boolean[] b = {false, true, true, true, true, true, true, false};
        Stats.McNemar test = Stats.mcnemar(a, b);
        assertThat(test.b()).isEqualTo(1);
        assertThat(test.c()).isEqualTo(5);
        assertThat(test.pValue()).isCloseTo(0.21875, within(1e-12));
    }

    @Test
    void mcnemar_with_six_one_sided_discordant_pairs_is_two_over_sixty_four() {
        boolean[] a = {false, false, false, false, false, false};
        boolean[] b = {true, true, true, true, true, true};
        assertThat(Stats.mcnemar(a, b).pValue()).isCloseTo(2.0 / 64, within(1e-12));
    }

    @Test
    void mcnemar_without_discordant_pairs_has_p_one() {
        assertThat(Stats.mcnemar(new boolean[] {true, false}, new boolean[] {true, false}).pValue()).isEqualTo(1.0);
    }

    @Test
    void wilson_interval_of_five_out_of_ten() {
        // (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n) with p = .5, n = 10, z = 1.959964.
        Stats.Interval ci = Stats.wilson(5, 10, 0.95);
        assertThat(ci.lower()).isCloseTo(0.23659, within(1e-4));
        assertThat(ci.upper()).isCloseTo(0.76341, within(1e-4));
    }

    @Test
    void bootstrap_of_a_constant_is_that_constant() {
        Stats.Interval ci = Stats.bootstrapMean(new double[] {0.5, 0.5, 0.5}, 1000, 1);
        assertThat(ci.lower()).isEqualTo(0.5);
        assertThat(ci.upper()).isEqualTo(0.5);
    }

    @Test
    void bootstrap_of_zero_and_one_spans_zero_to_one() {
        // Means of two draws from {0, 1}: 0 (p = 1/4), 0.5 (1/2), 1 (1/4): the 2.5th and 97.5th
        // percentiles are 0 and 1.
        Stats.Interval ci = Stats.bootstrapMean(new double[] {0, 1}, Stats.BOOTSTRAP_REPLICATES, 42);
        assertThat(ci.lower()).isEqualTo(0.0);
        assertThat(ci.upper()).isEqualTo(1.0);
    }

    @Test
    void paired_bootstrap_of_identical_runs_is_zero_with_every_replicate_at_or_below_zero() {
        double[] run = {1, 0, 1, 1, 0};
        Stats.PairedBootstrap result = Stats.pairedBootstrap(run, run, 2000, 3);
        assertThat(result.difference()).isZero();
        assertThat(result.interval().lower()).isZero();
        assertThat(result.interval().upper()).isZero();
        assertThat(result.shareAtOrBelowZero()).isEqualTo(1.0);
    }

    @Test
    void paired_bootstrap_of_a_uniform_gain_is_exactly_that_gain() {
        // B beats A by 0.5 on every query, so every resample has difference 0.5.
        Stats.PairedBootstrap result = Stats.pairedBootstrap(new double[] {0, 0.5, 0}, new double[] {0.5, 1, 0.5}, 500, 9);
        assertThat(result.difference()).isCloseTo(0.5, within(1e-12));
        assertThat(result.interval().lower()).isCloseTo(0.5, within(1e-12));
        assertThat(result.interval().upper()).isCloseTo(0.5, within(1e-12));
        assertThat(result.shareAtOrBelowZero()).isZero();
    }

    @Test
    void sign_test_of_eight_wins_and_no_losses() {
        // 2 * (1/2)^8 = 0.0078125
        assertThat(Stats.signTest(8, 0)).isCloseTo(0.0078125, within(1e-12));
    }
}
