package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.programs.OldClassFiles.Cell;
import dev.weft.scheduler.programs.OldClassFiles.Variant;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.DetectionMode;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Class files of every version the JVM accepts are modelled alike: {@code synchronized} methods of
 * class files 45–50 hold their monitor as the runtime sees it (no false race, no thread blocked
 * inside the JVM, {@code notifyAll} inside them works), {@code jsr}/{@code ret} subroutines keep their
 * scheduling points, and a real bug in an old class file is still found. Version 52 is the control.
 */
class OldClassFilesTest {

    private static final int CLEAN_RUNS = Integer.getInteger("weft.test.cleanRuns", 2_000) / 10;
    private static final int BUDGET = Integer.getInteger("weft.test.budget", 3_000);
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    private final Explorer explorer = new Explorer(ControlledRuntime.get());

    static Stream<Variant> variants() {
        return OldClassFiles.variants();
    }

    static Stream<Variant> subroutineVariants() {
        return variants().filter(Variant::subroutines);
    }

    private static Cell cell(Variant variant) {
        return OldClassFiles.newCell(CLASSES.computeIfAbsent(variant.className(), name -> OldClassFiles.define(variant)));
    }

    /** Two threads, each running {@code action} on one cell; {@code check} runs after both joined. */
    private static Program twoThreads(Variant variant, Consumer<Cell> first, Consumer<Cell> second, Consumer<Cell> check) {
        return () -> {
            Cell cell = cell(variant);
            Thread a = new Thread(() -> first.accept(cell));
            Thread b = new Thread(() -> second.accept(cell));
            a.start();
            b.start();
            a.join();
            b.join();
            check.accept(cell);
        };
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    private void assertPasses(Program program, DetectionMode detection) {
        Exploration exploration = explorer.explore(program, ExplorationSettings.of(new StrategySpec.Portfolio(), 11, CLEAN_RUNS).withDetection(detection));
        assertThat(exploration.failure().map(f -> f.outcome().headline() + "\n" + f.outcome().details())).isEmpty();
    }

    private Outcome failureOf(Program program, DetectionMode detection) {
        Exploration exploration = explorer.explore(program, ExplorationSettings.of(new StrategySpec.Portfolio(), 5, BUDGET).withDetection(detection));
        assertThat(exploration.failure()).as("no failure in %d executions", BUDGET).isPresent();
        return exploration.failure().orElseThrow().outcome();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void synchronizedGetterAndSetter_areNotARace(Variant variant) {
        assertPasses(twoThreads(variant, c -> c.set(1), c -> c.get(), c -> { }), DetectionMode.FAIL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void unsynchronizedGetter_racesWithTheSynchronizedSetter(Variant variant) {
        Outcome outcome = failureOf(twoThreads(variant, c -> c.set(1), c -> c.getRacy(), c -> { }), DetectionMode.FAIL);
        assertThat(outcome).isInstanceOf(Outcome.DataRace.class);
        assertThat(outcome.headline()).startsWith("data race on Cell#1.value: ").contains("Cell.java:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void twoThreadsInOneSynchronizedMethod_loseNoUpdate(Variant variant) {
        assertPasses(twoThreads(variant, Cell::increment, Cell::increment,
                c -> expect(c.get() == 2, "lost update: " + c.get())), DetectionMode.FAIL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void unsynchronizedIncrement_losesAnUpdate(Variant variant) {
        Outcome outcome = failureOf(twoThreads(variant, Cell::incrementRacy, Cell::incrementRacy,
                c -> expect(c.get() == 2, "lost update: " + c.get())), DetectionMode.OFF);
        assertThat(outcome.headline()).isEqualTo("exception in thread 0: java.lang.AssertionError: lost update: 1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void notifyAllInsideASynchronizedMethod_wakesTheWaiter(Variant variant) {
        assertPasses(twoThreads(variant, c -> c.await(1), c -> c.setAndNotifyAll(1), c -> { }), DetectionMode.FAIL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void synchronizedMethodsTakenCrosswise_deadlock(Variant variant) {
        Program program = () -> {
            Cell one = cell(variant);
            Cell two = cell(variant);
            Thread a = new Thread(() -> one.incrementBoth(two));
            Thread b = new Thread(() -> two.incrementBoth(one));
            a.start();
            b.start();
            a.join();
            b.join();
        };
        Outcome outcome = failureOf(program, DetectionMode.OFF);
        assertThat(outcome).isInstanceOf(Outcome.Deadlock.class);
        assertThat(outcome.headline()).matches("deadlock: thread (1|2) waits for the monitor of Cell#(1|2) held by thread (1|2), "
                + "thread (1|2) waits for the monitor of Cell#(1|2) held by thread (1|2)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void staticSynchronizedMethod_holdsTheClassMonitor(Variant variant) {
        Program program = () -> {
            Cell cell = cell(variant);
            int before = cell.total();
            Thread a = new Thread(cell::addToTotal);
            Thread b = new Thread(cell::addToTotal);
            a.start();
            b.start();
            a.join();
            b.join();
            expect(cell.total() == before + 2, "lost update: " + (cell.total() - before));
        };
        assertPasses(program, DetectionMode.FAIL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void staticUnsynchronizedMethod_losesAnUpdate(Variant variant) {
        Program program = () -> {
            Cell cell = cell(variant);
            int before = cell.total();
            Thread a = new Thread(cell::addToTotalRacy);
            Thread b = new Thread(cell::addToTotalRacy);
            a.start();
            b.start();
            a.join();
            b.join();
            expect(cell.total() == before + 2, "lost update: " + (cell.total() - before));
        };
        assertThat(failureOf(program, DetectionMode.OFF).headline())
                .isEqualTo("exception in thread 0: java.lang.AssertionError: lost update: 1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subroutineVariants")
    void synchronizedBlockWithItsExitInASubroutine_loseNoUpdate(Variant variant) {
        assertPasses(twoThreads(variant, c -> c.incrementInJsrBlock(c), c -> c.incrementInJsrBlock(c),
                c -> expect(c.get() == 2, "lost update: " + c.get())), DetectionMode.FAIL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subroutineVariants")
    void synchronizedBlocksOnTwoLocks_loseAnUpdate(Variant variant) {
        Object first = new Object();
        Object second = new Object();
        Outcome outcome = failureOf(twoThreads(variant, c -> c.incrementInJsrBlock(first), c -> c.incrementInJsrBlock(second),
                c -> expect(c.get() == 2, "lost update: " + c.get())), DetectionMode.OFF);
        assertThat(outcome.headline()).isEqualTo("exception in thread 0: java.lang.AssertionError: lost update: 1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subroutineVariants")
    void lockReleasedInASubroutineFinally_loseNoUpdate(Variant variant) {
        Program program = () -> {
            ReentrantLock lock = new ReentrantLock();
            Cell cell = cell(variant);
            Thread a = new Thread(() -> cell.incrementWithLockInJsrFinally(lock));
            Thread b = new Thread(() -> cell.incrementWithLockInJsrFinally(lock));
            a.start();
            b.start();
            a.join();
            b.join();
            expect(cell.get() == 2, "lost update: " + cell.get());
            expect(!lock.isLocked(), "lock still held");
        };
        assertPasses(program, DetectionMode.FAIL);
    }
}
