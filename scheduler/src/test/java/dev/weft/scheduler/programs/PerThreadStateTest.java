package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Exploration;
import dev.weft.scheduler.explore.ExplorationSettings;
import dev.weft.scheduler.explore.Explorer;
import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.Program;
import dev.weft.scheduler.strategy.StrategySpec;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Every logical thread starts with the per-thread state a new {@code Thread} has, in every execution:
 * its own empty thread-locals (inheritable ones copied from the thread that created it), and the
 * name, priority, daemon flag, interrupt status, uncaught-exception handler and context class loader
 * a new thread gets — never what an earlier execution or another logical thread left on the pooled
 * worker that runs it.
 */
class PerThreadStateTest {

    private static final ThreadLocal<StringBuilder> OWN = ThreadLocal.withInitial(StringBuilder::new);
    private static final InheritableThreadLocal<String> INHERITED = new InheritableThreadLocal<>();

    private static Exploration explore(Program program, int executions) {
        Explorer explorer = new Explorer(ControlledRuntime.get());
        return explorer.explore(program, ExplorationSettings.of(new StrategySpec.RandomWalk(), 11, executions));
    }

    private static void assertPasses(Exploration exploration, int executions) {
        assertThat(exploration.failure()).as(() -> exploration.failure()
                .map(f -> f.outcome().headline() + "\n" + f.outcome().details()).orElse("")).isEmpty();
        assertThat(exploration.executions()).isEqualTo(executions);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    @Test
    void threadLocal_eachThreadSeesOnlyItsOwn_inEveryExecution() {
        Program program = () -> {
            Runnable append = () -> {
                OWN.get().append("ab");
                String mine = OWN.get().toString();
                check(mine.equals("ab"), "expected ab, was " + mine);
            };
            Thread a = new Thread(append);
            Thread b = new Thread(append);
            a.start();
            b.start();
            append.run(); // thread 0 too: its Thread object is reused from one execution to the next
            a.join();
            b.join();
        };
        assertPasses(explore(program, 50), 50);
    }

    @Test
    void threadLocal_onPoolThreads_isFreshInEachExecution() {
        Program program = () -> {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(pool.submit(() -> OWN.get().append("x").toString()));
                }
                for (Future<String> result : results) {
                    String seen = result.get();
                    check(seen.equals("x") || seen.equals("xx"), "a pool thread saw " + seen);
                }
            } finally {
                pool.shutdown();
            }
        };
        assertPasses(explore(program, 30), 30);
    }

    @Test
    void inheritableThreadLocal_isCopiedFromTheCreatingThread_atCreation() {
        Program program = () -> {
            check(INHERITED.get() == null, "thread 0 starts with " + INHERITED.get());
            Thread before = new Thread(() -> check(INHERITED.get() == null, "created before the set, saw " + INHERITED.get()));
            INHERITED.set("parent");
            ConcurrentHashMap<String, String> seen = new ConcurrentHashMap<>();
            Thread child = new Thread(() -> {
                seen.put("child", String.valueOf(INHERITED.get()));
                INHERITED.set("child");
                Thread grandchild = new Thread(() -> seen.put("grandchild", String.valueOf(INHERITED.get())));
                grandchild.start();
                try {
                    grandchild.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            before.start();
            child.start();
            before.join();
            child.join();
            check(seen.get("child").equals("parent"), "child saw " + seen.get("child"));
            check(seen.get("grandchild").equals("child"), "grandchild saw " + seen.get("grandchild"));
            check(INHERITED.get().equals("parent"), "the child's set changed thread 0's value to " + INHERITED.get());
        };
        assertPasses(explore(program, 30), 30);
    }

    /** What thread 0 found at its start, in the first execution; every later one must find the same. */
    private static final List<String> FIRST = new ArrayList<>();

    @Test
    void threadAttributes_changedInOneExecution_areFreshInTheNext_andInheritedByNewThreads() throws Exception {
        ClassLoader custom = new URLClassLoader(new URL[0], PerThreadStateTest.class.getClassLoader());
        FIRST.clear();
        Program program = () -> {
            Thread me = Thread.currentThread();
            String found = me.getName() + "|" + me.getPriority() + "|" + me.isDaemon() + "|" + me.isInterrupted() + "|"
                    + (me.getUncaughtExceptionHandler() == me.getThreadGroup()) + "|" + (me.getContextClassLoader() == custom);
            synchronized (FIRST) {
                if (FIRST.isEmpty()) {
                    FIRST.add(found);
                }
                check(found.equals(FIRST.get(0)), "thread 0 found " + found + ", in the first execution " + FIRST.get(0));
            }
            check(!me.isDaemon(), "thread 0 is a daemon thread");
            check(me.getPriority() == Thread.NORM_PRIORITY, "thread 0 has priority " + me.getPriority());
            // change everything a program can change about its own thread
            me.setName("renamed");
            me.setPriority(Thread.MAX_PRIORITY - 1);
            me.setUncaughtExceptionHandler((t, e) -> { });
            me.setContextClassLoader(custom);
            ConcurrentHashMap<String, Object> child = new ConcurrentHashMap<>();
            Thread started = new Thread(() -> {
                Thread self = Thread.currentThread();
                child.put("priority", self.getPriority());
                child.put("daemon", self.isDaemon());
                child.put("loader", self.getContextClassLoader() == custom);
                child.put("handler", self.getUncaughtExceptionHandler() == self.getThreadGroup());
            });
            started.start();
            started.join();
            check(child.get("priority").equals(Thread.MAX_PRIORITY - 1), "the child has priority " + child.get("priority"));
            check(child.get("daemon").equals(false), "the child of a non-daemon thread is a daemon");
            check(child.get("loader").equals(true), "the child did not inherit the context class loader");
            check(child.get("handler").equals(true), "the child inherited the uncaught-exception handler");
            me.interrupt(); // left set at the end of the execution
        };
        assertPasses(explore(program, 20), 20);
    }

    /**
     * A logical thread's {@code Thread} object is never started by the JVM: {@code getState()} is the
     * runtime's, so a test can wait for another thread to block, as it would on real threads.
     */
    @Test
    void getState_followsTheLogicalThread() {
        Program program = () -> {
            Object lock = new Object();
            java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    // interrupted below: ends
                }
            });
            check(waiter.getState() == Thread.State.NEW, "before start: " + waiter.getState());
            waiter.start();
            while (waiter.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            Thread sleeper = new Thread(() -> {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            sleeper.start();
            while (sleeper.getState() != Thread.State.TIMED_WAITING && sleeper.getState() != Thread.State.TERMINATED) {
                Thread.onSpinWait();
            }
            Thread blocked;
            synchronized (lock) {
                blocked = new Thread(() -> {
                    synchronized (lock) {
                        lock.hashCode();
                    }
                });
                blocked.start();
                while (blocked.getState() != Thread.State.BLOCKED) {
                    Thread.onSpinWait();
                }
            }
            waiter.interrupt();
            waiter.join();
            sleeper.join();
            blocked.join();
            check(waiter.getState() == Thread.State.TERMINATED, "after join: " + waiter.getState());
            check(Thread.currentThread().getState() == Thread.State.RUNNABLE, "thread 0: " + Thread.currentThread().getState());
        };
        assertPasses(explore(program, 50), 50);
    }

    /** Threads created without a name are Thread-0, Thread-1, … in every execution, as in a fresh JVM. */
    @Test
    void defaultNames_startAtThread0_inEveryExecution() {
        Program program = () -> {
            Thread first = new Thread(() -> { });
            Thread second = new Thread(() -> { });
            check(first.getName().equals("Thread-0") && second.getName().equals("Thread-1"),
                    "names " + first.getName() + ", " + second.getName());
        };
        assertPasses(explore(program, 20), 20);
    }
}
