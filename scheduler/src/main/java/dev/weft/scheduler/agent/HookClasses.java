package dev.weft.scheduler.agent;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The classes of {@code dev.weft.boot} that instrumented code calls, and which one declares each
 * hook: the one place the agent learns a hook's owner from, whether it emits a call, a method
 * handle or a trampoline.
 */
final class HookClasses {

    /** Field and array accesses, atomics, non-thread-safe collections: the hot path. */
    static final String MEMORY = "dev/weft/boot/MemoryHooks";
    /** Monitors, {@code wait}/{@code notify}, parking. */
    static final String SYNC = "dev/weft/boot/SyncHooks";
    /** {@code Thread}: start, join, sleep, yield, interrupts, state. */
    static final String THREADS = "dev/weft/boot/ThreadHooks";
    /** Clocks, identity hash codes, seeds, the common pool. */
    static final String DETERMINISM = "dev/weft/boot/DeterminismHooks";
    /** Regions without preemption, class initializers, back edges, exit, static state. */
    static final String BOUNDARIES = "dev/weft/boot/BoundaryHooks";

    /** The classes that declare hooks; their calls into the runtime go through trampolines ({@link HookTrampolines}). */
    static final List<String> ALL = List.of(MEMORY, SYNC, THREADS, DETERMINISM, BOUNDARIES);

    private static final Map<String, String> OWNERS = new HashMap<>();

    static {
        declare(MEMORY, "read", "write", "writeValue", "arrayRead", "arrayWrite", "readValue", "atomic", "collectionEnter",
                "collectionExit");
        declare(SYNC, "monitorEnter", "monitorExit", "syncMethodEnter", "syncMethodExit", "waitOn", "notify", "notifyAll",
                "park", "parkNanos", "parkUntil", "unsafePark", "unsafeUnpark", "unpark", "waitRef", "notifyRef",
                "notifyAllRef", "parkRef", "parkNanosRef", "parkUntilRef", "unparkRef");
        declare(THREADS, "start", "startInContainer", "builderStart", "startVirtualThread", "startWithAccess", "join",
                "joinFor", "currentThread", "sleep", "yield", "onSpinWait", "interrupt", "isInterrupted", "interrupted",
                "isAlive", "getState", "startRef", "joinRef", "interruptRef", "sleepRef", "yieldRef", "onSpinWaitRef");
        declare(DETERMINISM, "nanoTime", "currentTimeMillis", "nanoTimeAdjustment", "identityHashCode", "hashCode",
                "commonPool", "randomSeed");
        declare(BOUNDARIES, "backEdge", "staticsInitialized", "beforeExit", "atomicBegin", "atomicEnd", "quietBegin",
                "quietEnd", "classInitBegin", "classInitEnd");
    }

    private HookClasses() {}

    private static void declare(String owner, String... hooks) {
        for (String hook : hooks) {
            if (OWNERS.put(hook, owner) != null) {
                throw new IllegalStateException("hook " + hook + " is declared twice");
            }
        }
    }

    /** The internal name of the class that declares the hook {@code name} (every overload of it). */
    static String owner(String name) {
        String owner = OWNERS.get(name);
        if (owner == null) {
            throw new IllegalArgumentException("no hook is named " + name);
        }
        return owner;
    }

    /** A call of the hook {@code name} with {@code descriptor}, for code built as a tree. */
    static MethodInsnNode call(String name, String descriptor) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, owner(name), name, descriptor, false);
    }

    /** Every hook's name with its owner, for tests. */
    static Map<String, String> owners() {
        return Map.copyOf(OWNERS);
    }
}
