package dev.weft.scheduler.runtime;

/**
 * Thread 0 of an execution run on the exploration's driver thread got stuck outside Weft's control
 * (blocked inside the JVM, or running without reaching a scheduling point): the exploration cannot go
 * on on that thread. Carries the verdict the watching thread reached.
 */
public final class ExecutionStuckException extends RuntimeException {

    private final transient Outcome outcome;

    ExecutionStuckException(Outcome outcome) {
        super(outcome.headline(), null, false, false);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
