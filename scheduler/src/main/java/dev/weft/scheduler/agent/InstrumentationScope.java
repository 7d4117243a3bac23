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
 *   <li>{@link Mode#CURRENT_THREAD}: {@code ThreadLocal}, and {@code Thread}'s constructors: their
 *       {@code Thread.currentThread()} calls return the logical thread, so that a logical thread has
 *       thread-locals of its own, and a thread it creates inherits its daemon flag, priority, context
 *       class loader and inheritable thread-locals, as a new {@code Thread} would (not those of the
 *       pooled worker it runs on).
 *   <li>{@link Mode#INIT_ONLY}: every other class (the rest of the JDK, the test tooling: JUnit,
 *       AssertJ, Mockito, Hamcrest, logging, …): only its class initializer is rewritten, to run
 *       without preemption. A class initializer runs under the JVM's initialization lock; a switch
 *       inside it (at an instrumented {@code ConcurrentHashMap.get} it calls, say) would leave every
 *       other thread that needs the class waiting inside the JVM, where the runtime cannot see it.
 *   <li>{@link Mode#MONITORS}: libraries that test code calls from the threads it starts (AssertJ,
 *       Hamcrest, Mockito and its byte-buddy, logging, Jackson, Kotlin): their class initializers as
 *       in {@code INIT_ONLY}, and their {@code synchronized} blocks and methods, {@code wait} and
 *       {@code notify} modelled as in application code — a thread switched out while it holds such a
 *       monitor would leave the next one blocked inside the JVM — but no scheduling point at their
 *       field accesses: their internals are not what a test explores.
 *   <li>{@link Mode#EXIT_ENTRIES}: {@code java.lang.Runtime}, whose {@code exit} and {@code halt}
 *       ({@code System.exit} calls the first) end an execution with a verdict when a managed thread
 *       calls them, whoever the caller is, instead of ending the JVM.
 *   <li>{@link Mode#HASH_CALLS}: {@code java.util.Objects} and {@code java.util.Arrays}, whose
 *       {@code hashCode()} calls on the program's objects ({@code Objects.hash}, {@code Arrays.hashCode})
 *       go through the runtime, as in instrumented code, and nothing else.
 *   <li>{@link Mode#CLOCK}: {@code java.time.Clock} and its system clock, whose reads of the wall
 *       clock ({@code System.currentTimeMillis}, {@code VM.getNanoTimeAdjustment}) go to the
 *       runtime's virtual clock inside an execution: {@code Instant.now()}, {@code LocalDateTime.now()}
 *       and {@code Clock.systemUTC()} read the time {@code System.currentTimeMillis()} does.
 *   <li>{@link Mode#NONE}: Weft itself.
 * </ul>
 */
public final class InstrumentationScope {

    enum Mode { NONE, FULL, ATOMIC_ENTRIES, CURRENT_THREAD, INIT_ONLY, MONITORS, EXIT_ENTRIES, HASH_CALLS, CLOCK }

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
            // child processes: the JDK's reaper thread (not the program's) ends a process and signals
            // its waiters through java.util.concurrent locks on JDK 19+; starting a process and waiting
            // for it is one step, run as without Weft (another thread cannot interleave with a child process)
            Map.entry("java/lang/ProcessImpl", Set.of("*")),
            Map.entry("java/lang/ProcessHandleImpl", Set.of("*")),
            Map.entry("jdk/internal/vm/SharedThreadContainer", Set.of("*")));

    /**
     * Packages of Weft's own tests whose classes are application code: the engine's test fixtures and the
     * runtime's semantics programs are rewritten, and their frames are shown in reports, as a user's are.
     */
    private static final List<String> APPLICATION_IN_WEFT = List.of("dev/weft/engine/fixtures/",
            "dev/weft/scheduler/runtime/semantics/");

    /** Whether {@code Thread.currentThread()} calls in this method of a {@link Mode#CURRENT_THREAD} class are redirected. */
    static boolean redirectsCurrentThread(String className, String methodName) {
        return className.equals("java/lang/ThreadLocal") || methodName.equals("<init>");
    }

    /**
     * Classes of {@link #ATOMIC_METHODS} whose methods also run unobserved (no trace events, nothing for
     * the detectors): JDK 21+'s registry of thread containers holds weak references that the garbage
     * collector clears, so what its map does differs from one run of the same execution to the next;
     * child processes are started, reaped and waited for by the JDK's own reaper thread, which Weft does
     * not run, so their locks and parks must be the JVM's own.
     */
    static final Set<String> QUIET_CLASSES = Set.of("jdk/internal/vm/ThreadContainers", "java/lang/ProcessImpl",
            "java/lang/ProcessHandleImpl");

    /**
     * Package prefixes of Weft itself: never rewritten, not even its class initializers (with the
     * libraries it carries relocated under {@code dev/weft/shaded/}).
     */
    private static final List<String> WEFT = List.of(
            "dev/weft/boot/", "dev/weft/scheduler/agent/", "dev/weft/scheduler/runtime/", "dev/weft/scheduler/strategy/",
            "dev/weft/scheduler/replay/", "dev/weft/scheduler/explore/", "dev/weft/scheduler/race/", "dev/weft/scheduler/api/",
            "dev/weft/models/", "dev/weft/engine/", "dev/weft/api/", "dev/weft/shaded/");

    /**
     * Package prefixes of tooling whose code is not rewritten (only its class initializers are),
     * among them the user's own copies of the libraries Weft carries relocated. Those are joined at run
     * time: as string constants, the jar's relocation would rewrite them to Weft's own copies.
     */
    private static final List<String> TOOLING = List.of(
            "org/junit/", "junit/", "org/opentest4j/", "org/apiguardian/", "org/apache/maven/", "org/assertj/",
            String.join("/", "net", "bytebuddy", ""), String.join("/", "org", "objectweb", "asm", ""),
            "org/openjdk/jmh/", "org/openjdk/jcstress/", "org/jetbrains/",
            "kotlin/", "kotlinx/", "org/gradle/", "com/intellij/", "org/eclipse/jdt/", "org/slf4j/", "ch/qos/",
            "com/fasterxml/jackson/", "org/jspecify/", "org/hamcrest/", "org/mockito/", "org/codehaus/plexus/");

    /** Prefixes of {@link #TOOLING} whose monitors are modelled ({@link Mode#MONITORS}). */
    private static final List<String> MONITORED_TOOLING = List.of(
            "org/assertj/", "org/hamcrest/", "org/mockito/", String.join("/", "net", "bytebuddy", ""), "org/slf4j/", "ch/qos/",
            "com/fasterxml/jackson/", "kotlin/", "kotlinx/", "org/jetbrains/");

    private InstrumentationScope() {}

    static Mode modeOf(String className, ClassLoader loader) {
        if (className == null) {
            return Mode.NONE;
        }
        if (ATOMIC_METHODS.containsKey(className)) {
            return Mode.ATOMIC_ENTRIES;
        }
        if (className.equals("java/lang/ThreadLocal") || className.equals("java/lang/Thread")) {
            return Mode.CURRENT_THREAD;
        }
        if (className.equals("java/lang/Runtime")) {
            return Mode.EXIT_ENTRIES;
        }
        if (className.equals("java/time/Clock") || className.equals("java/time/Clock$SystemClock")) {
            return Mode.CLOCK;
        }
        if (className.equals("java/util/Objects") || className.equals("java/util/Arrays")) {
            return Mode.HASH_CALLS;
        }
        if (isJdkClass(className)) {
            return isJdkTarget(className) ? Mode.FULL : Mode.INIT_ONLY;
        }
        if (applicationInWeft(className)) {
            return Mode.FULL;
        }
        if (prefixOf(WEFT, className) != null) {
            return Mode.NONE;
        }
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return Mode.INIT_ONLY;
        }
        if (prefixOf(TOOLING, className) != null) {
            return isMonitoredTooling(className) ? Mode.MONITORS : Mode.INIT_ONLY;
        }
        return Mode.FULL;
    }

    private static boolean isMonitoredTooling(String className) {
        if (className.startsWith(String.join("/", "net", "bytebuddy", "agent", ""))) {
            return false; // an agent attacher: its monitors belong to the attach, not to the program
        }
        return prefixOf(MONITORED_TOOLING, className) != null;
    }

    private static boolean applicationInWeft(String internalName) {
        return prefixOf(APPLICATION_IN_WEFT, internalName) != null;
    }

    /** The prefix of {@code prefixes} that {@code internalName} starts with, else {@code null}. */
    private static String prefixOf(List<String> prefixes, String internalName) {
        for (String prefix : prefixes) {
            if (internalName.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
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
        String prefix = prefixOf(WEFT, internal);
        if (prefix == null) {
            prefix = prefixOf(TOOLING, internal);
        }
        return prefix == null ? null : prefix.substring(0, prefix.length() - 1).replace('/', '.');
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

    /**
     * Whether a class loaded before the agent started must be retransformed for its code (its
     * accesses, monitors, atomic entries); see {@link #needsInitRetransform} for class initializers.
     */
    static boolean needsRetransform(Class<?> type) {
        String name = type.getName().replace('.', '/');
        Mode mode = modeOf(name, type.getClassLoader());
        return (mode == Mode.FULL || mode == Mode.ATOMIC_ENTRIES || mode == Mode.CURRENT_THREAD || mode == Mode.MONITORS
                || mode == Mode.EXIT_ENTRIES || mode == Mode.HASH_CALLS
                || mode == Mode.CLOCK) && !type.isArray() && !type.isPrimitive() && !type.isHidden();
    }

    /**
     * Whether a class loaded before the agent started, and not initialized yet, must be
     * retransformed so that its class initializer, when it runs, runs without preemption.
     */
    static boolean needsInitRetransform(Class<?> type) {
        if (type.isArray() || type.isPrimitive() || type.isHidden()) {
            return false;
        }
        return modeOf(type.getName().replace('.', '/'), type.getClassLoader()) == Mode.INIT_ONLY;
    }

    /**
     * Whether a class file declares a class initializer: its constant pool then holds the name
     * {@code <clinit>} (a cheap test before parsing the class).
     */
    static boolean declaresInitializer(byte[] bytes) {
        outer:
        for (int i = 0, last = bytes.length - CLINIT.length; i <= last; i++) {
            if (bytes[i] != '<') {
                continue;
            }
            for (int j = 1; j < CLINIT.length; j++) {
                if (bytes[i + j] != CLINIT[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static final byte[] CLINIT = "<clinit>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
}
