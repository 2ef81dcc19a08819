package io.stave.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** harness.md §9.5–§9.7 on small cases computed by hand. */
class GroupStatsTest {

    @Test
    void pass_hat_k_is_the_mean_of_c_choose_k_over_n_choose_k() {
        // c = 3, 1, 0 of n = 3: k=1 → (3/3 + 1/3 + 0)/3 = 4/9; k=2 → (3/3 + 0 + 0)/3 = 1/3; k=3 → 1/3
        int[] passes = {3, 1, 0};
        assertThat(Stats.passHatK(passes, 3)).containsExactly(new double[] {4.0 / 9, 1.0 / 3, 1.0 / 3}, within(1e-12));
        // c = 2 of n = 4, k = 2: C(2,2)/C(4,2) = 1/6
        assertThat(Stats.passHatK(new int[] {2}, 4, 2)).isCloseTo(1.0 / 6, within(1e-12));
        // pass^1 is the plain pass rate over all trials: (3 + 2) / (2 * 4)
        assertThat(Stats.passHatK(new int[] {3, 2}, 4, 1)).isCloseTo(5.0 / 8, within(1e-12));
    }

    @Test
    void pass_hat_k_refuses_k_beyond_the_trials_and_impossible_counts() {
        assertThatThrownBy(() -> Stats.passHatK(new int[] {1}, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stats.passHatK(new int[] {4}, 3, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constant_groups_give_point_intervals_only_when_resampling_is_stratified() {
        // G1: 2 queries both passing, G2: 6 queries all failing. Unweighted = (1 + 0)/2 = 0.5,
        // weighted = 2/8 = 0.25. Resampling within groups keeps both exactly; pooled resampling would not.
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("G1_instruction", new double[] {1, 1});
        groups.put("G2_instruction", new double[] {0, 0, 0, 0, 0, 0});
        Stats.GroupAverages averages = Stats.groupAverages(groups, 2000, 7);

        assertThat(averages.unweighted()).isEqualTo(0.5);
        assertThat(averages.weighted()).isEqualTo(0.25);
        assertThat(averages.unweightedInterval()).isEqualTo(new Stats.Interval(0.5, 0.5));
        assertThat(averages.weightedInterval()).isEqualTo(new Stats.Interval(0.25, 0.25));
    }

    @Test
    void unweighted_and_weighted_averages_differ_with_unequal_group_sizes_and_their_intervals_cover_them() {
        // G1: 3 of 4 pass (0.75); G2: 1 of 2 (0.5) with Unsure = 0.5 counted as given.
        // unweighted = (0.75 + 0.5)/2 = 0.625; weighted = (3 + 1)/6 = 0.6667
        Map<String, double[]> groups = new LinkedHashMap<>();
        groups.put("G1", new double[] {1, 1, 1, 0});
        groups.put("G2", new double[] {1, 0});
        Stats.GroupAverages a = Stats.groupAverages(groups, 5000, 11);
        assertThat(a.unweighted()).isCloseTo(0.625, within(1e-12));
        assertThat(a.weighted()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(a.unweightedInterval().lower()).isLessThan(0.625);
        assertThat(a.unweightedInterval().upper()).isGreaterThan(0.625);
        // every replicate of G2 has mean 0, 0.5 or 1 and of G1 a multiple of 0.25: bounds stay on that grid
        assertThat(a.unweightedInterval().lower() * 8).isCloseTo(Math.rint(a.unweightedInterval().lower() * 8), within(1e-9));
        assertThat(Stats.groupAverages(groups, 5000, 11)).isEqualTo(a);
        assertThat(a.replicates()).isEqualTo(5000);
    }

    @Test
    void a_difference_smaller_than_the_half_width_is_within_noise() {
        Stats.Interval interval = new Stats.Interval(0.40, 0.50); // half-width 0.05
        assertThat(Stats.withinNoise(0.03, interval)).isTrue();
        assertThat(Stats.withinNoise(-0.049, interval)).isTrue();
        assertThat(Stats.withinNoise(-0.06, interval)).isFalse();
        assertThat(Stats.withinNoise(0.05, 0.05)).isFalse();
    }
}
