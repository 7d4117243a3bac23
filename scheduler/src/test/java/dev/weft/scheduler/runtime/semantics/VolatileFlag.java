package dev.weft.scheduler.runtime.semantics;

/** A flag one thread sets and another spins on (top-level: see {@link Counter}). */
final class VolatileFlag {
    volatile boolean set;
}
