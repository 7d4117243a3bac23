package dev.weft.engine.descriptor;

/**
 * Fails a test in which Weft found a bug; the message is the whole failure report. It has no stack
 * trace: the engine's own frames would say nothing, and the report already says where.
 */
public final class ConcurrencyTestFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** The failure with the given report. */
    public ConcurrencyTestFailure(String report) {
        super(report);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
