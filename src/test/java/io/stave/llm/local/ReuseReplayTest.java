package io.stave.llm.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The prefix-cache policy on token counts: growth, branching, and what a small cache forgets. */
class ReuseReplayTest {

    private static final int[] ROOT = {1, 10, 11, 12};
    private static final int[] CHILD = {1, 10, 11, 12, 20, 21};
    private static final int[] GRANDCHILD = {1, 10, 11, 12, 20, 21, 30, 31};
    private static final int[] SIBLING = {1, 10, 11, 12, 40};
    private static final int[] OTHER = {1, 50, 51};

    @Test
    void a_tree_of_prompts_is_prefilled_once_per_distinct_token_when_the_branches_fit() {
        ReuseReplay.Result r = ReuseReplay.count(List.of(ROOT, CHILD, GRANDCHILD, SIBLING, GRANDCHILD), 4);

        assertThat(r.distinct()).isEqualTo(4 + 2 + 2 + 1);
        assertThat(r.recomputed()).isEqualTo(4 + 6 + 8 + 5 + 8);
        // The grandchild asked again is all cached: only its last token is fed again, for fresh logits.
        assertThat(r.prefilled()).isEqualTo(4 + 2 + 2 + 1 + 1);
    }

    @Test
    void with_one_session_a_sibling_truncates_the_branch_and_the_branch_is_recomputed_later() {
        ReuseReplay.Result r = ReuseReplay.count(List.of(ROOT, CHILD, GRANDCHILD, SIBLING, GRANDCHILD), 1);

        assertThat(r.prefilled()).isEqualTo(4 + 2 + 2 + 1 + 4);
    }

    @Test
    void an_unrelated_prompt_shares_only_bos_and_evicts_the_least_recently_used_session() {
        ReuseReplay.Result r = ReuseReplay.count(List.of(ROOT, CHILD, SIBLING, OTHER, CHILD), 2);

        assertThat(r.distinct()).isEqualTo(4 + 2 + 1 + 2);
        // OTHER copies BOS from the child's session and evicts the sibling's (least recently used);
        // the child, still kept, feeds only its last token again.
        assertThat(r.prefilled()).isEqualTo(4 + 2 + 1 + 2 + 1);
    }
}
