package dev.weft.examples.counters;

/**
 * Named counters that threads create and increment (entry 2 of the catalogue): {@link BuggyCounterStore}
 * and its fix {@link CounterStore} both implement it, so that one contract test runs both.
 */
public interface Counters {

    /** Creates the counter at zero; returns {@code true} if this call created it. */
    boolean register(String name);

    /** Adds one to the counter, creating it if absent; returns the new count. */
    long increment(String name);

    /** The current count, zero for an unknown counter. */
    long count(String name);
}
