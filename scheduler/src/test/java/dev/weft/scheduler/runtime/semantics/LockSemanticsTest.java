package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.start;

import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * {@code java.util.concurrent} locks, which block through {@code park}/{@code unpark}: mutual
 * exclusion, and correct lock code that must never end in a deadlock or hang verdict. Their threads
 * take many steps inside {@code AbstractQueuedSynchronizer}, so these programs explore the
 * interleavings with a bounded number of preemptions.
 */
class LockSemanticsTest {

    private static void incrementUnder(ReentrantLock lock, Counter counter) {
        lock.lock();
        try {
            counter.incrementUnsafely();
        } finally {
            lock.unlock();
        }
    }

    @Test
    void reentrantLock_excludesOtherThreads() {
        Outcomes.of(() -> {
            ReentrantLock lock = new ReentrantLock();
            Counter counter = new Counter();
            Thread a = start(() -> incrementUnder(lock, counter));
            Thread b = start(() -> incrementUnder(lock, counter));
            a.join();
            b.join();
            return "value " + counter.value;
        })
                .preemptions(2)
                .acceptable("value 2", "the lock lets one increment in at a time")
                .forbidden("value 1", "both threads were inside the lock at once")
                .forbidden("deadlock", "a thread waiting for the lock was never woken after the unlock")
                .forbidden("hang", "correct lock code was declared hung")
                .check();
    }

    @Test
    void twoThreadsQueueingForAHeldLock_neverHang() {
        Outcomes.of(() -> {
            ReentrantLock lock = new ReentrantLock();
            Counter counter = new Counter();
            lock.lock();
            Thread a = start(() -> incrementUnder(lock, counter));
            Thread b = start(() -> incrementUnder(lock, counter));
            lock.unlock();
            a.join();
            b.join();
            return "value " + counter.value;
        })
                .preemptions(2)
                .acceptable("value 2", "both threads queue for the lock and get it in turn")
                .forbidden("hang", "correct lock code was declared hung")
                .forbidden("hang at the step bound", "the second thread's tryInitializeHead CAS loop was never switched"
                        + " away from while the first had set the queue's head but not its tail (8 of 3,904 interleavings"
                        + " before a thread that runs 1,000 steps in a row while another could run counted as spinning)")
                .forbidden("deadlock", "a queued thread was never woken after the unlock")
                .check();
    }

    @Test
    void stripedLocks_takenInIndexOrder_neverDeadlockOrHang() {
        Outcomes.of(() -> {
            ReentrantLock[] stripes = {new ReentrantLock(), new ReentrantLock()};
            Counter counter = new Counter();
            Thread put = start(() -> incrementUnder(stripes[1], counter));
            Thread putAgain = start(() -> incrementUnder(stripes[1], counter));
            Thread clear = start(() -> { // like a striped map's clear(): every stripe, in index order
                for (ReentrantLock stripe : stripes) {
                    stripe.lock();
                }
                counter.incrementUnsafely();
                for (int i = stripes.length - 1; i >= 0; i--) {
                    stripes[i].unlock();
                }
            });
            put.join();
            putAgain.join();
            clear.join();
            return "value " + counter.value;
        })
                .preemptions(1)
                .acceptable("value 3", "the three critical sections ran one at a time")
                .forbidden("deadlock", "the locks are taken in one order: no cycle can form")
                .forbidden("hang", "correct lock code was declared hung (the striped-lock false hang)")
                .check();
    }
}
