package dev.weft.scheduler.runtime;

import java.lang.reflect.Field;

/**
 * The task of a virtual thread that was created but not started (JDK 21+). A virtual thread's
 * {@code run()} does nothing: the JDK wraps its task in the continuation it mounts on a carrier. Weft
 * runs the task itself, as a logical thread, so it reads it from there: {@code VirtualThread.cont}, that
 * continuation's {@code target} (the JDK's wrapper), and the {@code Runnable} the wrapper captured. These
 * are the JDK's private fields ({@code java.lang} and {@code jdk.internal.vm} are opened to Weft by its
 * agent); when they cannot be read, {@link #taskOf} returns {@code null} and says why.
 */
final class VirtualThreadTasks {

    private static final Class<?> VIRTUAL = classOrNull("java.lang.VirtualThread");
    private static final Field CONTINUATION;
    private static final Field TARGET;
    private static final String UNAVAILABLE;

    static {
        Field continuation = null;
        Field target = null;
        String unavailable = null;
        if (VIRTUAL != null) {
            try {
                continuation = VIRTUAL.getDeclaredField("cont");
                continuation.setAccessible(true);
                target = Class.forName("jdk.internal.vm.Continuation").getDeclaredField("target");
                target.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                unavailable = e.toString();
            }
        }
        CONTINUATION = continuation;
        TARGET = target;
        UNAVAILABLE = unavailable;
    }

    private VirtualThreadTasks() {}

    private static Class<?> classOrNull(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    static boolean isVirtual(Thread thread) {
        return VIRTUAL != null && VIRTUAL.isInstance(thread);
    }

    /** The task of an unstarted virtual thread, or {@code null} when this JDK hides it (see {@link #unavailableReason}). */
    static Runnable taskOf(Thread thread) {
        if (CONTINUATION == null) {
            return null;
        }
        try {
            Object wrapper = TARGET.get(CONTINUATION.get(thread));
            for (Field field : wrapper.getClass().getDeclaredFields()) {
                if (field.getType() == Runnable.class) {
                    field.setAccessible(true);
                    return (Runnable) field.get(wrapper);
                }
            }
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Why a virtual thread's task cannot be read on this JDK. */
    static String unavailableReason() {
        return UNAVAILABLE != null ? UNAVAILABLE : "the JDK's wrapper of the task has no Runnable field";
    }
}
