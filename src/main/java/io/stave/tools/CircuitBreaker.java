package io.stave.tools;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops calling a server that is down: after {@code threshold} consecutive infrastructure
 * failures (no reply, timeouts, 5xx after retries) the breaker opens for {@code coolDown}, and
 * calls fail at once (status-12 observations) instead of waiting out timeouts and retries. After
 * the cool-down one trial call goes through; a success closes the breaker, a failure reopens it.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long coolDownNanos;
    private final LongSupplier clock;
    private int consecutiveFailures;
    private long openUntil = Long.MIN_VALUE;

    public CircuitBreaker(int threshold, Duration coolDown, LongSupplier clock) {
        this.threshold = threshold;
        this.coolDownNanos = coolDown.toNanos();
        this.clock = clock;
    }

    public CircuitBreaker(int threshold, Duration coolDown) {
        this(threshold, coolDown, System::nanoTime);
    }

    /** True when a call may go out now. */
    public synchronized boolean allows() {
        if (threshold <= 0 || consecutiveFailures < threshold) {
            return true;
        }
        if (clock.getAsLong() - openUntil >= 0) {
            // Half open: let this one call try, and reopen at once if it fails too.
            openUntil = clock.getAsLong() + coolDownNanos;
            return true;
        }
        return false;
    }

    public synchronized void recordSuccess() {
        consecutiveFailures = 0;
    }

    public synchronized void recordFailure() {
        consecutiveFailures++;
        if (threshold > 0 && consecutiveFailures == threshold) {
            openUntil = clock.getAsLong() + coolDownNanos;
        }
    }

    public synchronized boolean isOpen() {
        return threshold > 0 && consecutiveFailures >= threshold && clock.getAsLong() - openUntil < 0;
    }
}
