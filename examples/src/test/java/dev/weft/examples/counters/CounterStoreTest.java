package dev.weft.examples.counters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of both counter stores. */
class CounterStoreTest {

    @Test
    void fixed_registerThenIncrement_countsFromZero() {
        var store = new CounterStore();
        assertThat(store.register("logins")).isTrue();
        assertThat(store.register("logins")).isFalse();
        assertThat(store.increment("logins")).isEqualTo(1);
        assertThat(store.increment("logins")).isEqualTo(2);
        assertThat(store.increment("errors")).isEqualTo(1);
        assertThat(store.count("logins")).isEqualTo(2);
        assertThat(store.count("unknown")).isZero();
    }

    @Test
    void fixed_registerAfterIncrement_keepsCount() {
        var store = new CounterStore();
        store.increment("logins");
        assertThat(store.register("logins")).isFalse();
        assertThat(store.count("logins")).isEqualTo(1);
    }

    @Test
    void buggy_registerThenIncrement_countsFromZeroOnOneThread() {
        var store = new BuggyCounterStore();
        assertThat(store.register("logins")).isTrue();
        assertThat(store.register("logins")).isFalse();
        assertThat(store.increment("logins")).isEqualTo(1);
        assertThat(store.increment("logins")).isEqualTo(2);
        assertThat(store.increment("errors")).isEqualTo(1);
        assertThat(store.count("logins")).isEqualTo(2);
        assertThat(store.count("unknown")).isZero();
    }

    @Test
    void buggy_registerAfterIncrement_keepsCountOnOneThread() {
        var store = new BuggyCounterStore();
        store.increment("logins");
        assertThat(store.register("logins")).isFalse();
        assertThat(store.count("logins")).isEqualTo(1);
    }
}
