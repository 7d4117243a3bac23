package dev.weft.scheduler.runtime;

/**
 * The uncaught-exception handler of the program's that the JVM would call for a thread whose
 * {@code run()} threw: the thread's own ({@code setUncaughtExceptionHandler}), else its thread group
 * when the group's class overrides {@code uncaughtException}, else the default handler
 * ({@code Thread.setDefaultUncaughtExceptionHandler}). A plain {@code ThreadGroup} only prints the stack,
 * which is no handler of the program's: the exception is then a verdict.
 */
final class UncaughtHandlers {

    private UncaughtHandlers() {}

    /** The handler the program gave {@code thread}'s uncaught exceptions, or {@code null}. */
    static Thread.UncaughtExceptionHandler of(Thread thread) {
        Thread.UncaughtExceptionHandler handler = thread.getUncaughtExceptionHandler();
        if (handler != null && !(handler instanceof ThreadGroup)) {
            return handler;
        }
        if (handler instanceof ThreadGroup group && overridesUncaughtException(group.getClass())) {
            return group;
        }
        return Thread.getDefaultUncaughtExceptionHandler();
    }

    /** How the note names where the exception went. */
    static String describe(Thread thread, Thread.UncaughtExceptionHandler handler) {
        if (handler == thread.getUncaughtExceptionHandler() && !(handler instanceof ThreadGroup)) {
            return "its uncaught-exception handler (setUncaughtExceptionHandler)";
        }
        if (handler instanceof ThreadGroup group) {
            return "its thread group's uncaughtException (" + group.getClass().getName() + ")";
        }
        return "the default uncaught-exception handler (Thread.setDefaultUncaughtExceptionHandler)";
    }

    private static boolean overridesUncaughtException(Class<?> type) {
        for (Class<?> c = type; c != null && c != ThreadGroup.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("uncaughtException", Thread.class, Throwable.class);
                return true;
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return false;
    }
}
