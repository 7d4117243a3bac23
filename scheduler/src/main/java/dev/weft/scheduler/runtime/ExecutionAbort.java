package dev.weft.scheduler.runtime;

/**
 * Unwinds a managed thread whose execution is over (a verdict was reached elsewhere). An
 * {@link Error} so that ordinary {@code catch (Exception e)} blocks let it through.
 */
final class ExecutionAbort extends Error {
    private static final long serialVersionUID = 1L;

    ExecutionAbort() {
        super("weft: execution aborted", null, false, false);
    }
}
