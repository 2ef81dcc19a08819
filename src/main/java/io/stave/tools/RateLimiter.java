package io.stave.tools;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces calls at least {@code interval} apart (ToolBench's client sleeps 2 s before every call:
 * "rate limit: 30 per minute", toolbench.md §7.1). Shared by the threads of one executor.
 */
public final class RateLimiter {

    private final long intervalNanos;
    private final Sleeper sleeper;
    private final LongSupplier clock;
    private long next = Long.MIN_VALUE;

    public RateLimiter(Duration interval, Sleeper sleeper, LongSupplier clock) {
        this.intervalNanos = interval.toNanos();
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public RateLimiter(Duration interval, Sleeper sleeper) {
        this(interval, sleeper, System::nanoTime);
    }

    /** {@code perMinute} calls a minute at most; 0 means no limit. */
    public static RateLimiter perMinute(double perMinute, Sleeper sleeper) {
        return perMinute <= 0 ? new RateLimiter(Duration.ZERO, sleeper)
                : new RateLimiter(Duration.ofNanos((long) (60e9 / perMinute)), sleeper);
    }

    /** Blocks until the next call may start. */
    public void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = clock.getAsLong();
            long start = next == Long.MIN_VALUE ? now : Math.max(now, next);
            next = start + intervalNanos;
            wait = start - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
