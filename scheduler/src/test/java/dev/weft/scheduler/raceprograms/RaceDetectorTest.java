package dev.weft.scheduler.raceprograms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.explore.Failure;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.Strategies;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The race and misuse detectors catch each racy pattern with both accesses, and stay quiet on the
 * same patterns made correct, over thousands of executions.
 */
class RaceDetectorTest {

    private static final int BUDGET = Integer.getInteger("weft.test.budget", 3_000);
    private static final int CLEAN_RUNS = Integer.getInteger("weft.test.cleanRuns", 2_000);

    private final Explorer explorer = new Explorer(ControlledRuntime.get());

    private static ExplorationSettings failing(StrategySpec strategy, long seed, long budget) {
        return ExplorationSettings.of(strategy, seed, budget).withDetection(DetectionMode.FAIL);
    }

    private Failure findAndReplay(Program program, ExplorationSettings settings) {
        Exploration exploration = explorer.explore(program, settings);
        assertThat(exploration.failure()).as("no finding in %d executions", settings.maxExecutions()).isPresent();
        Failure failure = exploration.failure().orElseThrow();
        ExecutionResult replayed = explorer.replay(program, failure, settings);
        assertThat(replayed.outcome().headline()).isEqualTo(failure.outcome().headline());
        return failure;
    }

    @Test
    void lazyInitialization_withoutVolatile_isADataRaceOnTheField() {
        Failure failure = findAndReplay(RacePrograms.lazyInit(), failing(new StrategySpec.Portfolio(), 42, BUDGET));
        assertThat(failure.outcome()).isInstanceOf(Outcome.DataRace.class);
        // the unlocked read sees the write (read races), or comes before it (the write races)
        assertThat(failure.outcome().headline()).matches("data race on Registry#1\\.entries: thread (1|2) "
                + "(reads at Registry\\.java:14, thread (1|2) wrote at Registry\\.java:21"
                + "|writes at Registry\\.java:21, thread (1|2) read at Registry\\.java:14) without happens-before");
        assertThat(failure.outcome().details()).contains("at dev.weft.scheduler.raceprograms.Registry.entries(Registry.java:");
    }

    @Test
    void plainHandoff_firstSchedule_reportsBothAccesses() {
        Failure failure = findAndReplay(RacePrograms.plainHandoff(), failing(new StrategySpec.Exhaustive(0), 1, 10));
        assertThat(failure.execution()).isZero();
        assertThat(failure.outcome().headline()).isEqualTo("data race on Box#1.map: thread 2 reads at RacePrograms.java:67, "
                + "thread 1 wrote at RacePrograms.java:66 without happens-before");
        assertThat(failure.outcome().details()).contains("read of Box#1.map by thread 2:",
                "at dev.weft.scheduler.raceprograms.RacePrograms.lambda$plainHandoff", "previous write by thread 1:",
                "no lock held by either thread");
    }

    @Test
    void report_namesObjectsAsTheReplayTraceDoes() {
        Failure failure = findAndReplay(RacePrograms.plainHandoffOnSecondBox(), failing(new StrategySpec.Portfolio(), 2, BUDGET));
        assertThat(failure.outcome().headline()).startsWith("data race on Box#2.map: ");
    }

    @Test
    void plainHandoff_isFoundByEveryStrategy() {
        for (String strategy : new String[] {"random", "pct", "pos", "exhaustive", "portfolio"}) {
            Failure failure = findAndReplay(RacePrograms.plainHandoff(), failing(Strategies.parse(strategy), 7, BUDGET));
            assertThat(failure.outcome()).as(strategy).isInstanceOf(Outcome.DataRace.class);
        }
    }

