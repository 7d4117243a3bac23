package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.start;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The blocking and thread methods reached through method references ({@code Thread::start},
 * {@code LockSupport::park}, {@code lock::notifyAll}) behave as when called directly: the references
 * are linked by {@code invokedynamic}, which the agent points at its hooks.
 */
class MethodReferenceSemanticsTest {

    @Test
    void unboundReferences_toStartAndInterrupt() {
        Outcomes.of(() -> {
            Counter counter = new Counter();
            List<Thread> threads = List.of(new Thread(counter::incrementUnsafely), new Thread(counter::incrementUnsafely));
            threads.forEach(Thread::start);
            threads.forEach(Thread::interrupt); // harmless: each is running or finished
            for (Thread thread : threads) {
                thread.join();
            }
            return "value " + counter.value;
        })
                .acceptable("value 2", "the increments ran one after the other")
                .acceptable("value 1", "both threads read 0 before either wrote")
                .forbidden("value 0", "the joins did not wait: the threads were not started under Weft's control")
                .check();
    }

    @Test
    void staticReferences_toParkAndUnpark() {
        Outcomes.of(() -> {
            Thread parker = new Thread(LockSupport::park);
            parker.start();
            java.util.function.Consumer<Thread> unpark = LockSupport::unpark;
            unpark.accept(parker);
            parker.join();
            return "parker returned";
        })
                .acceptable("parker returned", "the unpark leaves a permit or wakes the park")
                .forbidden("deadlock", "the park or the unpark went past Weft")
                .check();
    }

    @Test
    void boundReference_toNotifyAll_wakesTheWaiter() {
        Outcomes.of(() -> {
            Object lock = new Object();
            boolean[] ready = new boolean[1];
            Thread waiter = Threads.startChecked(() -> {
                synchronized (lock) {
                    while (!ready[0]) {
                        lock.wait();
                    }
                }
            });
            Runnable wakeAll = lock::notifyAll;
            synchronized (lock) {
                ready[0] = true;
                wakeAll.run();
            }
            waiter.join();
            return "waiter woke";
        })
                .acceptable("waiter woke", "notifyAll through a reference wakes the waiter")
                .forbidden("deadlock", "the notification went past Weft")
                .check();
    }

    @Test
    void references_toTheClockAndToIsAlive_seeWeftsState() {
        Outcomes.of(() -> {
            LongSupplier clock = System::currentTimeMillis;
            Predicate<Thread> alive = Thread::isAlive;
            Thread sleeper = Threads.startChecked(() -> Thread.sleep(10));
            boolean aliveAfterStart = alive.test(sleeper);
            sleeper.join();
            long sinceVirtualEpoch = clock.getAsLong() - 1_767_225_600_000L; // 2026-01-01T00:00:00Z
            return "clock " + (sinceVirtualEpoch >= 10 && sinceVirtualEpoch < 1_000 ? "virtual" : "real")
                    + ", alive after start " + aliveAfterStart + ", after join " + alive.test(sleeper);
        })
                .acceptable("clock virtual, alive after start true, after join false",
                        "the references read Weft's virtual clock and its threads")
                .check();
    }
}
