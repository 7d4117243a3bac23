package dev.weft.scheduler.agent;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which classes the agent rewrites, and how.
 *
 * <ul>
 *   <li>{@link Mode#FULL}: application classes, and the JDK's collections and
 *       {@code java.util.concurrent}: every shared access and synchronization action becomes a
 *       scheduling point.
 *   <li>{@link Mode#ATOMIC_ENTRIES}: a few JDK infrastructure methods (class loading, call-site
 *       linkage, stack-trace printing) run without preemption, so that a switch never happens while
 *       the thread holds a JVM lock that the runtime does not model.
 *   <li>{@link Mode#LIBRARY}: test libraries that run inside executions without being explored
 *       (mocking, assertions, logging): their class initializers and the code they run holding a
 *       monitor of their own run without preemption, since the runtime does not see those monitors
 *       and a switch there would leave another thread blocked on one (or report a race their lock
 *       prevents).
 *   <li>{@link Mode#HASH_CALLS}: {@code java.util.Objects} and {@code java.util.Arrays}, whose
 *       {@code hashCode()} calls on the program's objects ({@code Objects.hash}, {@code Arrays.hashCode})
 *       go through the runtime, as in instrumented code, and nothing else.
 *   <li>{@link Mode#NONE}: everything else, including Weft itself and the test tooling.
 * </ul>
 */
final class InstrumentationScope {

    enum Mode { NONE, FULL, ATOMIC_ENTRIES, LIBRARY, HASH_CALLS }

    /** Top-level {@code java.util} classes (and their nested classes) that are rewritten. */
    private static final List<String> JAVA_UTIL = List.of(
            "AbstractCollection", "AbstractList", "AbstractMap", "AbstractQueue", "AbstractSequentialList",
            "AbstractSet", "ArrayDeque", "ArrayList", "Collections", "EnumMap", "HashMap", "HashSet", "Hashtable",
            "IdentityHashMap", "LinkedHashMap", "LinkedHashSet", "LinkedList", "PriorityQueue", "Random",
            "SplittableRandom", "Stack", "TreeMap", "TreeSet", "Vector", "WeakHashMap");

    /** Collections that are not thread-safe: their public methods are regions the misuse detector watches. */
    private static final List<String> UNSAFE_COLLECTIONS = List.of(
            "HashMap", "LinkedHashMap", "TreeMap", "WeakHashMap", "IdentityHashMap", "ArrayList", "LinkedList", "HashSet",
            "LinkedHashSet", "TreeSet", "ArrayDeque", "PriorityQueue");

    /**
     * The simple name of the non-thread-safe {@code java.util} collection that {@code className}
     * is (or that it is nested in: iterators, views), else {@code null}.
     */
    static String collectionName(String className) {
        if (className == null || !className.startsWith("java/util/") || className.indexOf('/', "java/util/".length()) >= 0) {
            return null;
        }
        String simple = className.substring("java/util/".length());
        int nested = simple.indexOf('$');
        String top = nested < 0 ? simple : simple.substring(0, nested);
        return UNSAFE_COLLECTIONS.contains(top) ? top : null;
    }

    /** Methods that run as one atomic region, by class. */
    static final Map<String, Set<String>> ATOMIC_METHODS = Map.ofEntries(
            Map.entry("java/lang/ClassLoader", Set.of("loadClass",
                    // resources: the class path's jar files are opened, cached and closed under the
                    // JDK's own monitors, around calls into HashMap and WeakHashMap; a switch there
                    // would leave another thread blocked on a monitor the runtime does not model
                    "getResource", "getResources", "getResourceAsStream", "getSystemResource",
                    "getSystemResources", "getSystemResourceAsStream")),
            Map.entry("jdk/internal/loader/BuiltinClassLoader", Set.of("loadClassOrNull", "loadClass",
                    "findResource", "findResources", "findResourceAsStream", "findMiscResource")),
            Map.entry("jdk/internal/loader/URLClassPath", Set.of("*")),
            Map.entry("java/util/zip/ZipFile", Set.of("*")),
            Map.entry("java/util/zip/ZipFile$ZipFileInputStream", Set.of("*")),
            Map.entry("java/util/zip/ZipFile$ZipFileInflaterInputStream", Set.of("*")),
            Map.entry("java/util/jar/JarFile", Set.of("*")),
            Map.entry("sun/net/www/protocol/jar/JarURLConnection", Set.of("*")),
            Map.entry("sun/net/www/protocol/jar/JarFileFactory", Set.of("*")),
            Map.entry("java/lang/invoke/MethodHandleNatives", Set.of("*")),
            Map.entry("java/lang/Throwable", Set.of("printStackTrace")),
            // the JVM calls back into Java from a native frame while it walks a stack (Mockito does at
            // every call of a mock): a switch there would wait with the thread pinned to its carrier
            Map.entry("java/lang/StackWalker", Set.of("walk", "forEach", "getCallerClass")),
            // JDK 21+: executors register their thread containers in a static registry that grows
            // from one execution to the next; its bookkeeping is not the program's concurrency
            Map.entry("jdk/internal/vm/ThreadContainers", Set.of("*")),
            Map.entry("jdk/internal/vm/SharedThreadContainer", Set.of("*")));

    /** Package prefixes of the {@link Mode#LIBRARY} libraries (tooling, but run by the program's threads). */
    private static final List<String> LIBRARIES = List.of(
            "org/mockito/", "net/bytebuddy/", "org/assertj/", "org/hamcrest/", "org/slf4j/", "ch/qos/logback/");

    /** Package prefixes of tooling that must never be rewritten. */
    private static final List<String> TOOLING = List.of(
            "dev/weft/boot/", "dev/weft/scheduler/agent/", "dev/weft/scheduler/runtime/", "dev/weft/scheduler/strategy/",
            "dev/weft/scheduler/replay/", "dev/weft/scheduler/explore/", "dev/weft/scheduler/race/", "dev/weft/scheduler/api/",
            "dev/weft/models/", "dev/weft/engine/", "dev/weft/api/",
            "org/junit/", "junit/", "org/opentest4j/", "org/apiguardian/", "org/apache/maven/", "org/assertj/",
            "net/bytebuddy/", "org/objectweb/asm/", "org/openjdk/jmh/", "org/openjdk/jcstress/", "org/jetbrains/",
            "kotlin/", "kotlinx/", "org/gradle/", "com/intellij/", "org/eclipse/jdt/", "org/slf4j/", "ch/qos/",
            "com/fasterxml/jackson/", "org/jspecify/", "org/hamcrest/", "org/mockito/", "org/codehaus/plexus/");

    private InstrumentationScope() {}

    static Mode modeOf(String className, ClassLoader loader) {
        if (className == null) {
            return Mode.NONE;
        }
        if (ATOMIC_METHODS.containsKey(className)) {
            return Mode.ATOMIC_ENTRIES;
        }
        if (className.equals("java/util/Objects") || className.equals("java/util/Arrays")) {
            return Mode.HASH_CALLS;
        }
        if (isJdkClass(className)) {
            return isJdkTarget(className) ? Mode.FULL : Mode.NONE;
        }
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return Mode.NONE;
        }
        if (className.startsWith("dev/weft/engine/fixtures/")) {
            return Mode.FULL; // the engine's own test fixtures are application code
        }
        if (!className.startsWith("net/bytebuddy/agent/")) { // the agent's own attach code
            for (String prefix : LIBRARIES) {
                if (className.startsWith(prefix)) {
                    return Mode.LIBRARY;
                }
            }
        }
        for (String prefix : TOOLING) {
            if (className.startsWith(prefix)) {
                return Mode.NONE;
            }
        }
        return Mode.FULL;
    }

    /** Whether {@code className} (internal form) belongs to the JDK. */
    static boolean isJdkClass(String className) {
        return className.startsWith("java/") || className.startsWith("jdk/") || className.startsWith("sun/")
                || className.startsWith("com/sun/") || className.startsWith("javax/");
    }

    private static boolean isJdkTarget(String className) {
        if (className.startsWith("java/util/concurrent/")) {
            return !className.equals("java/util/concurrent/locks/LockSupport");
        }
        if (className.startsWith("java/util/") && className.indexOf('/', "java/util/".length()) < 0) {
            String simple = className.substring("java/util/".length());
            int nested = simple.indexOf('$');
            String top = nested < 0 ? simple : simple.substring(0, nested);
            return JAVA_UTIL.contains(top);
        }
        return false;
    }

    /** Whether a class loaded before the agent started must be retransformed. */
    static boolean needsRetransform(Class<?> type) {
        String name = type.getName().replace('.', '/');
        Mode mode = modeOf(name, type.getClassLoader());
        return mode != Mode.NONE && !type.isArray() && !type.isPrimitive() && !type.isHidden();
    }
}
