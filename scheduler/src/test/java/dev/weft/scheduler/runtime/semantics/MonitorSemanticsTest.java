package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.runBoth;
import static dev.weft.scheduler.runtime.semantics.Threads.start;

import org.junit.jupiter.api.Test;

/** Monitors: mutual exclusion, reentrancy, synchronized methods and blocks, lock-order deadlocks. */
class MonitorSemanticsTest {

    @Test
    void unsynchronizedIncrements_loseAnUpdate() {
        Outcomes.of(() -> {
            Counter counter = new Counter();
            runBoth(counter::incrementUnsafely, counter::incrementUnsafely);
            return "value " + counter.value;
        })
                .acceptable("value 2", "the increments ran one after the other")
                .acceptable("value 1", "both threads read 0 before either wrote: the lost update this twin shows")
                .check();
    }

    @Test
    void synchronizedBlocks_excludeEachOther() {
        Outcomes.of(() -> {
            Counter counter = new Counter();
            runBoth(counter::incrementInBlock, counter::incrementInBlock);
            return "value " + counter.value;
        })
                .acceptable("value 2", "the monitor lets one increment in at a time")
                .forbidden("value 1", "a thread read inside the block while the other held the monitor")
                .check();
    }

    @Test
    void synchronizedMethod_andSynchronizedThisBlock_excludeEachOther() {
        Outcomes.of(() -> {
            Counter counter = new Counter();
            runBoth(counter::incrementInMethod, counter::incrementInBlock);
            return "value " + counter.value;
        })
                .acceptable("value 2", "a synchronized method holds the monitor of this, as synchronized (this) does")
                .forbidden("value 1", "the method and the block held the same monitor at once")
                .check();
    }

    @Test
    void reentrantEntry_byTheOwner_doesNotBlock_andStillExcludesOthers() {
        Outcomes.of(() -> {
            Counter counter = new Counter();
            runBoth(counter::incrementTwiceReentrant, counter::incrementInBlock);
            return "value " + counter.value;
        })
                .acceptable("value 3", "the owner enters its own monitor again; the other thread waits for the outermost exit")
                .forbidden("deadlock", "the owner blocked on a monitor it holds")
                .forbidden("value 2", "the other thread entered between the owner's inner exit and its outer exit")
                .check();
    }

    @Test
    void staticSynchronizedMethods_holdTheClassMonitor() {
        Outcomes.of(() -> {
            StaticCounter.value = 0;
            Thread a = start(StaticCounter::incrementStatic);
            Thread b = start(() -> {
                synchronized (StaticCounter.class) {
                    int read = StaticCounter.value;
                    StaticCounter.value = read + 1;
                }
            });
            a.join();
            b.join();
            return "value " + StaticCounter.value;
        })
                .acceptable("value 2", "a static synchronized method holds the monitor of its class")
                .forbidden("value 1", "the method and synchronized (StaticCounter.class) overlapped")
                .check();
    }

    @Test
    void staticAndInstanceSynchronizedMethods_doNotExcludeEachOther() {
        Outcomes.of(() -> {
            StaticCounter.value = 0;
            StaticCounter instance = new StaticCounter();
            runBoth(StaticCounter::incrementStatic, instance::incrementInstance);
            return "value " + StaticCounter.value;
        })
                .acceptable("value 2", "the increments ran one after the other")
                .acceptable("value 1", "the class's monitor and the instance's are different monitors")
                .check();
    }

    @Test
    void exceptionInsideSynchronized_releasesTheMonitor() {
        Outcomes.of(() -> {
            Object lock = new Object();
            Thread thrower = start(() -> {
                try {
                    synchronized (lock) {
                        throw new IllegalStateException("inside");
                    }
                } catch (IllegalStateException expected) {
                    // the monitor is released as the exception leaves the block
                }
            });
            Thread other = start(() -> {
                synchronized (lock) {
                    lock.hashCode();
                }
            });
            thrower.join();
            other.join();
            return "both finished";
        })
                .acceptable("both finished", "an exception leaving a synchronized block releases its monitor")
                .forbidden("deadlock", "the monitor stayed held after the exception")
                .check();
    }

    @Test
    void holdsLock_isTrueInsideTheBlockOnly() {
        Outcomes.of(() -> {
            Object lock = new Object();
            boolean inside;
            synchronized (lock) {
                inside = Thread.holdsLock(lock);
            }
            return "inside " + inside + ", after " + Thread.holdsLock(lock);
        })
                .acceptable("inside true, after false", "holdsLock reports the monitors the thread holds")
                .check();
    }

    @Test
    void lockOrderInversion_deadlocks_inSomeInterleaving() {
        Outcomes.of(() -> {
            Object first = new Object();
            Object second = new Object();
            runBoth(() -> lockBoth(first, second), () -> lockBoth(second, first));
            return "both finished";
        })
                .acceptable("both finished", "one thread took both monitors before the other took its first")
                .acceptable("deadlock", "each thread holds the monitor the other wants")
                .check();
    }

    @Test
    void consistentLockOrder_neverDeadlocks() {
        Outcomes.of(() -> {
            Object first = new Object();
            Object second = new Object();
            runBoth(() -> lockBoth(first, second), () -> lockBoth(first, second));
            return "both finished";
        })
                .acceptable("both finished", "both threads take the monitors in the same order")
                .forbidden("deadlock", "no cycle can form when every thread locks in one order")
                .check();
    }

    private static void lockBoth(Object x, Object y) {
        synchronized (x) {
            synchronized (y) {
                y.hashCode();
            }
        }
    }
}
