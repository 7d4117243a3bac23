package dev.weft.scheduler.programs;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;

/**
 * Run by {@link ExitTest} in a JVM of its own: programs that call {@code System.exit},
 * {@code Runtime.halt} and (through reflection, from code Weft does not rewrite) {@code System.exit}
 * again. Each exploration ends with that verdict; the JVM lives on and a later exploration passes.
 */
public final class ExitMain {

    private ExitMain() {}

    public static void main(String[] args) throws Exception {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Program exitInThread = () -> {
            Thread worker = new Thread(() -> System.exit(3));
            worker.start();
            worker.join();
        };
        Program haltInThreadZero = () -> Runtime.getRuntime().halt(4);
        Program exitByReflection = () -> {
            Thread worker = new Thread(() -> {
                try {
                    System.class.getMethod("exit", int.class).invoke(null, 5);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            worker.start();
            worker.join();
        };
        report("exit-in-thread", explorer.explore(exitInThread, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 20)));
        report("halt-in-thread-0", explorer.explore(haltInThreadZero, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 20)));
        report("exit-by-reflection", explorer.explore(exitByReflection, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 20)));
        Exploration later = explorer.explore(Programs.hashMapPut(true), ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 50));
        System.out.println("later=" + (later.failure().isEmpty() ? "passed" : later.failure().get().outcome().headline())
                + " executions=" + later.executions());
    }

    private static void report(String name, Exploration exploration) {
        System.out.println(name + "=" + exploration.failure().map(f -> f.outcome().headline() + " after " + (f.execution() + 1)
                + " execution(s)\n" + f.outcome().details()).orElse("passed"));
    }
}
