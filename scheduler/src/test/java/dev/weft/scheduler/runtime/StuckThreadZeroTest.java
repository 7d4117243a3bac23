package dev.weft.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A thread blocks where Weft cannot see it — on a monitor a thread outside Weft holds: the exploration
 * still ends with a report instead of hanging, and the next exploration runs normally. Thread 0 runs on
 * the exploration's driver thread, which is then given up; any other thread on a pooled worker, which
 * is retired and must never be handed a thread again (it was, once it finally got the monitor and
 * ended: the next exploration's second thread then never ran).
 */
class StuckThreadZeroTest {

    private final Object lock = new Object();

    @Test
    void threadZeroBlockedOutsideWeft_isReported_andTheNextExplorationRuns() throws Exception {
        long start = System.nanoTime();
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration stuck = exploreWhileHeldOutside(explorer, () -> {
            synchronized (lock) {
                lock.hashCode();
            }
        });
        assertReported(stuck, "thread 0");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        assertNextExplorationPasses(explorer); // on a new driver, the old one given up
    }

    @Test
    void startedThreadBlockedOutsideWeft_isReported_andItsWorkerIsNeverReused() throws Exception {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        Exploration stuck = exploreWhileHeldOutside(explorer, () -> {
            Thread blocked = ManagedThreads.start("blocked", () -> {
                synchronized (lock) {
                    lock.hashCode();
                }
            });
            ManagedThreads.join(blocked);
        });
        assertReported(stuck, "thread 1");
        Thread.sleep(200); // the given-up worker gets the monitor now and ends its thread
        assertNextExplorationPasses(explorer);
    }

    /** Explores {@code program} while a thread outside Weft holds {@link #lock}; lets it go afterwards. */
    private Exploration exploreWhileHeldOutside(Explorer explorer, Program program) throws InterruptedException {
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
        try {
            return explorer.explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 10));
        } finally {
            release.countDown();
            outsider.join(10_000);
        }
    }

    private static void assertReported(Exploration stuck, String thread) {
        assertThat(stuck.failure()).isPresent();
        assertThat(stuck.failure().get().outcome()).isInstanceOf(Outcome.Uncontrolled.class);
        assertThat(stuck.failure().get().outcome().headline()).contains(thread).contains("outside weft's control");
    }

    private static void assertNextExplorationPasses(Explorer explorer) {
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
        }, ExplorationSettings.of(new StrategySpec.RandomWalk(), 1, 50));
        assertThat(next.failure()).isEmpty();
        assertThat(next.executions()).isEqualTo(50);
    }
}
