package dev.weft.examples.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of both registries: they agree when only one thread uses them. */
class SessionRegistryTest {

    @Test
    void fixed_openLookupClose_tracksSessions() {
        var registry = new SessionRegistry();
        registry.open("s1", "ada");
        registry.open("s2", "grace");
        registry.open("s1", "alan");

        assertThat(registry.userOf("s1")).contains("alan");
        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.close("s1")).isTrue();
        assertThat(registry.close("s1")).isFalse();
        assertThat(registry.userOf("s1")).isEmpty();
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void buggy_openLookupClose_tracksSessionsOnOneThread() {
        var registry = new BuggySessionRegistry();
        registry.open("s1", "ada");
        registry.open("s2", "grace");
        registry.open("s1", "alan");

        assertThat(registry.userOf("s1")).contains("alan");
        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.close("s1")).isTrue();
        assertThat(registry.close("s1")).isFalse();
        assertThat(registry.userOf("s1")).isEmpty();
        assertThat(registry.size()).isEqualTo(1);
    }
}
