package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.WeftAgent;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Workers as virtual threads whose scheduler is this executor: their continuations run on a carrier
 * thread of Weft's own, so a handoff from one worker to the next is an unmount and a mount on the same
 * OS thread — no OS wake-up, no second core, and no dependence on how busy the machine is.
 *
 * <p>Exactly one worker has the turn at a time, so one carrier serves them all. A worker that must
 * wait while its continuation is pinned (inside a class initializer or a native frame; inside any
 * {@code synchronized} block before JDK 24) keeps its carrier blocked; before it waits, it calls
 * {@link #beforeBlocking()}, which makes sure another carrier serves the queue. The virtual-thread
 * scheduler is not a public API of the JDK: this class reaches it through the agent (which opens
 * {@code java.lang} and {@code jdk.internal.vm} to Weft) and {@link #create()} returns {@code null}, with
 * the reason in {@link #unavailableReason()}, when that fails.
 */
final class VirtualWorkers implements Executor {

    private static volatile String unavailableReason = "not tried";

    private final Constructor<?> builderConstructor;
    private final Method name;
    private final Method unstarted;
    private final Class<?> virtualThreadClass;
    private final MethodHandle isPinned;

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedDeque<Thread> parked = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleSpinning = new AtomicInteger();
    /** Carriers not parked: running a task or looking for one. */
    private final AtomicInteger awake = new AtomicInteger();
    private final AtomicInteger carriers = new AtomicInteger();

    private VirtualWorkers(Constructor<?> builderConstructor, Method name, Method unstarted, Class<?> virtualThreadClass,
            MethodHandle isPinned) {
        this.builderConstructor = builderConstructor;
        this.name = name;
        this.unstarted = unstarted;
        this.virtualThreadClass = virtualThreadClass;
        this.isPinned = isPinned;
    }

    /** Virtual workers, or {@code null} when this JDK does not allow them (see {@link #unavailableReason()}). */
    static VirtualWorkers create() {
        if (Runtime.version().feature() < 21) {
            unavailableReason = "virtual threads need JDK 21 or later, this is JDK " + Runtime.version().feature();
            return null;
        }
        try {
            Module base = Object.class.getModule();
            Module weft = VirtualWorkers.class.getModule();
            WeftAgent.ensureInstalled().redefineModule(base, Set.of(), Map.of("jdk.internal.vm", Set.of(weft)),
                    Map.of("java.lang", Set.of(weft), "jdk.internal.vm", Set.of(weft)), Set.of(), Map.of());
            Class<?> builder = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
            Constructor<?> constructor = builder.getDeclaredConstructor(Executor.class);
            constructor.setAccessible(true);
            Method name = builder.getMethod("name", String.class);
            name.setAccessible(true);
            Method unstarted = builder.getMethod("unstarted", Runnable.class);
            unstarted.setAccessible(true);
            Class<?> virtualThread = Class.forName("java.lang.VirtualThread");
            Method scopeMethod = virtualThread.getDeclaredMethod("continuationScope");
            scopeMethod.setAccessible(true);
            Object scope = scopeMethod.invoke(null);
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            Method pinned = Class.forName("jdk.internal.vm.Continuation").getMethod("isPinned", scopeClass);
            pinned.setAccessible(true);
            MethodHandle isPinned = MethodHandles.lookup().unreflect(pinned).bindTo(scope)
                    .asType(MethodType.methodType(boolean.class));
            unavailableReason = null;
            return new VirtualWorkers(constructor, name, unstarted, virtualThread, isPinned);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailableReason = "this JDK's virtual-thread scheduler could not be reached (" + e + ")";
            return null;
        }
    }

    /** Why {@link #create()} returned {@code null}, or {@code null} after it succeeded. */
    static String unavailableReason() {
        return unavailableReason;
    }

    /** An unstarted virtual thread scheduled on Weft's carriers. */
    Thread newThread(String threadName, Runnable body) {
        try {
            Object builder = builderConstructor.newInstance(this);
            name.invoke(builder, threadName);
            return (Thread) unstarted.invoke(builder, body);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("weft could not create a virtual worker thread: " + e, e);
        }
    }

    /**
     * Schedules a continuation. From a worker (which is about to unmount: it hands off and waits) the
     * carrier it runs on picks the task up next; from any other thread a carrier is woken.
     */
    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (awake.get() == 0 && Thread.currentThread().getClass() != virtualThreadClass) {
            // a carrier that is awake (running a task or looking for one) polls the queue next; waking
            // a second one would make two OS threads take turns at the queue
            wakeCarrier();
        }
    }

    /** Called by a worker before it waits: a pinned worker keeps its carrier, so another one must serve. */
    void beforeBlocking() {
        boolean pinned;
        try {
            pinned = (boolean) isPinned.invokeExact();
        } catch (Throwable e) {
            pinned = true;
        }
        if (pinned) {
            wakeCarrier();
        }
    }

    /**
     * The controller's safety net, called when an execution made no progress for a while: a worker
     * stuck where Weft could not see it pinned would otherwise leave queued workers without a carrier.
     */
    void nudge() {
        if (!queue.isEmpty()) {
            wakeCarrier();
        }
    }

    /** Wakes a parked carrier unless one is looking for work already; starts one when none is free. */
    private void wakeCarrier() {
        if (idleSpinning.get() > 0) {
            return;
        }
        awake.incrementAndGet(); // the carrier woken or started below
        Thread carrier = parked.pollFirst();
        if (carrier != null) {
            LockSupport.unpark(carrier);
        } else {
            Thread thread = new Thread(null, this::carry, "weft-carrier-" + carriers.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void carry() {
        Thread me = Thread.currentThread();
        while (true) {
            Runnable task = queue.poll();
            if (task != null) {
                task.run();
                continue;
            }
            idleSpinning.incrementAndGet();
            // one carrier serves the workers; a second one, woken for a pinned worker or by the
            // controller's nudge, parks as soon as it runs out of work instead of competing for it
            boolean work = awake.get() <= 1 ? Handoffs.await(() -> !queue.isEmpty()) : !queue.isEmpty();
            if (!work) {
                parked.addFirst(me);
            }
            idleSpinning.decrementAndGet();
            if (!work) {
                awake.decrementAndGet();
                if (queue.isEmpty()) {
                    LockSupport.park(this);
                }
                if (parked.remove(me)) {
                    awake.incrementAndGet(); // not woken through wakeCarrier (which counts it awake)
                }
            }
        }
    }
}
