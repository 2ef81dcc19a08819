package io.stave.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.stave.BadInputException;
import io.stave.buckets.BaseSearch.Candidate;
import io.stave.buckets.BaseSearch.GreedyStep;
import io.stave.buckets.BaseSearch.SearchResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BaseSearchTest {

    private static SearchResult shipped;

    @BeforeAll
    static void run_the_shipped_search() {
        shipped = new BaseSearch(SearchSettings.shipped()).run();
    }

    @Test
    void shipped_settings_return_the_spec_bases() {
        assertThat(shipped.bases()).containsExactly(10000.0, 18000.0, 19000.0, 20500.0, 24000.0, 24500.0);
        assertThat(shipped.bases()).isEqualTo(Presets.parse("search-6"));
        assertThat(shipped.seeding()).isNull();
    }

    @Test
    void the_seed_state_has_the_spec_peaks_and_troughs() {
        assertThat(shipped.seeded().peaks()).containsExactlyElementsOf(ints(
                "1030 1068 1106 1189 1244 1314 1375 1451 1533 1589 1690 1709 1835 1993 2118 2295 2324"));
        assertThat(shipped.seeded().troughs()).containsExactlyElementsOf(ints(
                "1805 1858 1970 2103 2290 2297 2428 2629 2680 2830 3044 3126 3298 3515 3646 3843 4060"));
    }

    @Test
    void step_1_scores_and_chooses_as_in_the_spec() {
        GreedyStep step = shipped.steps().get(0);
        assertThat(step.covering()).extracting(Candidate::base, Candidate::cover, Candidate::dis).containsExactly(
                tuple(10500.0, 1, 9.0), tuple(15000.0, 1, 9.0), tuple(20500.0, 2, 6.5), tuple(24000.0, 2, 9.0),
                tuple(24500.0, 1, 4.0), tuple(25500.0, 2, 9.0), tuple(26000.0, 1, 9.0), tuple(27500.0, 1, 9.0));
        assertThat(step.chosen()).isEqualTo(new Candidate(20500, 2, 6.5));
    }

    @Test
    void step_2_scores_and_chooses_as_in_the_spec() {
        GreedyStep step = shipped.steps().get(1);
        assertThat(step.covering()).extracting(Candidate::base, Candidate::cover, Candidate::dis).containsExactly(
                tuple(10500.0, 1, 9.0), tuple(11500.0, 1, 9.0), tuple(15000.0, 1, 9.0), tuple(15500.0, 1, 4.0),
                tuple(16000.0, 1, 4.0), tuple(23500.0, 1, 9.0), tuple(24000.0, 2, 9.0), tuple(24500.0, 2, 6.5),
                tuple(25500.0, 2, 9.0), tuple(26000.0, 1, 9.0), tuple(27500.0, 1, 9.0));
        assertThat(step.chosen()).isEqualTo(new Candidate(24500, 2, 6.5));
    }

    @Test
    void step_3_breaks_the_full_tie_toward_the_smaller_base() {
        GreedyStep step = shipped.steps().get(2);
        assertThat(step.covering()).extracting(Candidate::base, Candidate::cover, Candidate::dis).containsExactly(
                tuple(10500.0, 1, 9.0), tuple(11500.0, 1, 9.0), tuple(15000.0, 1, 9.0), tuple(15500.0, 1, 4.0),
                tuple(16000.0, 1, 4.0), tuple(23000.0, 1, 1.0), tuple(23500.0, 1, 9.0), tuple(24000.0, 2, 9.0),
                tuple(25500.0, 2, 9.0), tuple(26000.0, 1, 9.0), tuple(27500.0, 1, 9.0), tuple(30000.0, 1, 9.0));
        assertThat(step.chosen()).isEqualTo(new Candidate(24000, 2, 9.0));
    }

    @Test
    void the_final_state_matches_the_spec() {
        SearchState last = shipped.steps().getLast().after();
        assertThat(last.peaks()).containsExactlyElementsOf(ints(
                "1030 1037 1038 1068 1106 1131 1189 1214 1244 1314 1321 1375 1382 1420 1451 1533 1542 1589"
                        + " 1603 1620 1663 1690 1709 1802 1835 1897 1948 1949 1993 2105 2118 2282 2295 2324 2457"));
        assertThat(last.troughs()).containsExactlyElementsOf(ints(
                "1617 1693 1805 1858 1888 1970 1982 1983 2103 2205 2290 2297 2321 2322 2428 2574 2629 2680"
                        + " 2717 2719 2830 3006 3044 3126 3181 3183 3298 3365 3510 3515 3646 3724 3728 3843 4060"));
    }

    @Test
    void merging_drops_a_distance_that_is_both_peak_and_trough_and_lets_it_return() {
        BaseSearch search = new BaseSearch(SearchSettings.shipped());
        SearchState state = SearchState.of(search.extrema(10000)).merge(search.extrema(18000));
        assertThat(state.peaks()).doesNotContain(1970);
        assertThat(state.troughs()).doesNotContain(1970);
        assertThat(state.merge(search.extrema(19000)).troughs()).contains(1970);
    }

    @Test
    void automatic_seeding_picks_the_spec_pair_and_bases() {
        SearchResult result = new BaseSearch(SearchSettings.builder().seed(List.of()).build()).run();
        BaseSearch.SeedPair chosen = result.seeding().chosen();
        assertThat(chosen).isEqualTo(new BaseSearch.SeedPair(22500, 24000, 4, 4.25));
        assertThat(result.seeding().considered())
                .filteredOn(p -> p.cover() >= 2 && p != chosen)
                .extracting(p -> p.first(), p -> p.second(), p -> p.cover(), p -> p.dis())
                .containsExactly(tuple(16500.0, 29000.0, 2, 6.5), tuple(18000.0, 19000.0, 2, 2.0),
                        tuple(19000.0, 25500.0, 2, 9.0), tuple(23000.0, 24000.0, 2, 6.5));
        assertThat(result.bases()).containsExactly(16500.0, 22500.0, 23000.0, 24000.0, 24500.0, 29000.0);
    }

    @Test
    void a_search_where_nothing_covers_is_a_bad_input() {
        SearchSettings nothing = SearchSettings.builder().candidates(10000, 10500, 500).coverRadius(0)
                .seed(List.of(10000.0)).count(3).build();
        assertThatThrownBy(() -> new BaseSearch(nothing).run())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no candidate base");
    }

    @Test
    void the_shipped_grid_has_41_candidates() {
        List<Double> candidates = SearchSettings.shipped().candidates();
        assertThat(candidates).hasSize(41);
        assertThat(candidates.getFirst()).isEqualTo(10000.0);
        assertThat(candidates.getLast()).isEqualTo(30000.0);
    }

    private static List<Integer> ints(String spaced) {
        return Arrays.stream(spaced.trim().split("\\s+")).map(Integer::valueOf).toList();
    }
}
