package dev.weft.engine.discovery;

import dev.weft.engine.runner.ControlledExplorer;
import dev.weft.scheduler.runtime.RuntimeSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts Weft's runtime (and so attaches its agent) when a JUnit Platform launcher session opens,
 * before any engine discovers tests. Attached later, the agent can only retransform the classes other
 * engines' discovery loaded first, and a retransformed class keeps each of its synchronized methods as
 * one step, so a bug that needs a switch between two such calls could go unfound depending on the
 * order the tests are found in. Registered as a service: Surefire, Gradle and IDEs open a session
 * before discovery. {@code weft.agent.early=false} turns it off (the engine then starts the runtime
 * at its own discovery, as before). Never fails the session: a runtime that cannot start fails Weft's
 * tests when they run, with the reason.
 *
 * <p>A session gives no configuration parameters to its listeners, so the runtime's settings ({@link
 * RuntimeSettings}) are read here from system properties and {@code junit-platform.properties} on the
 * class path, as the launcher reads them; a runtime key given only as a launcher parameter comes too
 * late, and the engine says so when it discovers its tests.
 */
public final class EarlyRuntimeStart implements LauncherSessionListener {

    /** The key that turns the early start off. */
    public static final String PROPERTY = RuntimeSettings.AGENT_EARLY;

    /** The file the JUnit Platform reads configuration parameters from. */
    static final String PROPERTIES_FILE = "junit-platform.properties";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Properties file = classPathProperties();
        RuntimeSettings.configure(key -> Optional.ofNullable(System.getProperty(key)).orElse(file.getProperty(key)));
        try {
            if (!RuntimeSettings.process().agentEarly()) {
                return;
            }
            new ControlledExplorer().prepare();
        } catch (RuntimeException | LinkageError e) {
            // the engine tries again at discovery, and its tests report why the runtime did not start
        }
    }

    /** The first {@value #PROPERTIES_FILE} on the class path, as the launcher takes it; empty when there is none or it cannot be read. */
    private static Properties classPathProperties() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            URL resource = loader != null ? loader.getResource(PROPERTIES_FILE) : ClassLoader.getSystemResource(PROPERTIES_FILE);
            if (resource != null) {
                try (InputStream in = resource.openStream()) {
                    properties.load(in);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the launcher reports a file it cannot read; the runtime then uses system properties only
        }
        return properties;
    }
}
