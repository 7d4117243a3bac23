package dev.weft.scheduler.programs;

import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;

/** Run by {@link AttachInProcessTest} in a JVM started without {@code -javaagent}: the runtime attaches the agent itself. */
public final class AttachMain {

    private AttachMain() {}

    public static void main(String[] args) {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration buggy = explorer.explore(Programs.hashMapPut(false), ExplorationSettings.of("portfolio", 7, 2_000));
        Exploration fixed = explorer.explore(Programs.hashMapPut(true), ExplorationSettings.of("portfolio", 7, 2_000));
        System.out.println("how=" + WeftAgent.installedHow() + " in-process=" + WeftAgent.attachedInProcess()
                + " buggy-found=" + buggy.failure().isPresent() + " fixed-found=" + fixed.failure().isPresent()
                + " failures=" + WeftAgent.instrumentationFailures());
    }
}
