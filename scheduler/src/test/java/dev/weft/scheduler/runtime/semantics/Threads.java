package dev.weft.scheduler.runtime.semantics;

/** Starting threads in the semantics programs. */
final class Threads {

    private Threads() {}

    /** A started thread running {@code body}. */
    static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }

    /** Runs {@code first} and {@code second} in two started threads and waits for both to end. */
    static void runBoth(Runnable first, Runnable second) throws InterruptedException {
        Thread a = start(first);
        Thread b = start(second);
        a.join();
        b.join();
    }

    /** A runnable that may throw a checked exception, rethrown unchecked. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** A started thread running {@code body}, a checked exception rethrown as an {@link AssertionError}. */
    static Thread startChecked(Body body) {
        return start(() -> {
            try {
                body.run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
