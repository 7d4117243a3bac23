package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.Sites;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stuck-state report: what each thread waits for, who holds it, wait-for cycles, and each
 * thread's stack, as functions of a snapshot of an execution (its threads, its monitors, the
 * names of its objects, the thread with the turn). Built when the report is needed, on the thread
 * with the turn, or by the watchdog, which reads threads that wait for their turn; it changes
 * nothing.
 */
final class StuckReport {

    private final List<LogicalThread> threads;
    private final Monitors monitors;
    private final Map<Thread, LogicalThread> byThread;
    private final ObjectNames names;
    /** The thread with the turn, whose stack is the calling thread's, or {@code null}. */
    private final LogicalThread current;

    StuckReport(List<LogicalThread> threads, Monitors monitors, Map<Thread, LogicalThread> byThread,
            ObjectNames names, LogicalThread current) {
        this.threads = threads;
        this.monitors = monitors;
        this.byThread = byThread;
        this.names = names;
        this.current = current;
    }

    /** What the report sees of {@code execution} now: its threads, its monitors, its names, the thread with the turn. */
    static StuckReport of(Execution execution) {
        return new StuckReport(execution.threads, execution.monitors, execution.byThread, execution.names,
                execution.scheduling.currentThread());
    }

    /**
     * The outcome when no thread can run. While thread 0 (the program's body) has not returned, a
     * deadlock. Once it has, the program is over, as it is in a JVM: the threads left waiting for work
     * (a notification, an unpark, a queue, a latch, a timeout) end the execution cleanly, with a note —
     * unless some are locked for ever: in a wait-for cycle (a lock-order deadlock, whether the body
     * waited for them or not), or waiting for a lock whose holder ended without releasing it.
     */
    Outcome outcome() {
        if (threads.get(0).status == LogicalThread.Status.FINISHED) {
            List<String> locked = findCycle();
            if (locked == null) {
                locked = lockOfAnEndedThread();
            }
            if (locked == null) {
                return new Outcome.Passed(); // see leftovers()
            }
            return new Outcome.Deadlock(locked, threadReport(true));
        }
        return new Outcome.Deadlock(waitForCycle(), threadReport(true));
    }

    /** The threads the program started that were left waiting when the test's body returned, one note each. */
    List<String> leftovers() {
        List<String> notes = new ArrayList<>();
        for (LogicalThread t : threads) {
            if (t.status == LogicalThread.Status.FINISHED || !t.userThread) {
                continue; // idle workers of an executor are not noted
            }
            String given = t.thread.getName();
            String name = given.matches("Thread-\\d+") ? "" : " (\"" + given + "\")";
            String where = "";
            if (t.worker != null) {
                StackTraceElement[] stack = t.worker.thread.getStackTrace();
                List<StackTraceElement> frames = StackFilter.userFrames(stack, 64);
                for (int i = 0; i < frames.size(); i++) {
                    if (!frames.get(i).getClassName().startsWith("java.")) {
                        where = (i > 0 ? " in " + simple(frames.get(i - 1)) + "," : "") + " at " + simple(frames.get(i));
                        break;
                    }
                }
            }
            notes.add(t.name() + name + (t.thread.isDaemon() ? ", a daemon thread," : "") + " was left waiting for "
                    + waitsFor(t) + where + " when the test's body returned");
        }
        return notes;
    }

    /** {@code LinkedBlockingQueue.take(LinkedBlockingQueue.java:435)}: a frame without its package. */
    private static String simple(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName() + "("
                + (frame.getFileName() == null ? "unknown source" : frame.getFileName() + ":" + frame.getLineNumber()) + ")";
    }

    /** A thread waiting for a lock whose holder has ended (it never released it), as a one-entry list; else {@code null}. */
    List<String> lockOfAnEndedThread() {
        for (LogicalThread t : threads) {
            LogicalThread holder = holderOf(t);
            if (holder != null && holder.status == LogicalThread.Status.FINISHED
                    && !(t.blocked() instanceof LogicalThread.Blocked.Joining)) {
                return List.of(t.name() + " waits for " + waitsFor(t) + ", which ended without releasing it");
            }
        }
        return null;
    }

    List<String> waitForCycle() {
        List<String> cycle = findCycle();
        if (cycle != null) {
            return cycle;
        }
        List<String> blocked = new ArrayList<>();
        for (LogicalThread t : threads) {
            if (t.status != LogicalThread.Status.FINISHED) {
                blocked.add(t.name() + " waits for " + waitsFor(t));
            }
        }
        return blocked;
    }

