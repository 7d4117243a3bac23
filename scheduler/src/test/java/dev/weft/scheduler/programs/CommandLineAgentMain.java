package dev.weft.scheduler.programs;

import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.runtime.TraceRenderer;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.StrategySpec;

/**
 * Run by {@link CommandLineAgentTest} in a JVM started with {@code -javaagent}, and by {@link AttachInProcessTest} in one
 * started without it: explores the HashMap program, buggy and fixed.
 */
public final class CommandLineAgentMain {

    private CommandLineAgentMain() {}

    public static void main(String[] args) {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration buggy = explorer.explore(Programs.hashMapPut(false), ExplorationSettings.of(new StrategySpec.Portfolio(), 7, 2_000));
        Exploration fixed = explorer.explore(Programs.hashMapPut(true), ExplorationSettings.of(new StrategySpec.Portfolio(), 7, 2_000));
        System.out.println("how=" + WeftAgent.installedHow() + " in-process=" + WeftAgent.attachedInProcess() + " retransformed=" + WeftAgent.retransformedClasses()
                + " cached=" + WeftAgent.rewritesFromCache()
                + " buggy-found=" + buggy.failure().isPresent() + " fixed-found=" + fixed.failure().isPresent()
                + " failures=" + WeftAgent.instrumentationFailures());
        // a JDK class no one loads before the program: rewritten as it loads (from the cache when there is one)
        Program skipList = () -> {
            java.util.concurrent.ConcurrentSkipListMap<Integer, Integer> map = new java.util.concurrent.ConcurrentSkipListMap<>();
            Thread other = dev.weft.scheduler.runtime.ManagedThreads.start("other", () -> map.put(1, 1));
            map.put(2, 2);
            dev.weft.scheduler.runtime.ManagedThreads.join(other);
        };
        ExecutionResult skipListRun = null;
        for (int run = 0; run < 4; run++) { // the first runs load and link what the program needs: only the last is compared
            dev.weft.scheduler.strategy.Strategy random = dev.weft.scheduler.strategy.Strategies.create("random", 3);
            random.beginExecution(0);
            skipListRun = ControlledRuntime.get().execute(skipList, random, dev.weft.scheduler.runtime.ExecutionOptions.of(1).traced());
            random.endExecution();
        }
        System.out.println("loaded-from-cache=" + WeftAgent.classesLoadedFromCache());
        System.out.println("skiplist-begin");
        System.out.println(TraceRenderer.render(skipListRun.trace(), skipListRun.threads()));
        System.out.println("skiplist-end");
        if (buggy.failure().isPresent()) {
            // the failing execution again, traced: the sites it shows (in JDK classes too) are where it happened
            ExecutionResult replayed = explorer.replay(Programs.hashMapPut(false), buggy.failure().get(), ExplorationSettings.of(new StrategySpec.Portfolio(), 7, 2_000));
            System.out.println("trace-begin");
            System.out.println(TraceRenderer.render(replayed.trace(), replayed.threads()));
            System.out.println("trace-end");
        }
    }
}
