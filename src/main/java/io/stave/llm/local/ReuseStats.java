package io.stave.llm.local;

/**
 * Prompt tokens fed to the decoder against those taken from a kept session (KV reuse), for one call
 * or summed over calls. An episode's figures are the difference of two snapshots
 * ({@link #minus}), which the agent can put into its answer or ledger.
 *
 * @param calls        completions
 * @param promptTokens prompt tokens the model saw (after left truncation)
 * @param prefilled    prompt tokens computed in this call
 * @param reused       prompt tokens whose keys and values came from a kept session
 * @param generated    tokens sampled
 */
public record ReuseStats(long calls, long promptTokens, long prefilled, long reused, long generated) {

    public static final ReuseStats ZERO = new ReuseStats(0, 0, 0, 0, 0);

    public ReuseStats plus(ReuseStats o) {
        return new ReuseStats(calls + o.calls, promptTokens + o.promptTokens, prefilled + o.prefilled,
                reused + o.reused, generated + o.generated);
    }

    public ReuseStats minus(ReuseStats o) {
        return new ReuseStats(calls - o.calls, promptTokens - o.promptTokens, prefilled - o.prefilled,
                reused - o.reused, generated - o.generated);
    }

    /** Share of prompt tokens that needed no computation. */
    public double reuseRatio() {
        return promptTokens == 0 ? 0 : (double) reused / promptTokens;
    }
}
