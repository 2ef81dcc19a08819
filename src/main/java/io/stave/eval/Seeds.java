package io.stave.eval;

import io.stave.bench.py.PyRandom;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

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
        StringBuilder text = new StringBuilder().append(seed).append('\u0000').append(purpose);
        for (Object part : parts) {
            text.append('\u0000').append(part);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A fresh Python-compatible generator for one unit of work. */
    public static PyRandom random(long seed, String purpose, Object... parts) {
        return new PyRandom(derive(seed, purpose, parts));
    }
}
