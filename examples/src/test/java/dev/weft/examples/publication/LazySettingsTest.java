package dev.weft.examples.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of both lazy settings: load once, on first use. */
class LazySettingsTest {

    private final AtomicInteger loads = new AtomicInteger();

    private Map<String, String> load() {
        loads.incrementAndGet();
        return Map.of("timeout", "30s", "region", "eu");
    }

    @Test
    void fixed_firstUse_loadsOnce() {
        var settings = new LazySettings(this::load);
        assertThat(loads).hasValue(0);
        assertThat(settings.get("timeout")).isEqualTo("30s");
        assertThat(settings.get("region")).isEqualTo("eu");
        assertThat(settings.get("missing")).isNull();
        assertThat(loads).hasValue(1);
    }

    @Test
    void buggy_firstUse_loadsOnceOnOneThread() {
        var settings = new BuggyLazySettings(this::load);
        assertThat(loads).hasValue(0);
        assertThat(settings.get("timeout")).isEqualTo("30s");
        assertThat(settings.get("region")).isEqualTo("eu");
        assertThat(settings.get("missing")).isNull();
        assertThat(loads).hasValue(1);
    }
}
