package io.stave.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResilienceTest {

    @Test
    void thirty_calls_a_minute_are_spaced_two_seconds_apart() {
        AtomicLong now = new AtomicLong(0);
        RecordingSleeper sleeper = new RecordingSleeper();
        RateLimiter limiter = new RateLimiter(Duration.ofSeconds(2), d -> {
            sleeper.sleep(d);
            now.addAndGet(d.toNanos());
        }, now::get);
        limiter.acquire();
        limiter.acquire();
        now.addAndGet(Duration.ofMillis(500).toNanos());
        limiter.acquire();
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1500));
        assertThat(RateLimiter.perMinute(30, sleeper)).isNotNull();
    }

    @Test
    void back_off_doubles_and_honours_retry_after_up_to_the_cap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10), 0);
        assertThat(policy.delay(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(3, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delay(5, null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(policy.delay(1, Duration.ofSeconds(70))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void jitter_adds_at_most_its_fraction() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);
        for (int i = 0; i < 50; i++) {
            assertThat(policy.delay(1, null)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1200));
        }
    }

    @Test
    void retry_after_is_read_as_seconds_or_as_an_http_date() {
        assertThat(ResilientHttp.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(ResilientHttp.retryAfter(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(ResilientHttp.retryAfter("soon")).isNull();
        assertThat(ResilientHttp.retryAfter(null)).isNull();
    }

    @Test
    void the_breaker_opens_after_the_threshold_and_half_opens_after_the_cool_down() {
        AtomicLong now = new AtomicLong(0);
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.allows()).isTrue();
            breaker.recordFailure();
        }
        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.isOpen()).isTrue();
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.allows()).isFalse();
        breaker.recordSuccess();
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
    }
}
