package dev.weft.scheduler.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.runtime.ControlledRuntime;
import dev.weft.scheduler.runtime.ExecutionOptions;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.strategy.Strategy;
import java.io.InputStream;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** The kind of worker threads, and a worker that must wait where a virtual thread stays pinned. */
class WorkersTest {

    @Test
    void workers_byDefault_areVirtualFromJdk24AndPlatformBefore() {
        String expected = Runtime.version().feature() >= 24 ? "virtual threads on weft's carrier" : "platform threads";
        assertThat(ControlledRuntime.get().workerKind()).isEqualTo(expected);
    }

    /** Shared by every copy of {@link LockingInitializer}. */
    public static final class Gate {
        public static final ReentrantLock LOCK = new ReentrantLock();
        public static volatile boolean held;
        public static volatile boolean initializing;
    }

    /** Its initializer takes {@link Gate#LOCK}; a fresh copy is loaded for every execution. */
    public static final class LockingInitializer {
        static {
            Gate.initializing = true;
            Gate.LOCK.lock();
            Gate.LOCK.unlock();
        }
    }

    /**
     * The main thread initializes a class whose initializer waits for a lock another thread holds. A
     * virtual thread waiting inside a class initializer stays pinned to its carrier; the lock holder
     * must still run (on another carrier) and nothing may hang. Deterministic: the holder takes the
     * lock first and lets it go only once the initializer is waiting.
     */
    @Test
    void waitInsideClassInitializer_holderRuns_executionPasses() throws Exception {
        String name = LockingInitializer.class.getName();
        byte[] bytes;
        try (InputStream in = WorkersTest.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            bytes = in.readAllBytes();
        }
        Strategy strategy = TestStrategies.random(7);
        for (int execution = 0; execution < 20; execution++) {
            strategy.beginExecution(execution);
            ExecutionResult result = ControlledRuntime.get().execute(() -> {
                Gate.held = false;
                Gate.initializing = false;
                Thread holder = new Thread(() -> {
                    Gate.LOCK.lock();
                    Gate.held = true;
                    while (!Gate.initializing) {
                        Thread.onSpinWait();
                    }
                    Gate.LOCK.unlock();
                });
                holder.start();
                while (!Gate.held) {
                    Thread.onSpinWait();
                }
                Class.forName(name, true, new FreshCopy(name, bytes));
                holder.join();
            }, strategy, ExecutionOptions.of(execution));
            strategy.endExecution();
            assertThat(result.outcome()).as("execution %d", execution).isInstanceOf(Outcome.Passed.class);
        }
    }

    /** Defines its own copy of one class, so that its initializer runs again. */
    private static final class FreshCopy extends ClassLoader {
        private final String name;
        private final byte[] bytes;

        FreshCopy(String name, byte[] bytes) {
            super(WorkersTest.class.getClassLoader());
            this.name = name;
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (className.equals(name)) {
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : defineClass(className, bytes, 0, bytes.length);
                }
            }
            return super.loadClass(className, resolve);
        }
    }
}
