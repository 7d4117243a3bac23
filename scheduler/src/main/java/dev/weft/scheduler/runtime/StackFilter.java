package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.InstrumentationScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Drops Weft's own frames (hooks, runtime, workers, the engine's runners) and the JVM's plumbing
 * (method handles, reflection, thread entry) from stack traces shown to users; makes an exception
 * thrown for the program start at the hook that called the runtime ({@link #startAt}).
 */
final class StackFilter {

    /** Packages of Weft's own code that runs between the user's frames and the worker's entry. */
    private static final String[] WEFT_PACKAGES = {
        "dev.weft.boot.", "dev.weft.scheduler.runtime.", "dev.weft.scheduler.race.", "dev.weft.scheduler.explore.",
        "dev.weft.scheduler.strategy.", "dev.weft.scheduler.replay.", "dev.weft.scheduler.agent.",
        "dev.weft.engine.runner.", "dev.weft.engine.execution.", "dev.weft.engine.descriptor.",
    };

    private StackFilter() {}

    /** At most {@code limit} frames of {@code stack}, Weft's own left out. */
    static List<StackTraceElement> userFrames(StackTraceElement[] stack, int limit) {
        List<StackTraceElement> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            if (hidden(frame.getClassName(), frame.getMethodName())) {
                continue;
            }
            frames.add(new StackTraceElement(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber()));
            if (frames.size() == limit) {
                break;
            }
        }
        return frames;
    }

    /**
     * Makes an exception a part threw for the program ({@code InterruptedException}, {@code
     * IllegalMonitorStateException}, …) start its stack at the hook of {@code facade} that called the
     * part, as it did when the facade threw it itself: a program, or an assertion library, that walks
     * an exception's stack takes a step per frame. Called with the worker's hooks off.
     */
    static void startAt(Class<?> facade, Throwable thrown) {
        StackTraceElement[] stack = thrown.getStackTrace();
        int first = 0;
        while (first < stack.length && !stack[first].getClassName().equals(facade.getName())) {
            first++;
        }
        if (first > 0 && first < stack.length) {
            thrown.setStackTrace(Arrays.copyOfRange(stack, first, stack.length));
        }
    }

    /** Whether a frame of this class and method is Weft's own or the JVM's plumbing, never shown. */
    static boolean hidden(String cls, String method) {
        return weft(cls)
                || cls.startsWith("java.lang.Thread") || cls.startsWith("java.lang.VirtualThread")
                || cls.startsWith("java.lang.System$") || cls.startsWith("jdk.internal.")
                || cls.startsWith("java.lang.invoke.") || cls.startsWith("java.lang.reflect.")
                || cls.equals("java.util.concurrent.locks.LockSupport") || cls.contains("$$Lambda")
                || cls.startsWith("java.lang.Object") && method.equals("wait");
    }

    /**
     * Whether a class is part of Weft's runtime or engine (not the user's code, not Weft's examples, not
     * the test programs in Weft's packages that the agent rewrites as application code).
     */
    static boolean weft(String cls) {
        if (!cls.startsWith("dev.weft.") || InstrumentationScope.isApplicationCodeInWeft(cls)) {
            return false;
        }
        for (String prefix : WEFT_PACKAGES) {
            if (cls.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a class belongs to the JDK. */
    static boolean jdk(String cls) {
        return cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("jdk.") || cls.startsWith("sun.")
                || cls.startsWith("com.sun.");
    }
}
