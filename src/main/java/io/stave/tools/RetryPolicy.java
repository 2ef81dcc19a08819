package io.stave.tools;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with jitter for transient failures (HTTP 429 and 5xx, timeouts, broken
 * connections; harness.md §12). {@code Retry-After} is a minimum wait; the cap keeps one call
 * from waiting for ever.
 *
 * @param maxAttempts total attempts, the first included (1 = no retry)
 * @param baseDelay the wait before the second attempt; each further wait doubles
 * @param maxDelay cap on one wait (Retry-After included)
 * @param jitter fraction of random extra wait, 0 to 1
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based), at least {@code retryAfter} when given. */
    public Duration delay(int attempt, Duration retryAfter) {
        long base = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long withJitter = base + (long) (base * jitter * ThreadLocalRandom.current().nextDouble());
        long wait = Math.min(withJitter, maxDelay.toMillis());
        if (retryAfter != null) {
            wait = Math.max(wait, Math.min(retryAfter.toMillis(), maxDelay.toMillis()));
        }
        return Duration.ofMillis(wait);
    }
}
