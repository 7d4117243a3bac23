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
 *   <li>{@link Mode#NONE}: everything else, including Weft itself and the test tooling.
 * </ul>
 */
public final class InstrumentationScope {

    enum Mode { NONE, FULL, ATOMIC_ENTRIES }

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
    static final Map<String, Set<String>> ATOMIC_METHODS = Map.of(
            "java/lang/ClassLoader", Set.of("loadClass"),
            "jdk/internal/loader/BuiltinClassLoader", Set.of("loadClassOrNull", "loadClass"),
            "java/lang/invoke/MethodHandleNatives", Set.of("*"),
            "java/lang/Throwable", Set.of("printStackTrace"),
            // JDK 21+: executors register their thread containers in a static registry that grows
            // from one execution to the next; its bookkeeping is not the program's concurrency
            "jdk/internal/vm/ThreadContainers", Set.of("*"),
            "jdk/internal/vm/SharedThreadContainer", Set.of("*"));

    /**
     * Packages of Weft's own tests whose classes are application code: the engine's test fixtures and the
     * runtime's semantics programs are rewritten, and their frames are shown in reports, as a user's are.
     */
    private static final List<String> APPLICATION_IN_WEFT = List.of("dev/weft/engine/fixtures/",
            "dev/weft/scheduler/runtime/semantics/");

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
        if (isJdkClass(className)) {
            return isJdkTarget(className) ? Mode.FULL : Mode.NONE;
        }
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return Mode.NONE;
        }
        if (applicationInWeft(className)) {
            return Mode.FULL;
        }
        for (String prefix : TOOLING) {
            if (className.startsWith(prefix)) {
                return Mode.NONE;
            }
        }
        return Mode.FULL;
    }

    private static boolean applicationInWeft(String internalName) {
        for (String prefix : APPLICATION_IN_WEFT) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a class in one of Weft's packages is application code all the same (Weft's own test
     * programs, rewritten like a user's classes).
     *
     * @param className the binary name, {@code dev.weft.engine.fixtures.CounterTests$Counter}
     */
    public static boolean isApplicationCodeInWeft(String className) {
        return applicationInWeft(className.replace('.', '/'));
    }

    /**
     * The tooling package a class belongs to, as a dotted prefix ({@code org.assertj}, {@code org.mockito}):
     * test frameworks, assertion and mocking libraries, build tools and Weft itself, which the agent never
     * rewrites; {@code null} for any other class (the JDK's included).
     *
     * @param className the binary name, {@code org.assertj.core.api.Assertions}
     */
    public static String toolingPackage(String className) {
        String internal = className.replace('.', '/');
        if (applicationInWeft(internal)) {
            return null;
        }
        for (String prefix : TOOLING) {
            if (internal.startsWith(prefix)) {
                return prefix.substring(0, prefix.length() - 1).replace('/', '.');
            }
        }
        return null;
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
