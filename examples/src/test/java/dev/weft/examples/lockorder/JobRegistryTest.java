package dev.weft.examples.lockorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of both registries: moves in both directions. */
class JobRegistryTest {

    @Test
    void fixed_moveBothWays_keepsEachJobInExactlyOneRegistry() {
        var pending = new JobRegistry("pending");
        var running = new JobRegistry("running");
        assertThat(pending.add(1, "build")).isTrue();
        assertThat(pending.add(1, "again")).isFalse();
        assertThat(running.add(2, "test")).isTrue();

        assertThat(pending.moveTo(running, 1)).isTrue();
        assertThat(running.moveTo(pending, 2)).isTrue();
        assertThat(running.moveTo(pending, 99)).isFalse();

        assertThat(pending.find(2)).contains("test");
        assertThat(running.find(1)).contains("build");
        assertThat(pending.find(1)).isEmpty();
        assertThat(pending.size()).isEqualTo(1);
        assertThat(running.size()).isEqualTo(1);
    }

    @Test
    void buggy_moveBothWays_keepsEachJobInExactlyOneRegistryOnOneThread() {
        var pending = new BuggyJobRegistry("pending");
        var running = new BuggyJobRegistry("running");
        assertThat(pending.add(1, "build")).isTrue();
        assertThat(pending.add(1, "again")).isFalse();
        assertThat(running.add(2, "test")).isTrue();

        assertThat(pending.moveTo(running, 1)).isTrue();
        assertThat(running.moveTo(pending, 2)).isTrue();
        assertThat(running.moveTo(pending, 99)).isFalse();

        assertThat(pending.find(2)).contains("test");
        assertThat(running.find(1)).contains("build");
        assertThat(pending.find(1)).isEmpty();
        assertThat(pending.size()).isEqualTo(1);
        assertThat(running.size()).isEqualTo(1);
    }

    @Test
    void moveToItself_isRejectedWithTheJobAndRegistry() {
        var pending = new JobRegistry("pending");
        assertThatThrownBy(() -> pending.moveTo(pending, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot move job 7 from registry pending to itself");
        var buggy = new BuggyJobRegistry("pending");
        assertThatThrownBy(() -> buggy.moveTo(buggy, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot move job 7 from registry pending to itself");
    }
}
