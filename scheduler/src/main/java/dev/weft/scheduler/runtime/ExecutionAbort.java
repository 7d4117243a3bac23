package dev.weft.scheduler.runtime;

/**
 * Unwinds a managed thread whose execution is over (a verdict was reached elsewhere). An
 * {@link Error} so that ordinary {@code catch (Exception e)} blocks let it through. Threads unwind one
 * at a time, each while the runtime runs it, and every scheduling point they reach throws this again,
 * so {@code finally} blocks change nothing Weft sees. Code that catches {@code Throwable} and logs it
 * (Caffeine's maintenance does) may log it once: its message says what it is.
 */
final class ExecutionAbort extends Error {
    private static final long serialVersionUID = 1L;

    ExecutionAbort() {
        super("weft: this execution already has its verdict and its threads are unwinding (not an error of the program)",
                null, false, false);
    }
}
