package dev.weft.boot;

/**
 * What instrumented code reports to the runtime. Called only on an active {@link WorkerState}.
 * Sites are integers assigned at instrumentation time; the runtime maps them to source locations.
 */
public abstract class RuntimeHooks {

    public abstract void read(Object owner, int site);

    public abstract void write(Object owner, int site);

    public abstract void arrayRead(Object array, int index, int site);

    public abstract void arrayWrite(Object array, int index, int site);

    public abstract void readValue(Object value, int site);

    public abstract void readValue(long value, int site);

    public abstract void writeValue(Object owner, Object value, int site);

    public abstract void writeValue(Object owner, long value, int site);

    /** An atomic operation; {@code owner} approximates the object it synchronizes on (see {@link MemoryHooks#atomic}). */
    public abstract void atomic(Object owner, int site);

    /** Entry into a public method of a non-thread-safe {@code java.util} collection; not a scheduling point. */
    public abstract void collectionEnter(Object collection, int site);

    /** Exit from such a method, on every path (normal return or exception). */
    public abstract void collectionExit(Object collection, int site);

    public abstract void monitorEnter(Object monitor, int site);

    public abstract void monitorExit(Object monitor, int site);

    public abstract void syncMethodEnter(Object monitor, int site);

    public abstract void syncMethodExit(Object monitor, int site);

    public abstract void waitOn(Object monitor, long millis, int site) throws InterruptedException;

    public abstract void notify(Object monitor, boolean all, int site);

    public abstract void park(Object blocker, long nanos, boolean absolute, int site);

    public abstract void unpark(Thread thread, int site);

    public abstract void threadStart(Thread thread, int site);

    public abstract void join(Thread thread, long millis, int site) throws InterruptedException;

    public abstract Thread currentThread();

    public abstract void sleep(long millis, int site) throws InterruptedException;

    public abstract void yield(int site);

    public abstract void onSpinWait(int site);

    public abstract void interrupt(Thread thread, int site);

    public abstract boolean isInterrupted(Thread thread, boolean clear);

    public abstract boolean isAlive(Thread thread);

    /** {@code thread.getState()} as the runtime models it. */
    public abstract Thread.State threadState(Thread thread, int site);

    public abstract long nanoTime();

    public abstract long currentTimeMillis();

    /** The virtual wall clock in nanoseconds since the epoch ({@link #currentTimeMillis()} in nanoseconds). */
    public abstract long epochNanos();

    public abstract int identityHashCode(Object object);

    /** {@code object.hashCode()}, made deterministic for objects that use the identity hash. */
    public abstract int hashCode(Object object);

    public abstract long randomSeed();

    /** A loop's back edge in application code, on a thread that may have to unwind (see {@link WorkerState#unwinding}). */
    public abstract void backEdge();

    /**
     * The program called {@code System.exit}, {@code Runtime.exit} or ({@code halt}) {@code Runtime.halt}
     * with {@code status} on this thread: ends the execution with that verdict and unwinds the thread
     * (never returns normally).
     */
    public abstract void exit(int status, boolean halt);
    /**
     * Told of anything a hook of the runtime threw, before it reaches the program (which may catch
     * it): the runtime's own failures must not let an execution pass.
     */
    public abstract void raised(Throwable thrown);

    /** The execution's own stand-in for the common {@code ForkJoinPool} {@code common}. */
    public abstract Object commonPool(Object common);
}
