package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * A class initializer runs without preemption until it must wait for another thread. Here it waits
 * for a lock that the other thread holds, and that thread then needs the class: it waits for the
 * initialization inside the JVM (which shows it as running), as it would without Weft — a deadlock
 * of the JVM's own making. Weft reports it within seconds, names the class and what its initializer
 * waits for, and the next exploration in the JVM passes.
 */
class ClassInitializerWaitTest {

    static final ReentrantLock INIT_LOCK = new ReentrantLock();

    /** Its initializer takes {@link #INIT_LOCK}. */
    static final class NeedsTheLock {
        static {
            INIT_LOCK.lock();
            INIT_LOCK.unlock();
        }

        static void touch() {
        }
    }

    static volatile boolean locked;
    static volatile boolean initializing;

    @Test
    void initializerBlockedOnALock_otherThreadNeedsTheClass_isReportedNotHung() {
        Program program = () -> {
            Thread holder = new Thread(() -> {
                INIT_LOCK.lock();
                try {
                    locked = true;
                    while (!initializing) {
                        Thread.yield();
                    }
                    NeedsTheLock.touch(); // waits for thread 2's initialization, inside the JVM
                } finally {
                    INIT_LOCK.unlock();
                }
            });
            Thread initializer = new Thread(() -> {
                while (!locked) {
                    Thread.yield();
                }
                initializing = true;
                NeedsTheLock.touch(); // initializes it: blocks on the lock thread 1 holds
            });
            holder.start();
            initializer.start();
            holder.join();
            initializer.join();
        };
        Exploration exploration = new Explorer(ControlledRuntime.get()).explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 5, 20), dev.weft.scheduler.explore.Judge.NONE, false);
        assertThat(exploration.failure()).isPresent();
        Outcome outcome = exploration.failure().get().outcome();
        assertThat(outcome).isInstanceOf(Outcome.Uncontrolled.class);
        assertThat(outcome.headline()).contains("thread 1 made no progress for")
                .contains("most likely waiting inside the JVM for a class that thread 2 is initializing ("
                        + NeedsTheLock.class.getName() + "), blocked waiting for ReentrantLock")
                .contains("held by thread 1");

        // the JVM goes on: a later exploration passes
        Exploration later = new Explorer(ControlledRuntime.get()).explore(Programs.hashMapPut(true), ExplorationSettings.of(new StrategySpec.RandomWalk(), 5, 50));
        assertThat(later.failure()).isEmpty();
    }
}
