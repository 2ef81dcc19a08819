package io.stave.buckets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeTest {

    /** attention-buckets.md §3.9: per-base envelope peaks and troughs over m ∈ [1000, 4090], d = 128. */
    @ParameterizedTest(name = "B = {0}")
    @CsvSource(delimiter = '|', value = {
        "10000 | 1030 1189 1375 1589 1835 2118 | 1970 2290 2629 3044 3515 4060",
        "13000 | 1149 1332 1545 1791 2077 2407 | 2472 2574 2984 3377 3459 4011",
        "16000 | 1030 1199 1395 1622 1886 2194 | 1756 2020 2378 2724 3169 3686",
        "17500 | 1067 1238 1444 1684 1961 2285 | 2844 3013 3313 3510 3860 4088",
        "18000 | 1068 1244 1451 1690 1970 2295 | 1805 2103 2428 2830 3298 3843",
        "19000 | 1106 1314 1533 1709 1993 2324 | 1858 1970 2297 2680 3126 3646",
        "20000 | 1130 1540 1798 2098 2450 2860 | 2666 2994 3113 3496 3634 4081",
        "20500 | 1131 1321 1542 1802 2105 2457 | 1617 1888 2205 2574 3006 3510",
        "22000 | 1056 1125 1314 1444 1578 1797 | 1662 1943 2272 2655 3105 3629",
        "22500 | 1057 1168 1237 1446 1691 1978 | 1422 1663 1945 2661 3112 3640",
        "24000 | 1037 1214 1420 1603 1663 1948 | 1693 1982 2321 2717 3181 3724",
        "24500 | 1038 1382 1620 1897 1949 2282 | 1983 2322 2719 3183 3365 3728",
        "25000 | 1042 1220 1383 1621 1898 2224 | 1793 2101 2461 2882 3377 3955",
        "28000 | 1062 1246 1463 1716 2013 2362 | 1631 1913 2246 2636 3093 3629",
    })
    void finds_the_spec_peaks_and_troughs_over_the_shipped_grid(double base, String peaks, String troughs) {
        Extrema extrema = Envelope.of(new Waveform(base, 128), 1000, 4090, EnvelopeRule.SHIPPED);
        assertThat(extrema.peaks()).containsExactlyElementsOf(ints(peaks));
        assertThat(extrema.troughs()).containsExactlyElementsOf(ints(troughs));
    }

    @Test
    void strict_local_extrema_skip_plateaus_and_end_points() {
        double[] y = {5, 1, 3, 3, 2, 4, 1, 0};
        assertThat(Envelope.strictLocalExtrema(y, +1)).containsExactly(5);
        assertThat(Envelope.strictLocalExtrema(y, -1)).containsExactly(1, 4);
    }

    @Test
    void a_close_envelope_match_moves_the_envelope_without_being_recorded() {
        // Maxima at 1 (1.0) and 3 (0.9995): 3 matches the envelope but is too close to be recorded;
        // the envelope then moves past 3 and finds 9 (0.5), which is far enough.
        double[] y = {0, 1.0, 0, 0.9995, 0, 0, 0, 0, 0, 0.5, 0};
        EnvelopeRule rule = new EnvelopeRule(6, 0.001, 4, 4, 2, 50);
        assertThat(Envelope.peaks(y, 100, rule)).containsExactly(101, 109);
    }

    @Test
    void a_curve_without_local_extrema_has_no_envelope_points() {
        double[] y = {1, 2, 3, 4};
        assertThat(Envelope.peaks(y, 0, EnvelopeRule.SHIPPED)).isEmpty();
        assertThat(Envelope.troughs(y, 0, EnvelopeRule.SHIPPED)).isEmpty();
    }

    private static List<Integer> ints(String spaced) {
        return java.util.Arrays.stream(spaced.trim().split("\\s+")).map(Integer::valueOf).toList();
    }
}
