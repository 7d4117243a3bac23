package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.start;

import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Interrupts of each blocking call ({@code wait}, {@code sleep}, {@code join}, {@code park}): an
 * {@code InterruptedException} (with the flag cleared) or a plain return (with the flag kept), for an
 * interrupt while blocked and for one that came before the call; and the flag itself.
 */
class InterruptSemanticsTest {

    /** How a blocking call ended, and the interrupt flag after it. */
    @FunctionalInterface
    interface Blocking {
        void call() throws InterruptedException;
    }

    private static String ending(Blocking call) {
        String how;
        try {
            call.call();
            how = "returned";
        } catch (InterruptedException e) {
            how = "InterruptedException";
        }
        return how + ", flag " + Thread.currentThread().isInterrupted();
    }

    /** {@code call} in a thread that the main thread interrupts (while it blocks, or before). */
    private static String interrupted(Blocking call) throws InterruptedException {
        String[] seen = new String[1];
        Thread blocked = start(() -> seen[0] = ending(call));
        blocked.interrupt();
        blocked.join();
        return seen[0];
    }

    /** {@code call} in a thread that interrupts itself first. */
    private static String interruptedBefore(Blocking call) throws InterruptedException {
        String[] seen = new String[1];
        Thread self = start(() -> {
            Thread.currentThread().interrupt();
            seen[0] = ending(call);
        });
        self.join();
        return seen[0];
    }

    @Test
    void wait_interrupted_throws_andClearsTheFlag() {
        Outcomes.of(() -> {
            Object lock = new Object();
            return interrupted(() -> {
                synchronized (lock) {
                    lock.wait();
                }
            });
        })
                .acceptable("InterruptedException, flag false", "wait throws when interrupted, during or before it, and"
                        + " clears the flag")
                .forbidden("deadlock", "the interrupt did not end the wait")
                .check();
    }

    @Test
    void wait_interruptedBefore_throwsAtOnce() {
        Outcomes.of(() -> {
            Object lock = new Object();
            return interruptedBefore(() -> {
                synchronized (lock) {
                    lock.wait();
                }
            });
        })
                .acceptable("InterruptedException, flag false", "wait with the flag set throws at once")
                .check();
    }

    @Test
    void wait_interrupted_reentersTheMonitorBeforeThrowing() {
        Outcomes.of(() -> {
            Object lock = new Object();
            boolean[] interrupterDone = new boolean[1];
            boolean[] seenDone = new boolean[1];
            Thread waiter = start(() -> {
                synchronized (lock) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        seenDone[0] = interrupterDone[0];
                    }
                }
            });
            Thread.sleep(10); // the waiter waits (sleeps end when no other thread can run)
            synchronized (lock) {
                waiter.interrupt();
                interrupterDone[0] = true; // still inside the monitor the waiter must re-enter
            }
            waiter.join();
            return "waiter saw the interrupter " + (seenDone[0] ? "done" : "not done");
        })
                .acceptable("waiter saw the interrupter done", "an interrupted wait re-enters the monitor before it throws")
                .forbidden("waiter saw the interrupter not done", "the wait threw while another thread held the monitor")
                .check();
    }

    @Test
    void wait_interruptedAndNotified_doesNotLoseTheNotification() {
        Outcomes.of(() -> {
            Object lock = new Object();
            int[] woken = new int[1];
            Runnable waiter = () -> {
                synchronized (lock) {
                    try {
                        lock.wait();
                        woken[0]++;
                    } catch (InterruptedException e) {
                        woken[0] += 10;
                    }
                }
            };
            Thread a = start(waiter);
            Thread b = start(waiter);
            Thread.sleep(10); // both wait
            a.interrupt();
            synchronized (lock) {
                lock.notify();
            }
            a.join();
            b.join();
            return "woken " + woken[0];
        })
                .acceptable("woken 11", "the interrupted waiter threw, and the notification woke the other one")
                .forbidden("deadlock", "the notification went to the waiter that was leaving because of the interrupt")
                .check();
    }

    @Test
    void sleep_interrupted_throws_andClearsTheFlag() {
        Outcomes.of(() -> interrupted(() -> Thread.sleep(1_000)))
                .acceptable("InterruptedException, flag false", "sleep throws when interrupted, during or before it")
                .check();
    }

    @Test
    void sleep_interruptedBefore_throwsAtOnce_evenForZero() {
        Outcomes.of(() -> interruptedBefore(() -> Thread.sleep(0)))
                .acceptable("InterruptedException, flag false", "sleep(0) with the flag set throws, as the JDK's does")
                .check();
    }

    @Test
    void join_interrupted_throws_andClearsTheFlag() {
        Outcomes.of(() -> {
            Object never = new Object();
            Thread forever = start(() -> {
                synchronized (never) {
                    try {
                        never.wait(1_000);
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }
            });
            String seen = interrupted(() -> forever.join());
            forever.join();
            return seen;
        })
                .acceptable("InterruptedException, flag false", "join throws when interrupted while the thread lives")
                .check();
    }

    @Test
    void join_interruptedBefore_ofAFinishedThread_returns_andKeepsTheFlag() {
        Outcomes.of(() -> {
            Thread done = start(() -> { });
            done.join();
            return interruptedBefore(() -> done.join());
        })
                .acceptable("returned, flag true", "a join of a finished thread does not wait, so it does not look at the flag")
                .check();
    }

    @Test
    void park_interrupted_returns_andKeepsTheFlag() {
        Outcomes.of(() -> interrupted(() -> LockSupport.park()))
                .acceptable("returned, flag true", "park returns when interrupted, during or before it, and keeps the flag")
                .forbidden("deadlock", "the interrupt did not end the park")
                .check();
    }

    @Test
    void park_interruptedBefore_returnsAtOnce_everyTime() {
        Outcomes.of(() -> interruptedBefore(() -> {
            LockSupport.park();
            LockSupport.park(); // the flag is still set: this one returns too
        }))
                .acceptable("returned, flag true", "park with the flag set returns at once and leaves the flag set")
                .check();
    }

    @Test
    void theFlag_isReadByIsInterrupted_andClearedByInterrupted() {
        Outcomes.of(() -> {
            Thread self = Thread.currentThread();
            boolean before = self.isInterrupted();
            self.interrupt();
            boolean afterInterrupt = self.isInterrupted();
            boolean stillSet = self.isInterrupted();
            boolean cleared = Thread.interrupted();
            boolean afterClear = Thread.interrupted();
            return before + " " + afterInterrupt + " " + stillSet + " " + cleared + " " + afterClear;
        })
                .acceptable("false true true true false", "isInterrupted reads the flag; interrupted() reads and clears it")
                .check();
    }

    @Test
    void interruptOfARunningThread_onlySetsItsFlag() {
        Outcomes.of(() -> {
            boolean[] seen = new boolean[1];
            Thread worker = start(() -> seen[0] = Thread.currentThread().isInterrupted());
            worker.interrupt();
            worker.join();
            return "worker saw its flag " + seen[0];
        })
                .acceptable("worker saw its flag true", "the interrupt came before the worker looked")
                .acceptable("worker saw its flag false", "the worker looked before the interrupt")
                .check();
    }

    @Test
    void interruptOfAFinishedThread_isHarmless() {
        Outcomes.of(() -> {
            Thread done = start(() -> { });
            done.join();
            done.interrupt();
            return "returned";
        })
                .acceptable("returned", "interrupting a thread that has ended does nothing")
                .check();
    }
}
