package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.startChecked;

import org.junit.jupiter.api.Test;

/**
 * {@code Object.wait} and {@code notify}: who wakes, when a timed wait ends (virtual time), that a
 * wait returns only for a reason, the monitor released and re-entered with its count, and the
 * errors of a wait or notify without the monitor.
 */
class WaitNotifySemanticsTest {

    /**
     * Two waiters wait once (no loop); the main thread notifies once, looks how many woke, and
     * notifies once more. Its sleeps end only when no other thread can run (Weft's virtual time), so
     * both waiters are in the wait set before the first notification, and whoever it woke has
     * finished before the main thread looks.
     */
    private static String twoWaiters(boolean notifyAll) throws InterruptedException {
        Object lock = new Object();
        int[] woken = new int[1];
        Threads.Body waiter = () -> {
            synchronized (lock) {
                lock.wait();
                woken[0]++;
            }
        };
        Thread a = startChecked(waiter);
        Thread b = startChecked(waiter);
        Thread.sleep(10);
        synchronized (lock) {
            if (notifyAll) {
                lock.notifyAll();
            } else {
                lock.notify();
            }
        }
        Thread.sleep(10);
        int afterFirst;
        synchronized (lock) {
            afterFirst = woken[0];
            lock.notify(); // releases a second waiter if one is left
        }
        a.join();
        b.join();
        return "woken by the first " + (notifyAll ? "notifyAll" : "notify") + ": " + afterFirst;
    }

    @Test
    void notify_wakesExactlyOneWaiter() {
        Outcomes.of(() -> twoWaiters(false))
                .acceptable("woken by the first notify: 1", "notify wakes one thread of the wait set")
                .forbidden("woken by the first notify: 2", "notify woke both waiters")
                .forbidden("woken by the first notify: 0", "notify woke nobody although two threads waited")
                .check();
    }

    @Test
    void notifyAll_wakesEveryWaiter() {
        Outcomes.of(() -> twoWaiters(true))
                .acceptable("woken by the first notifyAll: 2", "notifyAll wakes every thread of the wait set")
                .forbidden("woken by the first notifyAll: 1", "a waiter stayed in the wait set after notifyAll")
                .check();
    }

    static final class Mailbox {
        boolean ready;
    }

    /** The waiter waits without checking a condition; the notification may come first and be lost. */
    @Test
    void waitWithoutACondition_losesANotifyThatCameFirst() {
        Outcomes.of(() -> {
            Object lock = new Object();
            Thread waiter = startChecked(() -> {
                synchronized (lock) {
                    lock.wait();
                }
            });
            synchronized (lock) {
                lock.notifyAll();
            }
            waiter.join();
            return "waiter woke";
        })
                .acceptable("waiter woke", "the waiter was in the wait set when the notification came")
                .acceptable("deadlock", "the notification came before the wait and nobody notifies again: the lost wake-up")
                .check();
    }

    @Test
    void waitInALoopOnACondition_neverLosesTheWakeUp() {
        Outcomes.of(() -> {
            Object lock = new Object();
            Mailbox mailbox = new Mailbox();
            Thread waiter = startChecked(() -> {
                synchronized (lock) {
                    while (!mailbox.ready) {
                        lock.wait();
                    }
                }
            });
            synchronized (lock) {
                mailbox.ready = true;
                lock.notifyAll();
            }
            waiter.join();
            return "waiter woke";
        })
                .acceptable("waiter woke", "a notification that came first left the condition true, so the waiter never waits")
                .forbidden("deadlock", "the wake-up was lost although the condition is checked under the monitor")
                .check();
    }

    @Test
    void waitWithoutNotify_neverReturns_noSpuriousWakeUp() {
        Outcomes.of(() -> {
            Object lock = new Object();
            Thread waiter = startChecked(() -> {
                synchronized (lock) {
                    lock.wait();
                }
            });
            waiter.join();
            return "waiter returned";
        })
                .acceptable("deadlock", "nothing notifies, interrupts or times the wait out")
                .forbidden("waiter returned", "a spurious wake-up: the JLS allows one, Weft never makes one (a missing loop"
                        + " is found through a notification that comes early or goes to another waiter)")
                .check();
    }

    @Test
    void timedWait_endsInVirtualTime() {
        Outcomes.of(() -> {
            Object lock = new Object();
            long waited;
            synchronized (lock) {
                long start = System.nanoTime();
                lock.wait(50);
                waited = System.nanoTime() - start;
            }
            return "returned after " + waited / 1_000_000 + " ms";
        })
                .acceptable("returned after 50 ms", "nothing notifies: the wait times out, the virtual clock moved to its deadline")
                .forbidden("deadlock", "a timed wait is not a wait forever")
                .check();
    }

    @Test
    void waitWithTimeoutZero_orBeyondTheClock_waitsForANotification() {
        Outcomes.of(() -> {
            Object lock = new Object();
            Thread waiter = startChecked(() -> {
                synchronized (lock) {
                    lock.wait(0);
                }
            });
            waiter.join();
            return "waiter returned";
        })
                .acceptable("deadlock", "wait(0) waits without a timeout")
                .forbidden("waiter returned", "wait(0) returned without a notification")
                .check();
        Outcomes.of(() -> {
            Object lock = new Object();
            synchronized (lock) {
                lock.wait(Long.MAX_VALUE);
            }
            return "returned";
        })
                .acceptable("deadlock", "a deadline beyond the virtual clock's range is no deadline")
                .forbidden("returned", "the deadline overflowed into the past")
                .check();
    }

