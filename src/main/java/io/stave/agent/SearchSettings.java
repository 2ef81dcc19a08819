package io.stave.agent;

/**
 * The search parameters of spec/toolbench.md §6.6.
 *
 * @param singleChainMaxStep the depth limit, in nodes (12; StableToolBench's current CLI default is 50)
 * @param maxQueryCount      the limit on model calls per episode (200)
 * @param answer             stop after this many answers (1)
 */
public record SearchSettings(int singleChainMaxStep, int maxQueryCount, int answer) {

    public static final SearchSettings DEFAULTS = new SearchSettings(12, 200, 1);

    public SearchSettings {
        if (singleChainMaxStep < 1 || maxQueryCount < 1 || answer < 1) {
            throw new IllegalArgumentException("search limits must be positive: " + singleChainMaxStep + ", "
                    + maxQueryCount + ", " + answer);
        }
    }
}
