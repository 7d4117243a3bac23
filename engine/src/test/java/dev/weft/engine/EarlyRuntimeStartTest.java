package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.engine.discovery.EarlyRuntimeStart;
import dev.weft.scheduler.agent.WeftAgent;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.core.LauncherFactory;

/** The runtime starts when a launcher session opens, before any engine discovers tests. */
class EarlyRuntimeStartTest {

    @Test
    void sessionListener_isRegisteredAsAService() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(EarlyRuntimeStart.class);
    }

    @Test
    void openingASession_installsTheAgent() {
        try (var session = LauncherFactory.openSession()) {
            assertThat(WeftAgent.installedHow()).isIn("attach", "-javaagent");
        }
    }
}
