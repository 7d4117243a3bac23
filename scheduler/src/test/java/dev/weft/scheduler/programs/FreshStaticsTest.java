package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.FreshStatics;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every execution starts from a fresh JVM's static state for the application's classes: a lazily
 * initialized static is initialized again in every execution, so a double-checked initialization
 * without {@code volatile} is a data race in every execution, not only in the first one of the JVM.
 * The classes whose statics are reset live in {@link StaticsPrograms}: JUnit loads a test class's
 * nested classes at discovery, before the agent attaches in this module's tests (the engine attaches
 * it earlier, when the launcher session opens).
 */
class FreshStaticsTest {

    private static Program twoReaders(boolean withVolatile) {
        return () -> {
            Runnable read = () -> {
                Integer value = withVolatile ? StaticsPrograms.VolatileLazyRegistry.get().get("a") : StaticsPrograms.LazyRegistry.get().get("a");
                if (value == null || value != 1) {
                    throw new AssertionError("read " + value);
                }
            };
            Thread a = new Thread(read);
            Thread b = new Thread(read);
            a.start();
            b.start();
            a.join();
            b.join();
        };
    }

    private static final Program COUNTING = () -> {
        StaticsPrograms.RunCounter.runs++;
        StaticsPrograms.RunCounter.SEEN.add("run");
        if (StaticsPrograms.RunCounter.runs != 1 || StaticsPrograms.RunCounter.SEEN.size() != 1) {
            throw new AssertionError("statics left by an earlier execution: runs = " + StaticsPrograms.RunCounter.runs + ", seen = " + StaticsPrograms.RunCounter.SEEN);
        }
    };

    @Test
    void lazyStaticWithoutVolatile_isARace_inTheFirstExecutions_everyRun() {
        for (long seed = 1; seed <= 5; seed++) {
            Exploration exploration = new Explorer(ControlledRuntime.get())
                    .explore(twoReaders(false), ExplorationSettings.of(new StrategySpec.RandomWalk(), seed, 200).withDetection(DetectionMode.FAIL));
            assertThat(exploration.failure()).as("seed %d", seed).isPresent();
            assertThat(exploration.failure().get().outcome()).isInstanceOf(Outcome.DataRace.class);
            assertThat(exploration.failure().get().outcome().headline()).contains("LazyRegistry.map");
            assertThat(exploration.failure().get().execution()).as("seed %d", seed).isLessThan(10);
        }
    }

