package dev.weft.examples.publication;

/**
 * Application settings loaded on first use (entry 10 of the catalogue): {@link BuggyLazySettings} and its
 * fix {@link LazySettings} both implement it, so that one contract test runs both.
 */
public interface Settings {

    /** The value of setting {@code name}, or {@code null} if there is none; loads on first use. */
    String get(String name);
}
