package dev.weft.scheduler.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Thread} objects of the threads the runtime starts itself (thread 0, and the engine's
 * threads), reused from one execution to the next: constructing a {@code Thread} costs microseconds.
 * Before reuse, the state {@code ThreadLocalRandom} keeps in a {@code Thread} is cleared, so that a
 * reused object behaves as a new one. When that state cannot be reached, every execution gets new
 * objects. Each object's identity hash depends on its number only.
 */
final class ThreadObjects {

    private static final VarHandle SEED;
    private static final VarHandle PROBE;
    private static final VarHandle SECONDARY;

    static {
        VarHandle seed = null;
        VarHandle probe = null;
        VarHandle secondary = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup());
            seed = lookup.findVarHandle(Thread.class, "threadLocalRandomSeed", long.class);
            probe = lookup.findVarHandle(Thread.class, "threadLocalRandomProbe", int.class);
            secondary = lookup.findVarHandle(Thread.class, "threadLocalRandomSecondarySeed", int.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            seed = null;
        }
        SEED = seed;
        PROBE = probe;
        SECONDARY = secondary;
    }

    private final List<Thread> objects = new ArrayList<>();
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
            objects.add(fresh(used));
        }
        Thread thread = objects.get(used++);
        SEED.set(thread, 0L);
        PROBE.set(thread, 0);
        SECONDARY.set(thread, 0);
        return thread;
    }

    private static Thread fresh(int number) {
        Thread thread = new Thread(null, null, "weft-thread-" + number, 0, false);
        // made outside any execution, and reused by every one: a hash of its own, the same in every JVM
        IdentityHashes.decide(thread, (int) (Mix.mix64(0x7EF7_0000L + number) & 0x7FFF_FFFF) | 1);
        return thread;
    }
}