    @Test
    void lazyStaticWithVolatile_passes() {
        Exploration exploration = new Explorer(ControlledRuntime.get())
                .explore(twoReaders(true), ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 200).withDetection(DetectionMode.FAIL));
        assertThat(exploration.failure()).isEmpty();
        assertThat(exploration.executions()).isEqualTo(200);
    }

    @Test
    void lazyStaticWithoutVolatile_staticsKept_hidesTheRace() {
        // what Weft did before: only the first execution of the JVM initialized the map
        Explorer explorer = new Explorer(ControlledRuntime.get());
        explorer.explore(twoReaders(false), ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 5).withDetection(DetectionMode.WARN));
        Exploration kept = explorer.explore(twoReaders(false),
                ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 200).withDetection(DetectionMode.FAIL).withStatics(FreshStatics.OFF));
        assertThat(kept.failure()).isEmpty();
    }

    @Test
    void raceFound_replaysToTheSameRace() {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        ExplorationSettings settings = ExplorationSettings.of(new StrategySpec.RandomWalk(), 3, 200).withDetection(DetectionMode.FAIL);
        Exploration exploration = explorer.explore(twoReaders(false), settings);
        assertThat(exploration.failure()).isPresent();
        ExecutionResult first = explorer.replay(twoReaders(false), exploration.failure().get(), settings);
        ExecutionResult second = explorer.replay(twoReaders(false), exploration.failure().get(), settings);
        assertThat(first.outcome().headline()).isEqualTo(exploration.failure().get().outcome().headline());
        assertThat(first.renderTrace()).isEqualTo(second.renderTrace());
    }

    @Test
    void everyExecution_startsFromFreshStatics() {
        Exploration exploration = new Explorer(ControlledRuntime.get()).explore(COUNTING, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 50));
        assertThat(exploration.failure()).isEmpty();
        assertThat(exploration.executions()).isEqualTo(50);
    }

    @Test
    void theReset_addsNoSchedulingPoint() {
        // run 0 warms up: the first execution of a program in a JVM may first fill caches of the JDK's (on
        // JDK 25, in one run of the whole suite, its first event was 'lock ConcurrentHashMap$Node#1', a
        // ConcurrentHashMap the program does not use); the reset itself must add nothing in any run after it
        for (int run = 0; run < 4; run++) {
            Strategy strategy = Strategies.create("random", 1);
            strategy.beginExecution(0);
            ExecutionResult result = ControlledRuntime.get().execute(COUNTING, strategy, ExecutionOptions.of(1).traced());
            strategy.endExecution();
            assertThat(result.outcome().failed()).as(result.outcome().headline()).isFalse();
            if (run > 0) {
                assertThat(result.trace().get(0).text()).startsWith("StaticsPrograms$RunCounter.runs");
            }
        }
    }

    @Test
    void keptClass_keepsItsStatics() {
        Exploration exploration = new Explorer(ControlledRuntime.get()).explore(COUNTING,
                ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 50).withStatics(FreshStatics.keeping(List.of(StaticsPrograms.RunCounter.class.getName()))));
        assertThat(exploration.failure()).isPresent();
        assertThat(exploration.failure().get().outcome().headline()).contains("statics left by an earlier execution");
        Exploration off = new Explorer(ControlledRuntime.get()).explore(COUNTING,
                ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 50).withStatics(FreshStatics.OFF));
        assertThat(off.failure()).isPresent();
    }

    @Test
    void initializerFailingWhenRunAgain_saysWhatToDo() {
        Program program = () -> {
            if (StaticsPrograms.Once.VALUE != 7) {
                throw new AssertionError("value " + StaticsPrograms.Once.VALUE);
            }
        };
        Exploration exploration = new Explorer(ControlledRuntime.get()).explore(program,
                ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 5).withStatics(FreshStatics.keeping(List.of(StaticsPrograms.OnceFlag.class.getName()))));
        assertThat(exploration.failure()).isPresent();
        assertThat(exploration.failure().get().outcome().headline()).contains("exception in thread 0: java.lang.IllegalStateException: the static initializer of "
                + StaticsPrograms.Once.class.getName() + " failed when weft ran it again for a fresh execution (java.lang.IllegalStateException: initialized twice);"
                + " keep its statics from one execution to the next with weft.statics.keep=" + StaticsPrograms.Once.class.getName()
                + " or @ConcurrencyTest(freshStatics = false)");
    }

    @Test
    void staticsSetOutsideTheExecutions_areFreshInside_andAsTheyWereAfterwards() {
        // a test's set-up (a @BeforeAll of another engine, say) sets a static; the executions start from a
        // fresh JVM's statics, then the code around them finds its value again, for explorations and replays
        StaticsPrograms.SetUpOutside.value = "set up";
        Program program = () -> {
            if (StaticsPrograms.SetUpOutside.value != null) {
                throw new AssertionError("saw " + StaticsPrograms.SetUpOutside.value);
            }
            StaticsPrograms.SetUpOutside.value = "left by an execution";
        };
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration exploration = explorer.explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 20));
        assertThat(exploration.failure()).isEmpty();
        assertThat(StaticsPrograms.SetUpOutside.value).isEqualTo("set up");

        Program failing = () -> {
            StaticsPrograms.SetUpOutside.value = "left by a replay";
            throw new AssertionError("fails");
        };
        Exploration failed = explorer.explore(failing, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 5));
        assertThat(failed.failure()).isPresent();
        assertThat(StaticsPrograms.SetUpOutside.value).isEqualTo("set up");
        explorer.replay(failing, failed.failure().get(), ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 5));
        assertThat(StaticsPrograms.SetUpOutside.value).isEqualTo("set up");
    }
}
