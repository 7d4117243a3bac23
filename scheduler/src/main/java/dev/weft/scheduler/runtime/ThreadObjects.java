package dev.weft.scheduler.runtime;

import dev.weft.scheduler.strategy.SeedMix;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Thread} objects of the threads the runtime starts itself (thread 0, and the engine's
 * threads), reused from one execution to the next: constructing a {@code Thread} costs microseconds.
 * Before reuse, everything a program can see or change in a {@code Thread} is put back as a new one
 * has it: its thread-locals (inheritable ones too), name, priority, daemon flag (off), interrupt
 * status, uncaught-exception handler, context class loader, and the state {@code ThreadLocalRandom}
 * keeps in it. When that state cannot be reached, every execution gets new objects. Each object's
 * identity hash depends on its number only.
 */
final class ThreadObjects {

    private static final VarHandle SEED;
    private static final VarHandle PROBE;
    private static final VarHandle SECONDARY;
    private static final VarHandle LOCALS;
    private static final VarHandle INHERITABLE_LOCALS;
    private static final VarHandle INTERRUPTED;
    /**
     * {@code Thread.name}: {@code setName} is {@code synchronized} on the thread object (JDK 17), a
     * monitor the program may hold, and the runtime never takes a program's monitor on a thread of its own.
     */
    private static final VarHandle NAME;

    static {
        VarHandle seed = null;
        VarHandle probe = null;
        VarHandle secondary = null;
        VarHandle locals = null;
        VarHandle inheritable = null;
        VarHandle interrupted = null;
        VarHandle name = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            seed = lookup.findVarHandle(Thread.class, "threadLocalRandomSeed", long.class);
            probe = lookup.findVarHandle(Thread.class, "threadLocalRandomProbe", int.class);
            secondary = lookup.findVarHandle(Thread.class, "threadLocalRandomSecondarySeed", int.class);
            Class<?> map = Class.forName("java.lang.ThreadLocal$ThreadLocalMap");
            locals = lookup.findVarHandle(Thread.class, "threadLocals", map);
            inheritable = lookup.findVarHandle(Thread.class, "inheritableThreadLocals", map);
            interrupted = lookup.findVarHandle(Thread.class, "interrupted", boolean.class);
            name = lookup.findVarHandle(Thread.class, "name", String.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            seed = null;
            name = null;
        }
        SEED = seed;
        PROBE = probe;
        SECONDARY = secondary;
        LOCALS = locals;
        INHERITABLE_LOCALS = inheritable;
        INTERRUPTED = interrupted;
        NAME = name;
    }

    private final List<Thread> objects = new ArrayList<>();
    private final List<ClassLoader> loaders = new ArrayList<>();
    private int used;

    /** Starts handing out objects from the first again; called before each execution. */
    void reset() {
        used = 0;
    }

    Thread next() {
        if (SEED == null) {
            return fresh(used++);
        }
        if (used == objects.size()) {
            Thread thread = fresh(used);
            objects.add(thread);
            loaders.add(thread.getContextClassLoader());
        }
        int number = used++;
        Thread thread = objects.get(number);
        SEED.set(thread, 0L);
        PROBE.set(thread, 0);
        SECONDARY.set(thread, 0);
        LOCALS.set(thread, null);
        INHERITABLE_LOCALS.set(thread, null);
        INTERRUPTED.set(thread, false);
        String name = "weft-thread-" + number;
        if (!thread.getName().equals(name)) {
            NAME.setVolatile(thread, name); // the thread was never started: no native name to set
        }
        if (thread.getPriority() != Thread.NORM_PRIORITY) {
            thread.setPriority(Thread.NORM_PRIORITY);
        }
        if (thread.isDaemon()) {
            thread.setDaemon(false);
        }
        if (thread.getContextClassLoader() != loaders.get(number)) {
            thread.setContextClassLoader(loaders.get(number));
        }
        if (thread.getUncaughtExceptionHandler() != thread.getThreadGroup()) {
            thread.setUncaughtExceptionHandler(null);
        }
        return thread;
    }

    /** A thread as a program's main thread is: not a daemon, normal priority, no thread-locals. */
    private static Thread fresh(int number) {
        Thread thread = new Thread(null, null, "weft-thread-" + number, 0, false);
        thread.setDaemon(false);
        thread.setPriority(Thread.NORM_PRIORITY);
        // made outside any execution, and reused by every one: a hash of its own, the same in every JVM
        IdentityHashes.decide(thread, (int) (SeedMix.mix64(0x7EF7_0000L + number) & 0x7FFF_FFFF) | 1);
        return thread;
    }
}
