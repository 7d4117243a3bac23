package dev.weft.scheduler.runtime.semantics;

import dev.weft.scheduler.runtime.ControlledRuntime;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the runtime, and so its agent, when the test JVM's launcher session opens, as the engine
 * does for users: test classes are then loaded after the agent, so that a class the semantics
 * programs use never keeps its synchronized methods as single steps because discovery happened to
 * load it first (the verifier of a test class may load the classes its methods use).
 */
public final class AgentAtSessionStart implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ControlledRuntime.get();
    }
}
