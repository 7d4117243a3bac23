package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.runtime.ControlledRuntime;
import java.util.concurrent.TimeUnit;
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
}
