package dev.weft.examples.publication;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Application settings loaded on first use with double-checked locking on a {@code volatile} field:
 * the fix of {@link BuggyLazySettings} (entry 10 of the catalogue).
 *
 * <p>The map is built completely, then published with one volatile write. A thread whose unlocked
 * volatile read sees the reference also sees every write made before it — the whole map. The lock only
 * makes sure {@code loader} runs once. The local variable keeps the fast path at one volatile read.
 *
 * <p>Concurrency contract: safe for any number of threads; {@code loader} runs at most once (again if
 * it threw). Limits: the settings are never reloaded. For a {@code static} singleton the holder-class
 * idiom ({@code private static class Holder { static final Map<…> SETTINGS = load(); }}) is simpler
 * still.
 */
public final class LazySettings implements Settings {

    private final Supplier<Map<String, String>> loader;
    private volatile Map<String, String> settings;

    /** Settings that {@code loader} produces on first use. */
    public LazySettings(Supplier<Map<String, String>> loader) {
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
