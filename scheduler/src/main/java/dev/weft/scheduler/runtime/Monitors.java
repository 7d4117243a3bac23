package dev.weft.scheduler.runtime;

import java.util.IdentityHashMap;

/**
 * The model of the program's monitors ({@code synchronized}) and of {@code wait}/{@code notify}: who
 * owns each monitor, how many times, and who waits on it. A thread that wants a monitor is enabled
 * only while the monitor is free ({@link #free}); a waiter leaves the wait set runnable and wanting
 * the monitor back ({@link LogicalThread#wantsMonitor}), so the strategy decides when it gets it.
 * Touched only by the thread with the turn (the watchdog reads owners for its report).
 */
final class Monitors {

    private final IdentityHashMap<Object, MonitorState> states = new IdentityHashMap<>();
    private final DeterministicIdentity identities;

    Monitors(DeterministicIdentity identities) {
        this.identities = identities;
    }

    /** The model of a monitor, or {@code null} if none was entered; decides the object's hash first. */
    MonitorState known(Object monitor) {
        identities.of(monitor);
        return states.get(monitor);
    }

    /** The model of a monitor already hashed (one a thread entered or wants), or {@code null}. */
    MonitorState stateOf(Object monitor) {
        return states.get(monitor);
    }

    /** Whether {@code thread} can take {@code monitor} now: nobody holds it, or {@code thread} does. */
    boolean free(Object monitor, LogicalThread thread) {
        MonitorState m = states.get(monitor);
        return m == null || m.owner == null || m.owner == thread;
    }

    /** {@code thread} takes {@code monitor} (once more). */
    void acquire(LogicalThread thread, Object monitor) {
        MonitorState m = known(monitor);
        if (m == null) {
            m = new MonitorState();
            states.put(monitor, m);
        }
        m.owner = thread;
        m.count++;
    }

    /** {@code thread} leaves {@code monitor} once; returns whether it held it. */
    boolean release(LogicalThread thread, Object monitor) {
        MonitorState m = known(monitor);
        if (m == null || m.owner != thread) {
            return false;
        }
        if (--m.count == 0) {
            m.owner = null;
        }
        return true;
    }

    /** The model of {@code monitor}, which {@code thread} must hold (to wait or notify on it). */
    MonitorState held(LogicalThread thread, Object monitor) {
        MonitorState m = known(monitor);
        if (m == null || m.owner != thread) {
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        return m;
    }

    /** {@code thread} releases {@code m} entirely and enters its wait set; returns its count, for {@link #endWait}. */
    static int beginWait(LogicalThread thread, MonitorState m) {
        int count = m.count;
        m.owner = null;
        m.count = 0;
        m.waitSet.add(thread);
        return count;
    }

    /** {@code thread}, woken (or unwinding), leaves the wait set of {@code m}. */
    static void leaveWaitSet(LogicalThread thread, MonitorState m) {
        m.waitSet.remove(thread);
    }

    /** {@code thread} holds {@code m} again, {@code count} times, as before its wait. */
    static void endWait(LogicalThread thread, MonitorState m, int count) {
        m.owner = thread;
        m.count = count;
    }

    /** Wakes the first waiter of {@code m} on {@code monitor}, or all of them; returns how many woke. */
    static int notify(MonitorState m, Object monitor, boolean all) {
        int woken = 0;
        for (LogicalThread waiter : m.waitSet) {
            if (waiter.blocked() instanceof LogicalThread.Blocked.Waiting) {
                waiter.unblock();
                waiter.wantsMonitor = monitor;
                woken++;
                if (!all) {
                    break;
                }
            }
        }
        return woken;
    }
}
