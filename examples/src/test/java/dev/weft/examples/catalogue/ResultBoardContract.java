package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.examples.awaitkey.Results;

/**
 * Entry 8: every thread waiting for a result gets it. One buggy variant wakes a single waiter with {@code
 * notify()}, perhaps the wrong one; the other checks for the result outside the lock, so the notification
 * can come before the wait; the fix checks and waits under the lock, in a loop, woken by {@code
 * notifyAll()}.
 */
public abstract class ResultBoardContract {

    /** A new board without results. */
    protected abstract Results newBoard();

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void twoWaiters_bothGetTheirResult() throws Exception {
        Results board = newBoard();
        runConcurrently(() -> board.await("a"), () -> board.await("b"), () -> {
            board.publish("b", "2");
            board.publish("a", "1");
        });
    }

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void waiter_getsItsResult() throws Exception {
        Results board = newBoard();
        runConcurrently(() -> board.await("a"), () -> board.publish("a", "1"));
    }
}
