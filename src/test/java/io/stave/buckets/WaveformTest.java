package io.stave.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.stave.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WaveformTest {

    private static final double[] BASES = {10000, 17500, 18000, 19000, 20000, 25000};

    /** attention-buckets.md §2.2, d = 128: m, then f_B(m) for each of {@link #BASES}. */
    @ParameterizedTest(name = "m = {0}")
    @CsvSource({
        "0,    11.313708, 11.313708, 11.313708, 11.313708, 11.313708, 11.313708",
        "1,    10.976716, 10.993481, 10.994274, 10.995783, 10.997200, 11.003193",
        "10,   7.569582,  7.776138,  7.785914,  7.804522,  7.821988,  7.895919",
        "100,  5.399371,  4.886828,  4.896385,  4.927506,  4.971684,  5.286946",
        "500,  3.376912,  3.662429,  3.884258,  3.975250,  3.631883,  3.542900",
        "1000, 1.799185,  2.014263,  1.661649,  2.270405,  2.752575,  3.385826",
        "1970, -0.322527, 2.284744,  3.611727,  0.269286,  2.310129,  1.872106",
        "2000, 0.329209,  1.472465,  2.481939,  2.367725,  1.485280,  1.635554",
        "3000, 0.478393,  0.588266,  0.656026,  0.748387,  0.201296,  1.289444",
        "4000, 0.093454,  0.922921,  1.820069,  0.857194,  0.266760,  0.125810",
    })
    void matches_the_spec_table_for_head_dim_128(
            int m, double b0, double b1, double b2, double b3, double b4, double b5) {
        double[] expected = {b0, b1, b2, b3, b4, b5};
        for (int j = 0; j < BASES.length; j++) {
            assertThat(new Waveform(BASES[j], 128).valueAt(m))
                    .as("f_%s(%d)", BASES[j], m)
                    .isCloseTo(expected[j], within(1e-6));
        }
    }

    @ParameterizedTest(name = "d = {0}")
    @CsvSource({
        "8,  2.828427, 2.499803, 1.812822, 1.199384, 1.102064, 0.796152",
        "64, 8.000000, 7.729208, 7.075966, 5.262907, 4.468667, 2.231492",
    })
    void matches_the_spec_table_for_other_head_sizes(
            int d, double m0, double m1, double m2, double m10, double m100, double m1000) {
        Waveform waveform = new Waveform(10000, d);
        int[] m = {0, 1, 2, 10, 100, 1000};
        double[] expected = {m0, m1, m2, m10, m100, m1000};
        for (int i = 0; i < m.length; i++) {
            assertThat(waveform.valueAt(m[i])).as("m = %d", m[i]).isCloseTo(expected[i], within(1e-6));
        }
    }

    @Test
    void at_distance_zero_the_bound_is_the_square_root_of_the_head_dimension() {
        assertThat(new Waveform(31337, 128).valueAt(0)).isCloseTo(Math.sqrt(128), within(1e-12));
    }

    @Test
    void frequencies_match_the_rope_test_values() {
        double[] theta = new Waveform(17500, 128).frequencies();
        assertThat(theta).hasSize(64);
        assertThat(theta[1]).isCloseTo(0.85842534, within(1e-8));
        assertThat(theta[63]).isCloseTo(6.656707e-5, within(1e-11));
    }

    @Test
    void position_interpolation_evaluates_at_the_scaled_distance() {
        Waveform plain = new Waveform(10000, 128);
        Waveform interpolated = new Waveform(10000, 128, 2.0);
        assertThat(interpolated.valueAt(3940)).isEqualTo(plain.valueAt(1970));
        assertThat(interpolated.sample(1000, 1002)[2]).isEqualTo(plain.valueAt(501));
    }

    @Test
    void sample_agrees_with_point_values() {
        Waveform waveform = new Waveform(18000, 128);
        double[] y = waveform.sample(1960, 1980);
        assertThat(y).hasSize(21);
        assertThat(y[10]).isCloseTo(3.611727, within(1e-6));
        assertThat(y[5]).isEqualTo(waveform.valueAt(1965));
    }

    @Test
    void derivative_matches_a_central_difference() {
        Waveform waveform = new Waveform(10000, 128);
        double h = 1e-5;
        double numeric = (waveform.valueAt(1234.5 + h) - waveform.valueAt(1234.5 - h)) / (2 * h);
        assertThat(waveform.derivativeAt(1234.5)).isCloseTo(numeric, within(1e-5));
    }

    @Test
    void an_odd_head_dimension_is_a_bad_input() {
        assertThatThrownBy(() -> new Waveform(10000, 7))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("head dimension");
    }
}
