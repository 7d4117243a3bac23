package dev.weft.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code -Dweft.workers}: what each value gives, and a clear error for the rest. */
class WorkerKindSettingTest {

    @Test
    void platform_givesPlatformThreads() {
        assertThat(WorkerPool.chooseVirtual("platform")).isNull();
        assertThat(WorkerPool.chooseVirtual(" Platform ")).isNull();
    }

    @Test
    void auto_givesVirtualThreadsFromJdk24Only() {
        if (Runtime.version().feature() >= 24) {
            assertThat(WorkerPool.chooseVirtual("auto")).isNotNull();
        } else {
            assertThat(WorkerPool.chooseVirtual("auto")).isNull();
        }
    }

    @Test
    void virtual_onAJdkWithoutVirtualThreads_failsWithTheReasonAndTheRemedy() {
        if (Runtime.version().feature() >= 21) {
            assertThat(WorkerPool.chooseVirtual("virtual")).isNotNull();
        } else {
            assertThatThrownBy(() -> WorkerPool.chooseVirtual("virtual"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("-Dweft.workers=virtual cannot be honoured: virtual threads need JDK 21 or later, this is JDK "
                            + Runtime.version().feature() + " (use -Dweft.workers=platform or auto)");
        }
    }

    @Test
    void unknownValue_failsNamingTheValueAndTheChoices() {
        assertThatThrownBy(() -> WorkerPool.chooseVirtual("green"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("-Dweft.workers must be platform, virtual or auto, was 'green'");
    }
}
