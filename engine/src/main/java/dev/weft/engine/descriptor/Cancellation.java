package dev.weft.engine.descriptor;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.platform.engine.ExecutionRequest;

/**
 * Whether the test run was cancelled: JUnit Platform 6's {@code CancellationToken} of the execution
 * request (a launcher's fail-fast mode, an IDE's stop button), looked up at run time so that one engine
 * jar runs on Platform 1.x, which has none (there the run is never cancelled).
 */
public final class Cancellation {

    private static final Cancellation NEVER = new Cancellation(null, null);

    private final Object token;
    private final MethodHandle requested;

    private Cancellation(Object token, MethodHandle requested) {
        this.token = token;
        this.requested = requested;
    }

    /** A run that is never cancelled. */
    public static Cancellation never() {
        return NEVER;
    }

    /** The cancellation of {@code request}: its token on Platform 6 and later, else {@link #never()}. */
    public static Cancellation of(ExecutionRequest request) {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            Class<?> tokenType = Class.forName("org.junit.platform.engine.CancellationToken", false,
                    ExecutionRequest.class.getClassLoader());
            Object token = lookup.findVirtual(ExecutionRequest.class, "getCancellationToken",
                    MethodType.methodType(tokenType)).invoke(request);
            if (token == null) {
                return NEVER;
            }
            return new Cancellation(token, lookup.findVirtual(tokenType, "isCancellationRequested",
                    MethodType.methodType(boolean.class)));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return NEVER; // Platform 1.x: no cancellation
        } catch (Throwable e) {
            // the run goes on; only cancelling it would not stop a running exploration early
            System.getLogger("dev.weft.engine").log(System.Logger.Level.WARNING,
                    "weft: could not read the run's cancellation token, a cancelled run will not stop explorations early: " + e);
            return NEVER;
        }
    }

    /** Whether the run was cancelled: the engine then stops the running exploration and runs no more. */
    public boolean requested() {
        if (requested == null) {
            return false;
        }
        try {
            return (boolean) requested.invoke(token);
        } catch (Throwable e) {
            return false;
        }
    }
}
