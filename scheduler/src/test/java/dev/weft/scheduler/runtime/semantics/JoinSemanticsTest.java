package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.start;
import static dev.weft.scheduler.runtime.semantics.Threads.startChecked;

import org.junit.jupiter.api.Test;

/** {@code Thread.join}: what it waits for, timed joins in virtual time, joins that cannot end. */
class JoinSemanticsTest {

    static final class Box {
        int value;
    }

    @Test
    void join_seesEverythingTheThreadDid() {
        Outcomes.of(() -> {
            Box box = new Box();
            Thread writer = start(() -> box.value = 1);
            writer.join();
            return "value " + box.value;
        })
                .acceptable("value 1", "join returns only after the thread finished")
                .forbidden("value 0", "join returned before the thread's write")
                .check();
    }

    @Test
    void withoutJoin_theWriteMayNotHaveHappened() {
        Outcomes.of(() -> {
            Box box = new Box();
            Thread writer = start(() -> box.value = 1);
            int seen = box.value;
            writer.join();
            return "value " + seen;
        })
                .acceptable("value 1", "the writer ran before the main thread read")
                .acceptable("value 0", "the main thread read before the writer ran")
                .check();
    }

    @Test
    void joinOfAThreadNotStarted_returnsAtOnce() {
        Outcomes.of(() -> {
            Thread never = new Thread(() -> { });
            never.join();
            never.join(10);
            return "returned";
        })
                .acceptable("returned", "a thread that was never started is not alive: join does not wait")
                .check();
    }

    @Test
    void joinOfAFinishedThread_returnsAtOnce() {
        Outcomes.of(() -> {
            Thread done = start(() -> { });
            done.join();
            long start = System.nanoTime();
            done.join();
            done.join(50);
            return "second joins took " + (System.nanoTime() - start) / 1_000_000 + " ms";
        })
                .acceptable("second joins took 0 ms", "joining a thread that has finished does not wait")
                .check();
    }

    @Test
    void timedJoin_timesOutInVirtualTime() {
        Outcomes.of(() -> {
            Thread sleeper = startChecked(() -> Thread.sleep(100));
            long start = System.nanoTime();
            sleeper.join(10);
            long waited = System.nanoTime() - start;
            boolean aliveAfterTimeout = sleeper.isAlive();
            sleeper.join();
            return "timed out after " + waited / 1_000_000 + " ms, alive " + aliveAfterTimeout;
        })
                .acceptable("timed out after 10 ms, alive true", "the thread sleeps 100 ms, so the join's 10 ms end first")
                .forbidden("deadlock", "a timed join is not a join forever")
                .check();
    }

    @Test
    void timedJoin_ofAThreadThatEndsInTime_returnsWhenItEnds() {
        Outcomes.of(() -> {
            Thread sleeper = startChecked(() -> Thread.sleep(10));
            long start = System.nanoTime();
            sleeper.join(100);
            long waited = System.nanoTime() - start;
            return (sleeper.isAlive() ? "alive" : "finished") + (waited < 100_000_000L ? " before the timeout" : " at the timeout");
        })
                .acceptable("finished before the timeout", "the thread's 10 ms sleep ends before the join's 100 ms")
                .check();
    }

    @Test
    void joinWithNanos_waitsForTheThread() {
        Outcomes.of(() -> {
            Box box = new Box();
            Thread writer = start(() -> box.value = 1);
            writer.join(1_000, 500);
            return "value " + box.value;
        })
                .acceptable("value 1", "join(millis, nanos) waits like join(millis)")
                .forbidden("value 0", "join(millis, nanos) returned while the thread had not run")
                .check();
    }

    @Test
    void joinOfItself_neverReturns() {
        Outcomes.of(() -> {
            Thread.currentThread().join();
            return "returned";
        })
                .acceptable("deadlock", "a thread waits for its own end")
                .check();
    }

    @Test
    void twoThreadsJoiningEachOther_deadlock() {
        Outcomes.of(() -> {
            Thread[] threads = new Thread[2];
            threads[0] = new Thread(() -> joinQuietly(threads[1]));
            threads[1] = new Thread(() -> joinQuietly(threads[0]));
            threads[0].start();
            threads[1].start();
            threads[0].join();
            return "returned";
        })
                .acceptable("deadlock", "each thread waits for the other to end")
                .acceptable("returned", "the first thread joined the second before it was started, which does not wait")
                .check();
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
