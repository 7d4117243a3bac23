package dev.weft.scheduler.programs;

import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import java.lang.management.ManagementFactory;

/** Prints the time from JVM start to the end of the first controlled execution. */
public final class StartupProbe {
    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        ControlledRuntime runtime = ControlledRuntime.get();
        dev.weft.scheduler.strategy.Strategy strategy = TestStrategies.random(1);
        strategy.beginExecution(0);
        runtime.execute(Programs.hashMapPut(true), strategy, ExecutionOptions.of(1));
        long now = System.currentTimeMillis();
        System.out.println("agent " + WeftAgent.installedHow() + (WeftAgent.attachedInProcess() ? " (in process)" : "") + " in " + WeftAgent.installNanos() / 1_000_000 + " ms (warm-up " + WeftAgent.warmUpNanos() / 1_000_000 + " ms), "
                + WeftAgent.retransformedClasses() + " classes retransformed" + (WeftAgent.rewritesFromCache() ? " (rewritten by an earlier JVM)" : "") + "; first execution done "
                + (now - jvmStart) + " ms after JVM start");
    }
}
