package dev.weft.examples.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of both rate limiters. */
class RateLimiterTest {

    @Test
    void fixed_threePermits_admitsThreeThenRefusesUntilNewWindow() {
        var limiter = new RateLimiter(3);
        assertThat(limiter.tryAcquire("ada")).isTrue();
        assertThat(limiter.tryAcquire("ada")).isTrue();
        assertThat(limiter.tryAcquire("grace")).isTrue();
        assertThat(limiter.tryAcquire("ada")).isTrue();
        assertThat(limiter.tryAcquire("ada")).isFalse();
        assertThat(limiter.used("ada")).isEqualTo(3);
        assertThat(limiter.used("grace")).isEqualTo(1);

        limiter.startNewWindow();
        assertThat(limiter.used("ada")).isZero();
        assertThat(limiter.tryAcquire("ada")).isTrue();
    }

    @Test
    void buggy_threePermits_admitsThreeThenRefusesUntilNewWindowOnOneThread() {
        var limiter = new BuggyRateLimiter(3);
        assertThat(limiter.tryAcquire("ada")).isTrue();
        assertThat(limiter.tryAcquire("ada")).isTrue();
        assertThat(limiter.tryAcquire("grace")).isTrue();
        assertThat(limiter.tryAcquire("ada")).isTrue();
        assertThat(limiter.tryAcquire("ada")).isFalse();
        assertThat(limiter.used("ada")).isEqualTo(3);
        assertThat(limiter.used("grace")).isEqualTo(1);

        limiter.startNewWindow();
        assertThat(limiter.used("ada")).isZero();
        assertThat(limiter.tryAcquire("ada")).isTrue();
    }

    @Test
    void zeroPermits_isRejectedWithTheValue() {
        assertThatThrownBy(() -> new RateLimiter(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permitsPerWindow must be at least 1, was 0");
        assertThatThrownBy(() -> new BuggyRateLimiter(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("permitsPerWindow must be at least 1, was -2");
    }
}
