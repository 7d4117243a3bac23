package dev.weft.engine.discovery;

import dev.weft.engine.execution.ExplorerLoader;
import java.util.ServiceConfigurationError;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts Weft's runtime (and so attaches its agent) when a JUnit Platform launcher session opens,
 * before any engine discovers tests. Attached later, the agent can only retransform the classes other
 * engines' discovery loaded first, and a retransformed class keeps each of its synchronized methods as
 * one step, so a bug that needs a switch between two such calls could go unfound depending on the
 * order the tests are found in. Registered as a service: Surefire, Gradle and IDEs open a session
 * before discovery. {@code -Dweft.agent.early=false} turns it off (the engine then starts the runtime
 * at its own discovery, as before). Never fails the session: a runtime that cannot start fails Weft's
 * tests when they run, with the reason.
 */
public final class EarlyRuntimeStart implements LauncherSessionListener {

    /** The system property that turns the early start off. */
    public static final String PROPERTY = "weft.agent.early";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim())) {
            return;
        }
        try {
            ExplorerLoader.load().prepare();
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            // the engine tries again at discovery, and its tests report why the runtime did not start
        }
    }
}
