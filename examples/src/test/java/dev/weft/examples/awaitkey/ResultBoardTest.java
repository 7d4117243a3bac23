package dev.weft.examples.awaitkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Behaviour of the three boards when a result is already there, and of the fixed one when it comes later. */
class ResultBoardTest {

    @Test
    void fixed_publishedResult_isReturnedAtOnce() throws InterruptedException {
        var board = new ResultBoard();
        board.publish("job-1", "ok");
        board.publish("job-1", "retried");
        assertThat(board.await("job-1")).isEqualTo("retried");
        assertThat(board.await("job-1", 1, TimeUnit.SECONDS)).contains("retried");
    }

    @Test
    void fixed_missingResult_timesOutEmpty() throws InterruptedException {
        var board = new ResultBoard();
        assertThat(board.await("job-1", 20, TimeUnit.MILLISECONDS)).isEmpty();
    }

    @Test
    void fixed_resultPublishedLater_wakesTheWaiter() throws InterruptedException {
        var board = new ResultBoard();
        var received = new AtomicReference<String>();
        Thread waiter = new Thread(() -> {
            try {
                received.set(board.await("job-1"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        board.publish("job-2", "other");
        board.publish("job-1", "ok");
        waiter.join(10_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(received).hasValue("ok");
    }

    @Test
    void buggyNotify_publishedResult_isReturnedAtOnce() throws InterruptedException {
        var board = new BuggyResultBoard();
        board.publish("job-1", "ok");
        assertThat(board.await("job-1")).isEqualTo("ok");
    }

    @Test
    void buggyUnlockedCheck_publishedResult_isReturnedAtOnce() throws InterruptedException {
        var board = new BuggyUnlockedCheckResultBoard();
        board.publish("job-1", "ok");
        assertThat(board.await("job-1")).isEqualTo("ok");
    }
}