    @Test
    void timedWait_racingANotify() {
        Outcomes.of(() -> {
            Object lock = new Object();
            Mailbox mailbox = new Mailbox();
            String[] seen = new String[1];
            Thread waiter = startChecked(() -> {
                synchronized (lock) {
                    if (mailbox.ready) {
                        seen[0] = "ready before the wait";
                        return;
                    }
                    long start = System.nanoTime();
                    lock.wait(50);
                    boolean timedOut = System.nanoTime() - start >= 50_000_000L;
                    seen[0] = (mailbox.ready ? "ready" : "not ready") + (timedOut ? ", timed out" : ", notified");
                }
            });
            synchronized (lock) {
                mailbox.ready = true;
                lock.notify();
            }
            waiter.join();
            return seen[0];
        })
                .acceptable("ready before the wait", "the notifier ran first")
                .acceptable("ready, notified", "the waiter waited and the notification woke it before its timeout")
                .forbidden("not ready, timed out", "Weft fires a timeout only when no thread can run, so the runnable notifier"
                        + " always comes first (a real JVM may time out first: a behaviour Weft does not explore)")
                .forbidden("ready, timed out", "the notification came while the waiter was in the wait set")
                .check();
    }

    @Test
    void waitWithoutOwningTheMonitor_throwsIllegalMonitorState() {
        Outcomes.of(() -> {
            Object lock = new Object();
            Object other = new Object();
            StringBuilder seen = new StringBuilder();
            try {
                lock.wait();
            } catch (IllegalMonitorStateException e) {
                seen.append("wait: IllegalMonitorStateException");
            }
            try {
                synchronized (other) {
                    lock.wait(10);
                }
            } catch (IllegalMonitorStateException e) {
                seen.append(", wait holding another monitor: IllegalMonitorStateException");
            }
            try {
                lock.notify();
            } catch (IllegalMonitorStateException e) {
                seen.append(", notify: IllegalMonitorStateException");
            }
            try {
                lock.notifyAll();
            } catch (IllegalMonitorStateException e) {
                seen.append(", notifyAll: IllegalMonitorStateException");
            }
            return seen.toString();
        })
                .acceptable("wait: IllegalMonitorStateException, wait holding another monitor: IllegalMonitorStateException,"
                        + " notify: IllegalMonitorStateException, notifyAll: IllegalMonitorStateException",
                        "wait, notify and notifyAll need the object's own monitor")
                .check();
    }

    @Test
    void waitInsideNestedEntries_releasesTheMonitorFully_andRestoresTheCount() {
        Outcomes.of(() -> {
            Object lock = new Object();
            Mailbox mailbox = new Mailbox();
            Counter counter = new Counter();
            Thread waiter = startChecked(() -> {
                synchronized (lock) {
                    synchronized (lock) {
                        while (!mailbox.ready) {
                            lock.wait();
                        }
                    }
                    // still inside the outer entry: nobody else may hold the monitor here
                    counter.incrementUnsafely();
                }
            });
            startChecked(() -> {
                synchronized (lock) {
                    mailbox.ready = true;
                    lock.notify();
                }
                synchronized (lock) {
                    counter.incrementUnsafely();
                }
            }).join();
            waiter.join();
            return "value " + counter.value;
        })
                .acceptable("value 2", "the waiter re-entered the monitor twice, so leaving the inner block kept it")
                .forbidden("value 1", "the waiter's monitor count was not restored: the notifier entered between the waiter's"
                        + " inner and outer exits")
                .forbidden("deadlock", "the wait released only one of the waiter's two entries")
                .check();
    }

    @Test
    void waitReleasesOnlyItsOwnMonitor_nestedMonitorLockout() {
        Outcomes.of(() -> nestedMonitors(true))
                .acceptable("waiter woke", "the notifier took both monitors before the waiter")
                .acceptable("deadlock", "the waiter holds the outer monitor while it waits on the inner one, and the notifier"
                        + " needs the outer one first")
                .check();
        Outcomes.of(() -> nestedMonitors(false))
                .acceptable("waiter woke", "the notifier takes only the monitor the waiter released")
                .forbidden("deadlock", "the wait did not release the monitor it waits on")
                .check();
    }

    private static String nestedMonitors(boolean notifierTakesOuter) throws Exception {
        Object outer = new Object();
        Object inner = new Object();
        Mailbox mailbox = new Mailbox();
        Thread waiter = startChecked(() -> {
            synchronized (outer) {
                synchronized (inner) {
                    while (!mailbox.ready) {
                        inner.wait();
                    }
                }
            }
        });
        Threads.Body signal = () -> {
            synchronized (inner) {
                mailbox.ready = true;
                inner.notify();
            }
        };
        if (notifierTakesOuter) {
            synchronized (outer) {
                signal.run();
            }
        } else {
            signal.run();
        }
        waiter.join();
        return "waiter woke";
    }
}
