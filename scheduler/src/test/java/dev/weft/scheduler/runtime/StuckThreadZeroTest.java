package dev.weft.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Thread 0 blocks where Weft cannot see it — on a monitor a thread outside Weft holds: the exploration
 * still ends with a report instead of hanging, and the next exploration runs normally. With platform
 * workers thread 0 runs on the exploration's driver thread, which is given up; with virtual workers
 * (JDK 24+) on a pooled worker, which is retired and must never be handed a thread again (it was, once
 * it finally got the monitor and ended: the next exploration's second thread then never ran).
 */
class StuckThreadZeroTest {

    private final Object lock = new Object();

    @Test
    void threadZeroBlockedOutsideWeft_isReported_andTheNextExplorationRuns() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread outsider = new Thread(() -> {
            synchronized (lock) {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // ends the test's hold
                }
            }
        }, "outside weft");
        outsider.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Explorer explorer = new Explorer(ControlledRuntime.get());
        try {
            long start = System.nanoTime();
            Exploration stuck = explorer.explore(() -> {
                synchronized (lock) {
                    lock.hashCode();
                }
            }, ExplorationSettings.of("random", 1, 10));
            assertThat(stuck.failure()).isPresent();
            assertThat(stuck.failure().get().outcome()).isInstanceOf(Outcome.Uncontrolled.class);
            assertThat(stuck.failure().get().outcome().headline()).contains("thread 0").contains("outside weft's control");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        } finally {
            release.countDown();
            outsider.join(10_000);
        }
        // the next exploration (a new driver, if the old one was given up) passes
        int[] counter = new int[1];
        Exploration next = explorer.explore(() -> {
            Thread other = ManagedThreads.start("other", () -> {
                synchronized (counter) {
                    counter[0]++;
                }
            });
            synchronized (counter) {
                counter[0]++;
            }
            ManagedThreads.join(other);
        }, ExplorationSettings.of("random", 1, 50));
        assertThat(next.failure()).isEmpty();
        assertThat(next.executions()).isEqualTo(50);
    }

    @Test
    void startedThreadBlockedOutsideWeft_isReported_andItsWorkerIsNeverReused() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread outsider = new Thread(() -> {
            synchronized (lock) {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // ends the test's hold
                }
            }
        }, "outside weft");
        outsider.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
        Explorer explorer = new Explorer(ControlledRuntime.get());
        try {
            Exploration stuck = explorer.explore(() -> {
                Thread blocked = ManagedThreads.start("blocked", () -> {
                    synchronized (lock) {
                        lock.hashCode();
                    }
                });
                ManagedThreads.join(blocked);
            }, ExplorationSettings.of("random", 1, 10));
            assertThat(stuck.failure()).isPresent();
            assertThat(stuck.failure().get().outcome()).isInstanceOf(Outcome.Uncontrolled.class);
            assertThat(stuck.failure().get().outcome().headline()).contains("thread 1").contains("outside weft's control");
        } finally {
            release.countDown();
            outsider.join(10_000);
        }
        Thread.sleep(200); // the given-up worker gets the monitor now and ends its thread
        int[] counter = new int[1];
        Exploration next = explorer.explore(() -> {
            Thread other = ManagedThreads.start("other", () -> {
                synchronized (counter) {
                    counter[0]++;
                }
            });
            ManagedThreads.join(other);
        }, ExplorationSettings.of("random", 1, 50));
        assertThat(next.failure()).isEmpty();
        assertThat(next.executions()).isEqualTo(50);
    }
}
