package dev.weft.examples.publication;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Application settings loaded on first use with double-checked locking — without {@code volatile}.
 * <strong>Buggy on purpose</strong>: entry 10 of the catalogue.
 *
 * <p><b>The bug.</b> A thread that calls {@link #get} while another thread is loading may see the
 * settings map already published but not yet filled — or filled only in part — and answer {@code null}
 * for a setting that exists, or fail inside {@code HashMap.get}. The window is tiny and depends on the
 * JIT and the CPU: the bug can hide for years on x86 and show up on ARM.
 *
 * <p><b>Why.</b> The fast path reads {@code settings} without a lock. The loading thread writes the
 * map's contents and then the reference, but without a happens-before edge between that write and the
 * unlocked read, the Java memory model lets the reader see the reference before the contents: the
 * compiler and the processor may reorder the plain stores. Every interleaving of whole statements is
 * fine — which is why a scheduler that explores interleavings (sequentially consistent executions)
 * cannot show this bug; jcstress, which runs the code on real hardware, can.
 *
 * <p><b>The fix.</b> {@link LazySettings}: declare the field {@code volatile}. A volatile write
 * publishes every write before it to any thread whose volatile read sees it. (For a {@code static}
 * singleton, the holder-class idiom gets the same guarantee from class initialization.)
 *
 * <p>Concurrency contract: correct for one thread; broken for several, as above.
 */
public final class BuggyLazySettings implements Settings {

    private final Supplier<Map<String, String>> loader;
    private Map<String, String> settings;

    /** Settings that {@code loader} produces on first use. */
    public BuggyLazySettings(Supplier<Map<String, String>> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The value of setting {@code name}, or {@code null} if there is none; loads on first use. */
    public String get(String name) {
        Map<String, String> current = settings;
        if (current == null) {
            synchronized (this) {
                current = settings;
                if (current == null) {
                    current = new HashMap<>(loader.get());
                    settings = current;
                }
            }
        }
        return current.get(name);
    }
}
