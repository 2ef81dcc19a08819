package io.stave.tools;

import java.time.Duration;

/**
 * Transport settings of one HTTP tool backend; {@link #builder()} starts from ToolBench's
 * defaults (15 s timeout, 30 calls a minute), which {@link ToolsSpec} adjusts per backend.
 *
 * @param timeout read/call timeout; {@link Duration#ZERO} for none (StableToolBench's virtual server)
 * @param callsPerMinute pacing; 0 for none
 * @param breakerThreshold consecutive failures that open the circuit breaker; 0 disables it
 * @param rateLimitPause the wait after a "Rate limit per minute error..." reply (ToolBench sleeps 10 s)
 */
public record HttpSettings(
        Duration connectTimeout, Duration timeout, RetryPolicy retry, double callsPerMinute, int breakerThreshold,
        Duration breakerCoolDown, Duration rateLimitPause, Sleeper sleeper) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().connectTimeout(connectTimeout).timeout(timeout).retry(retry)
                .callsPerMinute(callsPerMinute).breakerThreshold(breakerThreshold).breakerCoolDown(breakerCoolDown)
                .rateLimitPause(rateLimitPause).sleeper(sleeper);
    }

    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration timeout = Duration.ofSeconds(15);
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private double callsPerMinute = 30;
        private int breakerThreshold = 5;
        private Duration breakerCoolDown = Duration.ofSeconds(30);
        private Duration rateLimitPause = Duration.ofSeconds(10);
        private Sleeper sleeper = Sleeper.REAL;

        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder retry(RetryPolicy value) {
            retry = value;
            return this;
        }

        public Builder callsPerMinute(double value) {
            callsPerMinute = value;
            return this;
        }

        public Builder breakerThreshold(int value) {
            breakerThreshold = value;
            return this;
        }

        public Builder breakerCoolDown(Duration value) {
            breakerCoolDown = value;
            return this;
        }

        public Builder rateLimitPause(Duration value) {
            rateLimitPause = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            sleeper = value;
            return this;
        }

        public HttpSettings build() {
            return new HttpSettings(connectTimeout, timeout, retry, callsPerMinute, breakerThreshold,
                    breakerCoolDown, rateLimitPause, sleeper);
        }
    }

    ResilientHttp http(ExecutorCounters counters) {
        okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout)
                .retryOnConnectionFailure(false)
                .build();
        return new ResilientHttp(client, retry, RateLimiter.perMinute(callsPerMinute, sleeper),
                new CircuitBreaker(breakerThreshold, breakerCoolDown), sleeper, counters);
    }
}
