package io.stave.tools;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends a request with the resilience every tool backend shares (harness.md §12): a rate limit,
 * retries with exponential back-off and jitter on HTTP 429, 5xx, timeouts and broken connections
 * ({@code Retry-After} honoured as a minimum wait), no retry on other 4xx, and a circuit breaker
 * that answers at once while the server is down. Every error kind is counted.
 */
final class ResilientHttp {

    private final OkHttpClient client;
    private final RetryPolicy retry;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker breaker;
    private final Sleeper sleeper;
    private final ExecutorCounters counters;

    ResilientHttp(OkHttpClient client, RetryPolicy retry, RateLimiter rateLimiter, CircuitBreaker breaker,
            Sleeper sleeper, ExecutorCounters counters) {
        this.client = client;
        this.retry = retry;
        this.rateLimiter = rateLimiter;
        this.breaker = breaker;
        this.sleeper = sleeper;
        this.counters = counters;
    }

    HttpOutcome send(Request request) {
        if (!breaker.allows()) {
            counters.increment("circuit_open");
            return new HttpOutcome.CircuitOpen();
        }
        HttpOutcome outcome = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                counters.increment("retry");
            }
            rateLimiter.acquire();
            Duration retryAfter = null;
            try (Response response = client.newCall(request).execute()) {
                ResponseBody body = response.body();
                outcome = new HttpOutcome.Reply(response.code(), body == null ? "" : body.string());
                if (!retryable(response.code())) {
                    break;
                }
                counters.increment(response.code() == 429 ? "http_429" : "http_5xx");
                retryAfter = retryAfter(response.header("Retry-After"));
                if (retryAfter != null) {
                    counters.increment("retry_after_wait");
                }
            } catch (InterruptedIOException e) {
                counters.increment("timeout");
                outcome = new HttpOutcome.Timeout();
            } catch (IOException e) {
                counters.increment("io_error");
                outcome = new HttpOutcome.Failure(e.getClass().getSimpleName());
            }
            if (attempt < retry.maxAttempts()) {
                sleeper.sleep(retry.delay(attempt, retryAfter));
            }
        }
        if (outcome instanceof HttpOutcome.Reply reply && reply.status() < 500) {
            breaker.recordSuccess();
        } else {
            breaker.recordFailure();
        }
        return outcome;
    }

    /** Drops idle connections so that nothing keeps the server (or a test's mock) waiting. */
    void close() {
        client.connectionPool().evictAll();
        client.dispatcher().executorService().shutdown();
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    /** {@code Retry-After}: delay seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
