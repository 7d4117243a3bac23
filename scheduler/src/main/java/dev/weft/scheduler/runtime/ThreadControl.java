package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.Sites;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code Thread}'s own methods inside an execution: {@code start} (a new logical thread), {@code join}
 * (timed or not), {@code sleep} (in virtual time), {@code interrupt} and what it wakes, {@code
 * isInterrupted}, {@code isAlive} and {@code getState} as the model sees them. A thread the execution
 * does not control is left to the JVM, or, where that would give a wrong result, reported as
 * uncontrolled. Called by the {@link Execution} facade on the thread with the turn. Also thread 0
 * and the program's body ({@link #startRoot}), what becomes of a thread's uncaught exception ({@link
 * #uncaught}), and its end ({@link #finished}), the execution's own common pool ({@link
 * #commonPool}), and, for the other parts, the logical thread of a {@code Thread} ({@link #logicalOf}).
 */
final class ThreadControl {

    private final Execution execution;
    private final SchedulingStep scheduling;
    private final TraceRecorder trace;
    private final ExecutionStatus status;
    private final ExecutionListener listener;
    private final VirtualClock clock;
    private final List<LogicalThread> threads;
    private final Map<Thread, LogicalThread> byThread;
    private final ThreadObjects threadObjects;
    private final DeterministicIdentity identities;

    ThreadControl(Execution execution) {
        this.execution = execution;
        this.scheduling = execution.scheduling;
        this.trace = execution.trace;
        this.status = execution.status;
        this.listener = execution.listener;
        this.clock = execution.clock;
        this.threads = execution.threads;
        this.byThread = execution.byThread;
        this.threadObjects = execution.threadObjects;
        this.identities = execution.identities;
    }

    /**
     * Creates thread 0, whose body is the program's, and gives it the turn: on the calling driver when
     * it runs thread 0 itself (see {@code Controller#execute}), else on a worker of the pool. The
     * listener learns of the execution first. A checked exception of the program crosses {@link
     * Runnable#run} wrapped in a {@link ProgramException}.
     */
    void startRoot(Program program, ExecutionControl control) {
        threadObjects.reset();
        Thread main = threadObjects.next();
        Runnable body = () -> {
            try {
                program.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ProgramException(t);
            }
        };
        LogicalThread root = new LogicalThread(0, main, body, true);
        threads.add(root);
        byThread.put(main, root);
        if (listener != null) {
            listener.executionStarted(control);
        }
        scheduling.setCurrent(root);
        root.switchedIn = false;
        root.turn = true;
        if (status.rootWorker != null) {
            root.worker = status.rootWorker;
            return;
        }
        execution.pool.take().assign(execution, root);
    }

    /** The logical thread of a {@code Thread} object, or {@code null}; decides the object's hash first. */
    LogicalThread logicalOf(Thread thread) {
        if (thread == null) {
            return null;
        }
        identities.of(thread);
        return byThread.get(thread);
    }

    /** {@code me} learns that it was interrupted (an {@code InterruptedException} is about to be thrown). */
    void interruptObserved(LogicalThread me) {
        if (listener != null) {
            listener.interruptObserved(me.id, me.id);
        }
    }

    void start(LogicalThread me, Thread thread, int site) {
        scheduling.pending(me, site, 0, true);
        scheduling.schedule(me);
        if (logicalOf(thread) != null || thread.isAlive()) {
            throw new IllegalThreadStateException("thread already started: " + thread.getName());
        }
        Runnable body = thread::run;
        if (VirtualThreadTasks.isVirtual(thread)) {
            // a virtual thread's run() does nothing: its task sits in the continuation the JDK would mount
            body = VirtualThreadTasks.taskOf(thread);
            if (body == null) {
                execution.ending.finish(new Outcome.Uncontrolled(me.name() + " starts a virtual thread whose task weft"
                        + " cannot reach on this JDK (" + Runtime.version() + "): " + VirtualThreadTasks.unavailableReason(), ""));
                throw new ExecutionAbort();
            }
        }
        boolean user = !Sites.get(site).className().startsWith("java.");
        LogicalThread child = new LogicalThread(threads.size(), thread, body, user);
        threads.add(child);
        byThread.put(thread, child);
        if (listener != null) {
            listener.threadStarted(me.id, child.id);
        }
        if (trace.on) {
            trace.record(status.step(), me, "start " + child.name(), site);
        }
    }

    /** Starts a logical thread directly (used by the engine, whose code is not instrumented). */
    Thread start(LogicalThread me, Runnable body) {
        scheduling.pending(me, 0, 0, true);
        scheduling.schedule(me);
        Thread thread = threadObjects.next();
        LogicalThread child = new LogicalThread(threads.size(), thread, body, true);
        threads.add(child);
        byThread.put(thread, child);
        if (listener != null) {
            listener.threadStarted(me.id, child.id);
        }
        if (trace.on) {
            trace.record(status.step(), me, "start " + child.name(), 0);
        }
        return thread;
    }

    void join(LogicalThread me, Thread thread, long millis, int site) throws InterruptedException {
        LogicalThread target = logicalOf(thread);
        scheduling.pending(me, site, target == null ? 0 : 1000 + target.id, false);
        scheduling.schedule(me);
        if (target == null) {
            if (thread.isAlive()) {
                // returning at once would be a wrong result (a join that does not wait), waiting a hang
                execution.ending.finish(new Outcome.Uncontrolled(me.name() + " joins " + thread + ", a thread weft does not"
                        + " control (started outside this execution, or by code weft does not instrument)", ""));
                throw new ExecutionAbort();
            }
            return;
        }
        millis = Math.min(millis, VirtualClock.MAX_TIMEOUT_MILLIS);
        while (!target.finished) {
            if (me.interrupted) {
                me.interrupted = false;
                interruptObserved(me);
                throw new InterruptedException();
            }
            me.block(new LogicalThread.Blocked.Joining(target, clock.deadlineInMillis(millis)));
            scheduling.schedule(me);
            if (me.timedOut()) {
                break;
            }
        }
        if (listener != null && target.finished) {
            listener.joined(me.id, target.id);
        }
        if (trace.on) {
            trace.record(status.step(), me, "join " + target.name() + (target.finished ? "" : " (timed out)"), site);
        }
    }

    void sleep(LogicalThread me, long millis, int site) throws InterruptedException {
        scheduling.pending(me, site, 0, false);
        scheduling.schedule(me);
        if (me.interrupted) {
            me.interrupted = false;
            interruptObserved(me);
            throw new InterruptedException("sleep interrupted");
        }
        if (trace.on) {
            trace.record(status.step(), me, "sleep " + millis + " ms", site);
        }
        if (millis == 0) {
            return;
        }
        me.block(new LogicalThread.Blocked.Sleeping(clock.deadlineIn(VirtualClock.nanosOf(millis))));
        scheduling.schedule(me);
        if (me.takeInterruptedWake()) {
            me.interrupted = false;
            interruptObserved(me);
            throw new InterruptedException("sleep interrupted");
        }
    }

    void interrupt(LogicalThread me, Thread thread, int site) {
        LogicalThread target = logicalOf(thread);
        scheduling.pending(me, site, target == null ? 0 : 1000 + target.id, true);
        scheduling.schedule(me);
        if (target == null) {
            thread.interrupt();
            return;
        }
        if (target.finished) {
            return;
        }
        target.interrupted = true;
        if (listener != null) {
            listener.interrupted(me.id, target.id);
        }
        LogicalThread.Blocked blocked = target.blocked();
        if (blocked instanceof LogicalThread.Blocked.Parked) {
            target.unblock(); // park() returns, with no exception
        } else if (blocked != null) {
            target.wake(LogicalThread.Wake.INTERRUPTED); // wait(), sleep(), join() throw InterruptedException
        }
        if (trace.on) {
            trace.record(status.step(), me, "interrupt " + target.name(), site);
        }
    }

    boolean isInterrupted(LogicalThread me, Thread thread, boolean clear) {
        LogicalThread target = logicalOf(thread);
        if (target == null) {
            return clear ? Thread.interrupted() : thread.isInterrupted();
        }
        boolean result = target.interrupted;
        if (clear) {
            target.interrupted = false;
        }
        if (result && listener != null) {
            listener.interruptObserved(me.id, target.id);
        }
        return result;
    }

    boolean isAlive(LogicalThread me, Thread thread) {
        LogicalThread target = logicalOf(thread);
        if (target != null && target.finished && listener != null) {
            listener.joined(me.id, target.id); // isAlive() returning false orders like join
        }
        return target == null ? thread.isAlive() : !target.finished;
    }

    Thread.State state(LogicalThread me, Thread thread, int site) {
        LogicalThread target = byThread.get(thread);
        scheduling.pending(me, site, target == null ? 0 : 1000 + target.id, false);
        scheduling.schedule(me);
        if (target == null) {
            return thread.getState();
        }
        if (target.finished) {
            if (listener != null) {
                listener.joined(me.id, target.id); // seeing it TERMINATED orders like join
            }
            return Thread.State.TERMINATED;
        }
        if (target.status == LogicalThread.Status.RUNNABLE) {
            return scheduling.enabledNow(target) ? Thread.State.RUNNABLE : Thread.State.BLOCKED;
        }
        return target.deadline() != VirtualClock.NO_DEADLINE ? Thread.State.TIMED_WAITING : Thread.State.WAITING;
    }

    /**
     * The class whose initializer an {@link ExecutionAbort} went through (the JVM then answers every
     * later use with {@code NoClassDefFoundError: Could not initialize class …}, its cause naming the
     * abort), when {@code error} is such a failure; else {@code null}. The failure is Weft's, not the
     * program's.
     */
    static String initializerStoppedByWeft(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoClassDefFoundError && t.getCause() != null
                    && String.valueOf(t.getCause().getMessage()).contains(ExecutionAbort.class.getName())) {
                String message = String.valueOf(t.getMessage());
                return message.startsWith("Could not initialize class ")
                        ? message.substring("Could not initialize class ".length()) : message;
            }
        }
        return null;
    }

    /**
     * An exception {@code thread}'s {@code run()} threw. Thread 0 is the test's body: its exception is
     * the verdict. Another thread's goes, as in the JVM, to the handler the program gave it ({@link
     * UncaughtHandlers}), called on the thread itself (its steps are scheduling points like the rest of
     * its code); the thread then ends quietly, with a note. With no handler of the program's, or when the
     * handler throws (the JVM would ignore that; a test's handler that throws means to fail), the
     * exception is the verdict. A checked exception of thread 0's body arrives wrapped in a {@link
     * ProgramException}; an execution already unwinding has its verdict; a class that an
     * earlier execution's abort left uninitialized makes it uncontrolled. Called by {@link
     * Execution#runThread} with the worker's hooks off, and not through another method of this part:
     * the handler's stack is the program's.
     */
    void uncaught(Worker worker, LogicalThread thread, Throwable raised) {
        Throwable error = raised instanceof ProgramException p ? p.getCause() : raised;
        if (status.aborting) {
            return;
        }
        String poisoned = initializerStoppedByWeft(error);
        if (poisoned != null) {
            execution.ending.finish(new Outcome.Uncontrolled(
                "weft stopped an earlier execution inside the static initializer of " + poisoned
                        + ", and the JVM never runs an initializer twice: every later use of the class fails",
                "    " + error + "\n"));
            return;
        }
        Thread.UncaughtExceptionHandler handler = thread.id == 0 ? null : UncaughtHandlers.of(thread.thread);
        if (handler == null) {
            execution.ending.finish(new Outcome.Failed(thread.id, error));
            return;
        }
        worker.active = true;
        try {
            handler.uncaughtException(thread.thread, error);
        } catch (ExecutionAbort abort) {
            return; // a verdict was reached meanwhile
        } catch (Throwable thrown) {
            worker.active = false;
            if (!status.aborting) {
                execution.ending.finish(new Outcome.Failed(thread.id, thrown));
            }
            return;
        } finally {
            worker.active = false;
        }
        String note = thread.name() + "'s uncaught " + error.getClass().getName() + " went to " + UncaughtHandlers.describe(thread.thread, handler)
                + ", which returned, as in the JVM (a handler that throws fails the test)";
        execution.ending.note(note);
    }

    /** {@code thread} has ended (returned, thrown, or unwound): wakes its joiners and gives the turn on. */
    void finished(LogicalThread thread) {
        if (listener != null && !status.aborting) {
            listener.threadFinished(thread.id);
        }
        thread.status = LogicalThread.Status.FINISHED;
        thread.finished = true;
        thread.turn = false;
        if (!thread.worker.driver) {
            execution.pool.release(thread.worker);
        }
        if (status.aborting) {
            LockSupport.unpark(execution.controller);
            return;
        }
        for (LogicalThread other : threads) {
            if (other.blocked() instanceof LogicalThread.Blocked.Joining joining && joining.target() == thread) {
                other.unblock();
            }
        }
        if (allFinished()) {
            execution.ending.finish(new Outcome.Passed());
            return;
        }
        try {
            LogicalThread next = scheduling.choose(thread);
            if (next == null) {
                execution.ending.finish(execution.ending.stuckOutcome());
                return;
            }
            scheduling.handoff(thread, next);
        } catch (ExecutionAbort abort) {
            // the verdict is set; the controller unwinds the rest
        }
    }

    /** Whether every thread of the execution has ended. */
    boolean allFinished() {
        for (LogicalThread t : threads) {
            if (t.status != LogicalThread.Status.FINISHED) {
                return false;
            }
        }
        return true;
    }

    /** {@code System.exit}, {@code Runtime.exit} or {@code halt} by {@code me}: the execution ends with it as its outcome. */
    void exit(LogicalThread me, int status, boolean halt) {
        StackTraceElement[] frames = Thread.currentThread().getStackTrace();
        String call = halt ? "Runtime.halt" : "Runtime.exit";
        int first = 0;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals("java.lang.Runtime")) {
                first = i + 1;
                if (!halt && i + 1 < frames.length && frames[i + 1].getClassName().equals("java.lang.System")
                        && frames[i + 1].getMethodName().equals("exit")) {
                    call = "System.exit";
                    first = i + 2;
                }
                break;
            }
        }
        StringBuilder stack = new StringBuilder();
        StackTraceElement[] callers = java.util.Arrays.copyOfRange(frames, Math.min(first, frames.length), frames.length);
        for (StackTraceElement frame : StackFilter.userFrames(callers, 10)) {
            stack.append("    at ").append(frame).append('\n');
        }
        if (!this.status.aborting) {
            execution.ending.finish(new Outcome.Exited(me.id, call, status, stack.toString()));
        }
        throw new ExecutionAbort();
    }

    private java.util.concurrent.ForkJoinPool commonPool;

    /**
     * The execution's own common pool, made on first use: the JDK's common pool is a static that
     * outlives executions, and an execution that ended while one of its workers held a queue's lock
     * or was counted as idle left the next execution a pool that no worker of its own serves (a
     * parallel stream then spun in {@code ForkJoinPool.submissionQueue}; a replay saw fewer threads
     * than its recording). Same parallelism as the common pool, workers named as its workers are.
     */
    Object commonPool() {
        if (commonPool == null) {
            int[] workers = {0};
            commonPool = new java.util.concurrent.ForkJoinPool(
                    Math.max(1, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism()), pool -> {
                        java.util.concurrent.ForkJoinWorkerThread t =
                                java.util.concurrent.ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                        t.setName("ForkJoinPool.commonPool-worker-" + ++workers[0]);
                        return t;
                    }, null, false);
        }
        return commonPool;
    }
}
