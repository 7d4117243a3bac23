package dev.weft.boot;

/**
 * A worker thread of the controlled runtime. Instrumented code checks {@code instanceof
 * ManagedThread} first: on every other thread a hook costs that check and nothing more.
 */
public class ManagedThread extends Thread {

    /** The runtime serving this worker's current execution; {@code null} when idle. */
    public RuntimeHooks hooks;

    /**
     * Whether hooks are live on this thread. Cleared while the runtime itself runs on the thread
     * (so that the runtime never re-enters its own hooks) and between executions.
     */
    public boolean active;

    /** Nesting depth of synchronized methods of retransformed classes: no switch inside them. */
    public int atomicDepth;

    public ManagedThread(Runnable body, String name) {
        super(null, body, name, 0, false);
        setDaemon(true);
    }
}