    @Test
    void writesUnderTheReadLock_nameBothReadLockHolders() {
        Failure failure = findAndReplay(RacePrograms.writesUnderTheReadLock(), failing(new StrategySpec.Exhaustive(), 1, BUDGET));
        assertThat(failure.outcome()).isInstanceOf(Outcome.DataRace.class);
        assertThat(((Outcome.DataRace) failure.outcome()).ordering()).matches("both threads held the read lock of "
                + "ReentrantReadWriteLock\\$NonfairSync#1, which does not order its holders' accesses \\(a write needs the"
                + " write lock\\): thread (1|2) held the read lock of ReentrantReadWriteLock\\$NonfairSync#1, thread (1|2)"
                + " held the read lock of ReentrantReadWriteLock\\$NonfairSync#1");
    }

    @Test
    void oneSideUnderAReentrantLock_namesTheLockItHeld() {
        Failure failure = findAndReplay(RacePrograms.oneSideUnderAReentrantLock(), failing(new StrategySpec.Exhaustive(), 1, BUDGET));
        assertThat(((Outcome.DataRace) failure.outcome()).ordering()).matches("no lock held in common: "
                + "(thread 1 held the lock of ReentrantLock\\$NonfairSync#1, thread 2 held no lock"
                + "|thread 2 held no lock, thread 1 held the lock of ReentrantLock\\$NonfairSync#1)");
    }

    @Test
    void counterUnderTwoLocks_namesTheLocksEachHeld() {
        Failure failure = findAndReplay(RacePrograms.twoLocks(), failing(new StrategySpec.Exhaustive(0), 1, 10));
        assertThat(failure.outcome().headline()).isEqualTo("data race on Counter#1.value: thread 2 reads at Counter.java:17, "
                + "thread 1 wrote at Counter.java:11 without happens-before");
        assertThat(failure.outcome().details()).contains(
                "  read of Counter#1.value by thread 2:\n      at dev.weft.scheduler.raceprograms.Counter.incrementUnderB(Counter.java:17)\n",
                // the earlier access's own stack, recorded by running the same execution again
                "  previous write by thread 1:\n      at dev.weft.scheduler.raceprograms.Counter.incrementUnderA(Counter.java:11)\n",
                "no lock held in common: thread 2 held Object#2, thread 1 held Object#1");
        Outcome.DataRace race = (Outcome.DataRace) failure.outcome();
        assertThat(race.earlier().stackAtAccess()).isTrue();
        assertThat(race.field()).isEqualTo("Counter.value");
    }

