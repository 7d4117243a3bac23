package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * Threads left waiting once the program's body (thread 0) has returned: the program is over, as it is
 * in a JVM, when they only wait for work — a dispatcher idle in {@code take()}, a poll with a timeout,
 * a latch — and the execution passes with a note. Threads locked for ever are still a deadlock: a
 * lock-order cycle among leftover threads, a lock whose holder ended without releasing it, and any
 * thread the body itself waits for.
 */
class LeftoverThreadsTest {

    private static Exploration explore(Program program) {
        return new Explorer(ControlledRuntime.get()).explore(program, ExplorationSettings.of(new StrategySpec.Portfolio(), 5, 300));
    }

    private static void assertPasses(Exploration exploration) {
        assertThat(exploration.failure()).as(() -> exploration.failure()
                .map(f -> f.outcome().headline() + "\n" + f.outcome().details()).orElse("")).isEmpty();
    }

    private static Outcome failure(Exploration exploration) {
        assertThat(exploration.failure()).isPresent();
        return exploration.failure().get().outcome();
    }

    /** A daemon thread that runs what it is given, for ever. */
    private static Thread dispatcher(BlockingQueue<Runnable> queue) {
        Thread dispatcher = new Thread(() -> {
            try {
                while (true) {
                    queue.take().run();
                }
            } catch (InterruptedException e) {
                // ends
            }
        }, "dispatcher");
        dispatcher.setDaemon(true);
        return dispatcher;
    }

    @Test
    void dispatcherIdleInTake_afterTheBodyReturned_passesWithANote() {
        Exploration exploration = explore(() -> {
            BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
            dispatcher(queue).start();
            CountDownLatch done = new CountDownLatch(2);
            queue.put(done::countDown);
            queue.put(done::countDown);
            done.await();
        });
        assertPasses(exploration);
        assertThat(exploration.notes()).isNotEmpty();
        assertThat(exploration.notes().get(0)).startsWith("thread 1 (\"dispatcher\"), a daemon thread, was left waiting for ")
                .contains(" in LinkedBlockingQueue.take(LinkedBlockingQueue.java:")
                .contains(", at LeftoverThreadsTest.lambda$dispatcher$")
                .endsWith(" when the test's body returned");
    }

    @Test
    void dispatcherPollingWithATimeout_afterTheBodyReturned_passes() {
        assertPasses(explore(() -> {
            BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
            Thread poller = new Thread(() -> {
                try {
                    while (true) {
                        Runnable task = queue.poll(100, TimeUnit.MILLISECONDS);
                        if (task != null) {
                            task.run();
                        }
                    }
                } catch (InterruptedException e) {
                    // ends
                }
            });
            poller.setDaemon(true);
            poller.start();
            CountDownLatch done = new CountDownLatch(1);
            queue.put(done::countDown);
            done.await();
        }));
    }

    @Test
    void bodyJoiningAThreadThatWaitsForever_isADeadlock() {
        Outcome outcome = failure(explore(() -> {
            CountDownLatch never = new CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            waiter.start();
            waiter.join();
        }));
        assertThat(outcome).isInstanceOf(Outcome.Deadlock.class);
        assertThat(outcome.headline()).contains("thread 0 waits for thread 1 to finish");
    }

    @Test
    void lockOrderDeadlockAmongThreadsTheBodyDidNotJoin_isStillADeadlock() {
        Outcome outcome = failure(explore(() -> {
            ReentrantLock a = new ReentrantLock();
            ReentrantLock b = new ReentrantLock();
            new Thread(() -> {
                a.lock();
                b.lock();
                b.unlock();
                a.unlock();
            }).start();
            new Thread(() -> {
                b.lock();
                a.lock();
                a.unlock();
                b.unlock();
            }).start();
        }));
        assertThat(outcome).isInstanceOf(Outcome.Deadlock.class);
        assertThat(outcome.headline()).contains("thread 1 waits for ReentrantLock").contains("held by thread 2");
    }

    @Test
    void lockWhoseHolderEndedWithoutReleasingIt_isADeadlock() {
        Outcome outcome = failure(explore(() -> {
            ReentrantLock lock = new ReentrantLock();
            Thread leaker = new Thread(lock::lock); // never unlocks
            leaker.start();
            leaker.join();
            new Thread(() -> {
                lock.lock();
                lock.unlock();
            }).start();
        }));
        assertThat(outcome).isInstanceOf(Outcome.Deadlock.class);
        assertThat(outcome.headline()).isEqualTo("deadlock: thread 2 waits for ReentrantLock (ReentrantLock$NonfairSync#1)"
                + " held by thread 1, which ended without releasing it");
    }
}