    /** A cycle in the wait-for graph (monitors, lock owners, joins), one entry per thread in it; else {@code null}. */
    List<String> findCycle() {
        int n = threads.size();
        int[] edge = new int[n];
        for (int i = 0; i < n; i++) {
            LogicalThread holder = holderOf(threads.get(i));
            edge[i] = holder == null ? -1 : holder.id;
        }
        for (int start = 0; start < n; start++) {
            int slow = start;
            boolean[] seen = new boolean[n];
            while (slow >= 0 && !seen[slow]) {
                seen[slow] = true;
                slow = edge[slow];
            }
            if (slow >= 0) {
                List<String> cycle = new ArrayList<>();
                int t = slow;
                do {
                    cycle.add(threads.get(t).name() + " waits for " + waitsFor(threads.get(t)));
                    t = edge[t];
                } while (t != slow);
                return cycle;
            }
        }
        return null;
    }

    LogicalThread holderOf(LogicalThread t) {
        if (t.status == LogicalThread.Status.FINISHED) {
            return null;
        }
        if (t.wantsMonitor != null) {
            MonitorState m = monitors.stateOf(t.wantsMonitor);
            return m == null ? null : m.owner;
        }
        LogicalThread.Blocked blocked = t.blocked();
        if (blocked instanceof LogicalThread.Blocked.Joining joining) {
            return joining.target();
        }
        if (blocked instanceof LogicalThread.Blocked.Parked parked && parked.blocker() != null) {
            Thread owner = ownerOf(parked.blocker());
            return owner == null ? null : byThread.get(owner);
        }
        return null;
    }

    private static Thread ownerOf(Object blocker) {
        for (Class<?> type = blocker.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("java.util.concurrent.locks.AbstractOwnableSynchronizer")) {
                try {
                    Method owner = type.getDeclaredMethod("getExclusiveOwnerThread");
                    owner.setAccessible(true);
                    return (Thread) owner.invoke(blocker);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    String waitsFor(LogicalThread t) {
        LogicalThread holder = holderOf(t);
        String held = holder == null ? "" : " held by " + holder.name();
        if (t.wantsMonitor != null) {
            return "the monitor of " + names.name(t.wantsMonitor) + held;
        }
        LogicalThread.Blocked blocked = t.blocked();
        if (blocked instanceof LogicalThread.Blocked.Waiting waiting) {
            return "a notification on " + names.name(waiting.monitor()) + " (in wait())";
        }
        if (blocked instanceof LogicalThread.Blocked.Joining joining) {
            return joining.target().name() + " to finish";
        }
        if (blocked instanceof LogicalThread.Blocked.Parked parked) {
            return parked.blocker() == null ? "an unpark" : lockName(parked.blocker()) + held;
        }
        if (blocked instanceof LogicalThread.Blocked.Sleeping) {
            return "the end of a sleep";
        }
        return "nothing";
    }

    /**
     * For the watching controller: another thread that is blocked inside a class initializer, as
     * {@code "thread 1 is initializing (Foo.<clinit>), blocked waiting for …"}; {@code null} when none
     * is. Reads the state of threads that wait for their turn.
     */
    String blockedInsideInitializer(LogicalThread current) {
        for (LogicalThread t : new ArrayList<>(threads)) {
            if (t == current || t.finished || t.worker == null || t.worker.initDepth == 0) {
                continue;
            }
            if (t.status != LogicalThread.Status.BLOCKED && t.wantsMonitor == null) {
                continue;
            }
            String initializing = "";
            for (StackTraceElement frame : t.worker.thread.getStackTrace()) {
                if (frame.getMethodName().equals("<clinit>")) {
                    initializing = frame.getClassName(); // the innermost one
                    break;
                }
            }
            return t.name() + " is initializing" + (initializing.isEmpty() ? "" : " (" + initializing + ")")
                    + ", blocked waiting for " + waitsFor(t);
        }
        return null;
    }

    private String lockName(Object blocker) {
        String name = names.name(blocker);
        int dollar = name.indexOf('$');
        return dollar > 0 ? name.substring(0, dollar) + " (" + name + ")" : name;
    }

    /** Each unfinished thread with what it waits for and its stack. */
    String threadReport(boolean blockedOnly) {
        StringBuilder text = new StringBuilder();
        for (LogicalThread t : threads) {
            if (t.status == LogicalThread.Status.FINISHED) {
                continue;
            }
            boolean blocked = t.status == LogicalThread.Status.BLOCKED || t.wantsMonitor != null;
            if (blockedOnly && !blocked) {
                continue;
            }
            text.append("  ").append(t.name());
            if (blocked) {
                text.append(" waits for ").append(waitsFor(t));
            } else {
                text.append(" at ").append(Sites.get(t.pendingSite).location());
            }
            text.append('\n');
            if (t.worker != null && t != current) {
                for (StackTraceElement frame : StackFilter.userFrames(t.worker.thread.getStackTrace(), 6)) {
                    text.append("      at ").append(frame).append('\n');
                }
            } else if (t == current) {
                for (StackTraceElement frame : StackFilter.userFrames(Thread.currentThread().getStackTrace(), 6)) {
                    text.append("      at ").append(frame).append('\n');
                }
            }
        }
        return text.toString();
    }

}
