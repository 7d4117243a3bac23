package dev.weft.engine.execution;

/**
 * The explorer used when no controlled runtime is on the class path: it fails every test, because a
 * test that was never explored must not pass.
 */
public final class UnavailableExplorer implements Explorer {

    /** The start of the message every test fails with. */
    public static final String MESSAGE_PREFIX = "weft runtime not available: ";

    private final String reason;

    /** An explorer that fails every test with the given reason. */
    public UnavailableExplorer(String reason) {
        this.reason = reason;
    }

    @Override
    public ExplorationResult explore(TestPlan plan, ExplorationListener listener) {
        throw new RuntimeUnavailableException(MESSAGE_PREFIX + reason + " (" + plan.identity().displayName()
                + " was discovered and validated but not explored)");
    }

    /** Thrown for every test explored without a runtime. */
    public static final class RuntimeUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RuntimeUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
