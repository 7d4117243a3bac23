package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.UnwindingRecorder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What happens to the other threads when a verdict ends an execution: each unwinds, none is left
 * behind, and the runtime never blocks on a monitor of the program's from a thread of its own. The
 * timeouts only guard against a hang of the whole test JVM; they measure nothing.
 */
class UnwindingSemanticsTest {

    /**
     * Thread 0 waits on {@code m}; thread 1 holds {@code m} and may be switched out inside its block
     * when thread 2 throws. Thread 0 must unwind out of its {@code wait()}, which needs {@code m}: the
     * runtime used to wake it by taking {@code m} itself and hung there for ever, since thread 1 held it
     * waiting for its turn.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void verdictWhileThreadZeroWaits_andAnotherHoldsTheMonitor_unwindsEveryThread() {
        int leakedBefore = ControlledRuntime.get().leakedWorkers();
        Outcomes.of(() -> {
            Object m = new Object();
            Counter counter = new Counter();
            Thread holder;
            Thread thrower;
            synchronized (m) {
                holder = start(() -> {
                    synchronized (m) {
                        m.notifyAll();
                        counter.incrementUnsafely();
                        counter.incrementUnsafely();
                    }
                });
                thrower = start(() -> {
                    counter.incrementUnsafely();
                    throw new IllegalStateException("boom");
                });
                m.wait();
            }
            holder.join();
            thrower.join();
            return "value " + counter.value;
        })
                .acceptable("thread 2 threw IllegalStateException", "thread 2 always throws, wherever the others are")
                .forbidden("deadlock", "thread 1 notifies after thread 0 waits: thread 0 holds m until its wait()")
                .check();
        assertThat(ControlledRuntime.get().leakedWorkers()).as("workers given up while unwinding").isEqualTo(leakedBefore);
    }

    /**
     * Two threads wait in {@code wait()}: thread 0 on {@code outer}, thread 1 on {@code inner} while it
     * still holds {@code outer}. Thread 1 must unwind first, or thread 0 cannot take {@code outer} back.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void verdictWhileTwoThreadsWait_oneHoldingTheOthersMonitor_unwindsEveryThread() {
        int leakedBefore = ControlledRuntime.get().leakedWorkers();
        Outcomes.of(() -> {
            Object outer = new Object();
            Object inner = new Object();
            Thread nested;
            Thread thrower;
            synchronized (outer) {
                nested = start(() -> {
                    synchronized (outer) {
                        synchronized (inner) {
                            try {
                                inner.wait();
                            } catch (InterruptedException e) {
                                throw new AssertionError(e);
                            }
                        }
                    }
                });
                thrower = start(() -> {
                    throw new IllegalStateException("boom");
                });
                outer.wait();
            }
            nested.join();
            thrower.join();
            return "returned";
        })
                .acceptable("thread 2 threw IllegalStateException", "thread 2 always throws, wherever the others are")
                .check();
        assertThat(ControlledRuntime.get().leakedWorkers()).as("workers given up while unwinding").isEqualTo(leakedBefore);
    }

    /** Takes {@code first} then {@code second}, each released in a {@code finally} that records what it throws. */
    private static void lockBoth(ReentrantLock first, ReentrantLock second) {
        first.lock();
        try {
            second.lock();
            try {
                Thread.yield();
            } finally {
                unlockRecording(second);
            }
        } finally {
            unlockRecording(first);
        }
    }

    private static void unlockRecording(ReentrantLock lock) {
        try {
            lock.unlock();
        } catch (Throwable t) {
            UnwindingRecorder.record(t);
            throw t;
        }
    }

    /**
     * A lock-order deadlock found by the thread that blocks last, which then unwinds through its own
     * {@code finally}: {@code unlock()} there must meet Weft's unwinding, never run outside Weft's
     * control. It did when the runtime woke another thread to unwind while this one still ran: the
     * hooks serve only the thread the runtime runs, so this one's {@code Thread.currentThread()} was
     * its worker thread and {@code unlock()} threw {@code IllegalMonitorStateException} (which a
     * library that catches {@code Throwable} in a {@code finally}, as Caffeine does, logged).
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void deadlockFoundInsideATryFinally_unwindsUnderWeftsControl() {
        UnwindingRecorder.drain();
        for (int round = 0; round < 20; round++) {
            Outcomes.of(() -> {
                ReentrantLock a = new ReentrantLock();
                ReentrantLock b = new ReentrantLock();
                Thread ab = start(() -> lockBoth(a, b));
                Thread ba = start(() -> lockBoth(b, a));
                ab.join();
                ba.join();
                return "both done";
            })
                    .preemptions(1)
                    .acceptable("both done", "one thread took both locks before the other took one")
                    .acceptable("deadlock", "each thread holds one lock and waits for the other")
                    .check();
        }
        assertThat(UnwindingRecorder.drain()).as("what unlock() threw while the executions unwound").isEmpty();
    }
}
