package dev.weft.scheduler.runtime;

import dev.weft.scheduler.agent.WeftAgent;
import dev.weft.scheduler.strategy.Strategy;

/**
 * Runs programs under Weft's control, one execution at a time per JVM.
 *
 * <p>Contract: in an execution exactly one managed thread runs at a time; every scheduling point
 * asks the given {@link Strategy} who runs next; the same strategy decisions and seed give the same
 * execution, event for event, in any JVM of the same JDK feature version. Limits: executions are
 * sequentially consistent (memory-model reorderings need jcstress); native code, GC-driven reference
 * queues and threads started outside instrumented code are not controlled; a synchronized method of
 * a class that was already loaded when the agent attached runs without preemption inside (its
 * monitor is still modelled).
 */
public final class ControlledRuntime {

    private static volatile ControlledRuntime instance;

    // Created only after the agent is installed: the controller's classes link against the hook
    // classes, which must come from the bootstrap class path.
    private final Controller controller;

    private ControlledRuntime(Controller controller) {
        this.controller = controller;
    }

    /**
     * The runtime of this JVM, installing the agent first if it is not active.
     *
     * @throws IllegalStateException when the agent cannot be installed, with the reason and the remedy
     */
    public static ControlledRuntime get() {
        ControlledRuntime runtime = instance;
        if (runtime == null) {
            synchronized (ControlledRuntime.class) {
                runtime = instance;
                if (runtime == null) {
                    try {
                        RuntimeSettings.process().validate();
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                    WeftAgent.ensureInstalled();
                    requireBootstrapHooks();
                    runtime = new ControlledRuntime(new Controller());
                    instance = runtime;
                }
            }
        }
        return runtime;
    }

    /**
     * Instrumented JDK classes call the hook classes of the bootstrap loader; if this class loader
     * resolves its own copy, the runtime would never hear from them and explore nothing.
     */
    private static void requireBootstrapHooks() {
        ClassLoader loader = ControlledRuntime.class.getClassLoader();
        try {
            Class<?> hooks = Class.forName("dev.weft.boot.MemoryHooks", false, loader);
            if (hooks.getClassLoader() != null) {
                throw new IllegalStateException("weft's hook classes were loaded by " + hooks.getClassLoader()
                        + " instead of the bootstrap class loader, so instrumented JDK classes would not reach the runtime;"
                        + " run the tests in a JVM of their own (Surefire's default fork) whose class loaders delegate to their parent first");
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("weft's hook classes are missing: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one execution of {@code program} on managed thread 0. The caller drives the strategy's
     * execution lifecycle ({@link Strategy#beginExecution}, {@link Strategy#endExecution}).
     *
     * @throws IllegalStateException if some classes could not be instrumented (the execution would
     *     silently miss interleavings) or if called from a managed thread
     */
    public ExecutionResult execute(Program program, Strategy strategy, ExecutionOptions options) {
        return controller.execute(program, strategy, options);
    }

    /**
     * Runs {@code exploration} — a loop of {@link #execute} calls — on the runtime's driver thread,
     * which then also runs thread 0 of each execution itself (a virtual thread on Weft's carrier when
     * workers are virtual threads). The caller waits and watches.
     *
     * @throws ExecutionStuckException when thread 0 of an execution got stuck outside Weft's control;
     *     the exploration cannot go on (its verdict is in the exception)
     */
    public <T> T explore(java.util.function.Supplier<T> exploration) {
        return controller.onDriver(exploration);
    }

    /**
     * Runs {@code work}, which runs executions on the calling thread (replays), then puts the
     * application's statics back as they were: executions reset them to a fresh JVM's
     * ({@link FreshStatics}); code outside the executions keeps what it had. {@link #explore} does the
     * same.
     */
    public <T> T keepingStatics(java.util.function.Supplier<T> work) {
        return controller.keepingStatics(work);
    }

    /** Workers given up on because they were stuck outside Weft's control. */
    public int leakedWorkers() {
        return controller.leakedWorkers();
    }

    /** Worker threads created so far (they are reused across executions). */
    public int workersCreated() {
        return controller.workersCreated();
    }

    /**
     * What the workers are: {@code "virtual threads on weft's carrier"} (JDK 24 and later by default) or
     * {@code "platform threads"}; chosen once with {@code -Dweft.workers=auto|virtual|platform}.
     */
    public String workerKind() {
        return controller.workerKind();
    }
}
