package dev.weft.scheduler.agent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rewritten class files of JDK classes loaded before the agent, ready before their retransformation
 * ({@link RewriteCache}): the transformer returns them instead of rewriting the class again.
 */
final class PreparedRewrites {

    private static final ConcurrentHashMap<String, byte[]> READY = new ConcurrentHashMap<>();

    private PreparedRewrites() {}

    static void offer(Map<String, byte[]> classes) {
        READY.putAll(classes);
    }

    /** The rewritten class file prepared for {@code className} (internal form), taken once; else {@code null}. */
    static byte[] take(String className) {
        return READY.isEmpty() ? null : READY.remove(className);
    }
}