    /** Runs executions directly (every one, not only up to the first failure) and returns their outcomes. */
    private static List<Outcome> outcomes(Program program, int executions, DetectionMode mode) {
        ControlledRuntime runtime = ControlledRuntime.get();
        Strategy strategy = Strategies.create("random", 11);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < executions; i++) {
            strategy.beginExecution(i);
            outcomes.add(runtime.execute(program, strategy, ExecutionOptions.of(i).withDetection(mode)).outcome());
            strategy.endExecution();
        }
        return outcomes;
    }

    @Test
    void twoPuts_overlapping_isReportedAsMisuseAtTheSecondEntry() {
        List<Outcome> outcomes = outcomes(RacePrograms.twoPuts(), 300, DetectionMode.FAIL);
        assertThat(outcomes).allMatch(o -> o instanceof Outcome.DataRace || o instanceof Outcome.CollectionMisuse,
                "every execution races: the puts overlap (misuse) or run unordered one after the other (data race)");
        List<Outcome> misuses = outcomes.stream().filter(o -> o instanceof Outcome.CollectionMisuse).toList();
        assertThat(misuses).isNotEmpty();
        assertThat(misuses).allSatisfy(o -> assertThat(o.headline()).isIn(
                "concurrent modification of HashMap#1: thread 1 in put, thread 2 in put — HashMap is not thread-safe",
                "concurrent modification of HashMap#1: thread 2 in put, thread 1 in put — HashMap is not thread-safe"));
        assertThat(misuses.get(0).details()).contains("enters HashMap.put:", "is inside HashMap.put:",
                "at dev.weft.scheduler.raceprograms.RacePrograms.lambda$twoPuts");
    }

    @Test
    void iterationWhilePut_isReportedAsMisuse() {
        List<Outcome> outcomes = outcomes(RacePrograms.iterateWhilePut(), 300, DetectionMode.FAIL);
        assertThat(outcomes).anySatisfy(o -> assertThat(o.headline()).matches(
                "concurrent modification of HashMap#1: thread \\d in \\S+, thread \\d in \\S+ — HashMap is not thread-safe")
                .contains(" in put").containsPattern("in (\\w+\\.)?(next|hasNext|nextNode|keySet|iterator)"));
    }

    @Test
    void warnMode_collectsTheRace_andTheExecutionGoesOn() {
        Exploration exploration = explorer.explore(RacePrograms.twoLocks(),
                ExplorationSettings.of(new StrategySpec.Exhaustive(), 1, 50).withStrategy(new StrategySpec.Exhaustive(1)).withDetection(DetectionMode.WARN));
        assertThat(exploration.failure()).isEmpty();
        assertThat(exploration.warnings()).isNotEmpty().allMatch(w -> w instanceof Outcome.DataRace);
        assertThat(exploration.warnings().get(0).headline()).startsWith("data race on Counter#1.value: ");
    }

    @Test
    void suppressedField_isCountedNotReported() {
        Exploration exploration = explorer.explore(RacePrograms.twoLocks(), failing(new StrategySpec.Portfolio(), 3, 200)
                .withSuppressedRaces(Set.of("Counter.value")));
        assertThat(exploration.failure()).isEmpty();
        assertThat(exploration.suppressedRaces()).containsKey("Counter.value");
        assertThat(exploration.suppressedRaces().get("Counter.value")).isPositive();
    }

    @Test
    void offMode_reportsNothing() {
        assertThat(outcomes(RacePrograms.twoLocks(), 100, DetectionMode.OFF)).allMatch(o -> o instanceof Outcome.Passed);
    }

    record Case(String name, Supplier<Program> program) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> correctPrograms() {
        return Stream.of(
                new Case("lazy initialization with volatile", RacePrograms::lazyInitVolatile),
                new Case("hand-off through a volatile field", RacePrograms::volatileHandoff),
                new Case("hand-off under synchronized", RacePrograms::synchronizedHandoff),
                new Case("hand-off under ReentrantLock", RacePrograms::reentrantLockHandoff),
                new Case("hand-off through AtomicReference", RacePrograms::atomicReferenceHandoff),
                new Case("hand-off through ConcurrentHashMap", RacePrograms::concurrentHashMapHandoff),
                new Case("hand-off through CountDownLatch", RacePrograms::latchHandoff),
                new Case("executor hand-off with Future.get", RacePrograms::executorHandoff),
                new Case("hand-off through Thread.join", RacePrograms::joinHandoff),
                new Case("CompletableFuture chain on an executor", RacePrograms::completableFutureChain),
                new Case("counter under one lock", RacePrograms::oneLock),
                new Case("puts into a synchronizedMap", RacePrograms::synchronizedMapPuts),
                new Case("iteration and put under one lock", RacePrograms::iterateUnderLock),
                new Case("concurrent readers of a built map", RacePrograms::concurrentReaders),
                new Case("hand-off through Semaphore", RacePrograms::semaphoreHandoff),
                new Case("hand-off through CyclicBarrier", RacePrograms::barrierHandoff),
                new Case("hand-off under ReentrantReadWriteLock", RacePrograms::readWriteLockHandoff),
                new Case("hand-off through LinkedBlockingQueue", RacePrograms::blockingQueueHandoff),
                new Case("hand-off with wait/notify", RacePrograms::waitNotifyHandoff),
                new Case("hand-off through an interrupt", RacePrograms::interruptHandoff))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctPrograms")
    void correctProgram_hasNoFindingInThousandsOfExecutions(Case c) {
        Exploration exploration = explorer.explore(c.program().get(), failing(new StrategySpec.Portfolio(), 5, CLEAN_RUNS));
        assertThat(exploration.failure()).as(() -> exploration.failure().map(f -> f.outcome().headline() + "\n"
                + f.outcome().details()).orElse("")).isEmpty();
        assertThat(exploration.executions()).isEqualTo(CLEAN_RUNS);
    }
}
