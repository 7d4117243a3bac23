package dev.weft.scheduler.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewritten class files of JDK classes loaded before the agent, ready before their retransformation
 * ({@link RewriteCache}): the transformer returns them instead of rewriting the class again.
 */
final class PreparedRewrites {

    private static final ConcurrentHashMap<String, byte[]> READY = new ConcurrentHashMap<>();
    /** JDK classes not loaded yet, rewritten for when they load. */
    private static final ConcurrentHashMap<String, byte[]> ON_LOAD = new ConcurrentHashMap<>();
    /** JDK classes this JVM rewrote as they loaded, for the cache (see {@link RewriteCache#saveLoaded}). */
    private static final java.util.Set<String> LOADED = ConcurrentHashMap.newKeySet();
    private static volatile boolean noting;
    private static final java.util.concurrent.atomic.AtomicInteger TAKEN_ON_LOAD = new java.util.concurrent.atomic.AtomicInteger();

    private PreparedRewrites() {}

    static void offer(Map<String, byte[]> classes) {
        READY.putAll(classes);
    }

    static void offerOnLoad(Map<String, byte[]> classes) {
        ON_LOAD.putAll(classes);
    }

    /** Starts noting the JDK classes rewritten as they load. */
    static void noteLoaded() {
        noting = true;
    }

    /** The rewritten class file for a JDK class being loaded, taken once; else {@code null} (and the class is noted). */
    static byte[] takeOnLoad(String className) {
        byte[] ready = ON_LOAD.isEmpty() ? null : ON_LOAD.remove(className);
        if (ready == null && noting) {
            LOADED.add(className);
        } else if (ready != null) {
            TAKEN_ON_LOAD.incrementAndGet();
        }
        return ready;
    }

    /** How many classes came rewritten from the cache as they loaded. */
    static int takenOnLoad() {
        return TAKEN_ON_LOAD.get();
    }

    /** The JDK classes rewritten as they loaded so far (not from the cache). */
    static java.util.Set<String> loaded() {
        return new java.util.TreeSet<>(LOADED);
    }

    /** The rewritten class file prepared for {@code className} (internal form), taken once; else {@code null}. */
    static byte[] take(String className) {
        return READY.isEmpty() ? null : READY.remove(className);
    }
}
