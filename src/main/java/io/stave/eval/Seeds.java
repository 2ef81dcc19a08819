package io.stave.eval;

import io.stave.Sha256;
import io.stave.bench.py.PyRandom;

/**
 * Seeds of the evaluator's random choices (harness.md §4.1): SHA-256 of
 * {@code (seed, purpose, parts...)}, first 8 bytes as a long, so every draw depends only on what it
 * is for (a query, a run, a round) and never on the order in which work completes.
 */
public final class Seeds {

    /** The seed ToolBench's scripts use ({@code random.seed(42)} at import). */
    public static final long TOOLBENCH_SEED = 42;

    private Seeds() {}

    public static long derive(long seed, String purpose, Object... parts) {
        return Sha256.seed(seed, purpose, parts);
    }

    /** A fresh Python-compatible generator for one unit of work. */
    public static PyRandom random(long seed, String purpose, Object... parts) {
        return new PyRandom(derive(seed, purpose, parts));
    }
}
