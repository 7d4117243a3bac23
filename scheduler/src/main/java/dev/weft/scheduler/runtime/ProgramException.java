package dev.weft.scheduler.runtime;

/** Wraps a checked exception thrown by the program so that it crosses {@link Runnable#run}. */
final class ProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProgramException(Throwable cause) {
        super(cause);
    }
}
