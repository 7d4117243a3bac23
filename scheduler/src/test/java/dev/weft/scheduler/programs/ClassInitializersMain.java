package dev.weft.scheduler.programs;

import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.SchedulingPoint;
import dev.weft.scheduler.strategy.Strategy;
import java.util.List;

/**
 * Run by {@link ClassInitializersTest} in a fresh JVM, where no test library has initialized its
 * classes yet: two started threads use AssertJ, Hamcrest and Mockito's set-up for the first time, under a
 * strategy that switches to another thread at every scheduling point it can. The libraries' class
 * initializers call instrumented JDK code ({@code ConcurrentHashMap.get}); a switch inside one would
 * leave the other thread waiting on the JVM's class-initialization lock, outside the runtime's sight.
 * Prints each program's outcome, twice (the second time finds the classes initialized, or poisoned).
 */
public final class ClassInitializersMain {

    private ClassInitializersMain() {}

    public static void main(String[] args) {
        for (String library : args) {
            for (int run = 1; run <= 2; run++) {
                Strategy strategy = alwaysSwitch();
                strategy.beginExecution(0);
                ExecutionResult result = ControlledRuntime.get().execute(program(library), strategy, ExecutionOptions.of(11));
                strategy.endExecution();
                System.out.println(library + "-" + run + "=" + result.outcome().headline() + " switches=" + result.switches());
                if (result.outcome().failed()) {
                    System.out.println(result.outcome().details());
                    if (result.outcome() instanceof dev.weft.scheduler.runtime.Outcome.Failed failed) {
                        failed.error().printStackTrace(System.out);
                    }
                }
            }
        }
        System.out.println("how=" + WeftAgent.installedHow() + " uninitialized-retransformed=" + WeftAgent.uninitializedClassesRetransformed()
                + " failures=" + WeftAgent.instrumentationFailures());
    }

    private static Program program(String library) {
        Runnable body = switch (library) {
            case "assertj" -> () -> org.assertj.core.api.Assertions.assertThat(1 + 1).isEqualTo(2);
            case "hamcrest" -> () -> org.hamcrest.MatcherAssert.assertThat(1 + 1, org.hamcrest.Matchers.equalTo(2));
            // Mockito's set-up: its plugins, and its inline mock maker, whose class initializer attaches
            // byte-buddy's agent (through a helper process when the agent came with -javaagent)
            case "mockito" -> () -> {
                if (org.mockito.Mockito.mockingDetails(new Object()).isMock()) {
                    throw new AssertionError("a plain object taken for a mock");
                }
            };
            default -> throw new IllegalArgumentException("unknown library " + library);
        };
        return () -> {
            Thread a = new Thread(body);
            Thread b = new Thread(body);
            a.start();
            b.start();
            a.join();
            b.join();
        };
    }

    /** Hands the turn to the next enabled thread at every scheduling point. */
    private static Strategy alwaysSwitch() {
        return new Strategy() {
            @Override
            public void beginExecution(long index) {
            }

            @Override
            public int pick(SchedulingPoint point) {
                int current = point.current();
                int best = -1;
                for (int i = 0; i < point.enabledCount(); i++) {
                    int candidate = point.enabled(i);
                    if (candidate > current && (best < 0 || candidate < best)) {
                        best = candidate;
                    }
                }
                return best >= 0 ? best : point.enabled(0);
            }

            @Override
            public boolean endExecution() {
                return true;
            }

            @Override
            public String describe() {
                return "always-switch";
            }
        };
    }
}
