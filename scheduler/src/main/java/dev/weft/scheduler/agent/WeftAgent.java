package dev.weft.scheduler.agent;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Weft agent. Give it as {@code -javaagent:weft-scheduler.jar} (fastest start, no warning), or
 * let the runtime attach it on first use through byte-buddy-agent (JDK 21+ prints a warning about
 * dynamic agents; future JDKs may refuse them).
 */
public final class WeftAgent {

    private static volatile Instrumentation instrumentation;
    private static volatile String how = "not installed";
    private static volatile long installNanos;
    private static volatile int retransformed;
    private static volatile long warmUpNanos;
    private static volatile IllegalStateException installFailure;
    /** The thread rewriting the classes loaded before the agent, while it does (given with -javaagent). */
    private static volatile Thread retransforming;
    private static volatile boolean cacheHit;

    private WeftAgent() {}

    public static void premain(String args, Instrumentation inst) {
        install(inst, "-javaagent");
    }

    public static void agentmain(String args, Instrumentation inst) {
        install(inst, "attach");
    }

    /**
     * Makes sure the agent is active in this JVM, attaching it if it was not given on the command
     * line.
     *
     * @throws IllegalStateException when the agent cannot be installed, with the reason and the remedy
     */
    public static Instrumentation ensureInstalled() {
        Instrumentation inst = instrumentation;
        if (inst != null) {
            return inst;
        }
        Thread background = retransforming;
        if (background != null) {
            awaitRetransformation(background);
            if (instrumentation != null) {
                return instrumentation;
            }
        }
        synchronized (WeftAgent.class) {
            if (instrumentation == null && installFailure == null) {
                Instrumentation attached;
                try {
                    attached = attachInProcess();
                    if (attached == null) {
                        attached = net.bytebuddy.agent.ByteBuddyAgent.install();
                    }
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalStateException("weft agent could not attach to this JVM (" + e
                            + "); add -javaagent:<path to weft-scheduler.jar> to the JVM arguments (Surefire: argLine)", e);
                }
                install(attached, "attach");
            }
            if (installFailure != null) {
                throw installFailure;
            }
            return instrumentation;
        }
    }

    /**
     * byte-buddy-agent's instrumentation, its jar loaded by this JVM itself ({@link SelfAttach}), or
     * {@code null} when that cannot be done here (byte-buddy-agent then attaches through a helper JVM).
     */
    private static Instrumentation attachInProcess() {
        try {
            if (!SelfAttach.possible()) {
                return null;
            }
            java.nio.file.Path jar = InstallerJar.find();
            if (jar == null || !SelfAttach.load(jar)) {
                return null;
            }
            Instrumentation inst = net.bytebuddy.agent.ByteBuddyAgent.getInstrumentation();
            attachedInProcess = true;
            return inst;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static volatile boolean attachedInProcess;

    /** Whether the agent was attached by this JVM itself rather than through a helper JVM. */
    public static boolean attachedInProcess() {
        return attachedInProcess;
    }

    private static synchronized void install(Instrumentation inst, String mode) {
        if (instrumentation != null) {
            return;
        }
        long start = System.nanoTime();
        try {
            if (!inst.isRetransformClassesSupported()) {
                throw new IllegalStateException("this JVM does not support class retransformation, which weft needs");
            }
            // the JDK's own classes loaded so far (the same from one run of a program to the next;
            // what the agent loads below depends on files it may have left in an earlier run)
            java.util.zip.CRC32 identity = RewriteCache.identity();
            List<String> jdkClasses = identity != null ? bootClassesToRewrite(inst) : List.of();
            BootstrapJar.append(inst);
            Module base = Object.class.getModule();
            inst.redefineModule(base, Set.of(), Map.of(),
                    Map.of("java.util.concurrent", Set.of(WeftAgent.class.getModule()),
                            "java.util.concurrent.locks", Set.of(WeftAgent.class.getModule()),
                            "java.lang", Set.of(WeftAgent.class.getModule()),
                            "jdk.internal.misc", Set.of(WeftAgent.class.getModule())), Set.of(), Map.of());
            ContainerStarts.install(inst);
            VirtualThreadStarts.install(inst);
            if (identity != null) {
                prepareFromCache(RewriteCache.forClasses(identity, jdkClasses), jdkClasses);
            }
            WeftTransformer transformer = new WeftTransformer();
            long warmStart = System.nanoTime();
            warmUp();
            warmUpNanos = System.nanoTime() - warmStart;
            inst.addTransformer(transformer, true);
            if (mode.equals("-javaagent")) {
                // from here on every class loaded is rewritten as it loads; the JDK classes loaded
                // before the agent are rewritten on a thread of their own while the JVM goes on to
                // load the program (on a machine with more than one core, that overlaps most of
                // it); the first execution waits for them (ensureInstalled)
                Thread background = new Thread(null, () -> finishInstall(inst, mode, start), "weft-agent-retransform", 0, false);
                background.setDaemon(true);
                retransforming = background;
                background.start();
                return;
            }
            finishInstall(inst, mode, start);
        } catch (Exception | LinkageError e) {
            installFailure = e instanceof IllegalStateException ise ? ise
                    : e instanceof IllegalArgumentException bad ? new IllegalStateException(bad.getMessage(), bad) // a malformed setting
                    : new IllegalStateException("weft agent failed to install: " + e, e);
        }
    }

    /**
     * The JDK classes loaded before the agent, rewritten by an earlier JVM ({@link RewriteCache}) or,
     * the first time, here and for the next JVMs; before anything else registers a site.
     */
    private static List<String> bootClassesToRewrite(Instrumentation inst) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getClassLoader() == null && inst.isModifiableClass(type) && InstrumentationScope.needsRetransform(type)) {
                names.add(type.getName().replace('.', '/'));
            }
        }
        return List.copyOf(names);
    }

    private static void prepareFromCache(RewriteCache cache, List<String> sorted) {
        if (cache == null) {
            return;
        }
        Map<String, byte[]> classes = cache.load();
        cacheHit = classes != null;
        PreparedRewrites.offer(classes != null ? classes : cache.create(sorted));
        // the JDK classes that load later are kept too, as this JVM exits, for the next one
        PreparedRewrites.noteLoaded();
        Runnable save = new Runnable() { // not a lambda: the first one costs tens of milliseconds in a starting JVM
            @Override
            public void run() {
                cache.saveLoaded();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(null, save, "weft-rewrite-cache", 0, false));
    }

    private static void finishInstall(Instrumentation inst, String mode, long start) {
        try {
            retransformed = retransformLoaded(inst);
            how = mode;
            installNanos = System.nanoTime() - start;
            instrumentation = inst;
        } catch (RuntimeException | LinkageError e) {
            installFailure = new IllegalStateException("weft agent failed to install: " + e, e);
        }
    }

    private static void awaitRetransformation(Thread background) {
        boolean interrupted = false;
        while (background.isAlive()) {
            try {
                background.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Rewrites a few JDK classes once, unregistered, so that every class the transformer needs (its
     * own and ASM's) is loaded before it is registered: a transformer that triggers loading of its
     * own classes would see them pass through itself.
     */
    private static void warmUp() throws java.io.IOException {
        // small classes that take every path of the rewrite: synchronized methods (Stack) as loaded
        // and as retransformed, synchronized blocks and fields (Vector$Itr), a collection's
        // iterator (ArrayList$Itr); this runs cold in the interpreter, so large ones would cost more
        String[][] samples = {{"java/util/Stack", "true"}, {"java/util/Stack", "false"}, {"java/util/Vector$Itr", "false"},
            {"java/util/ArrayList$Itr", "false"}};
        for (String[] sample : samples) {
            try (java.io.InputStream in = ClassLoader.getSystemResourceAsStream(sample[0] + ".class")) {
                if (in != null) {
                    WeftTransformer.rewrite(in.readAllBytes(), null, InstrumentationScope.Mode.FULL, Boolean.parseBoolean(sample[1]));
                }
            }
        }
        // a class initializer alone, as classes of the test tooling and the rest of the JDK are rewritten
        try (java.io.InputStream in = ClassLoader.getSystemResourceAsStream("java/util/Locale$Category.class")) {
            if (in != null) {
                byte[] bytes = in.readAllBytes();
                if (InstrumentationScope.declaresInitializer(bytes)) {
                    WeftTransformer.rewrite(bytes, null, InstrumentationScope.Mode.INIT_ONLY, false);
                }
            }
        }
        InstrumentationScope.modeOf("java/util/HashMap", null);
        InstrumentationScope.needsInitRetransform(Object.class);
        InstrumentationScope.collectionName("java/util/HashMap$KeyIterator");
        InstrumentationScope.needsRetransform(Object.class);
    }

    private static int retransformLoaded(Instrumentation inst) {
        List<Class<?>> targets = new ArrayList<>();
        java.lang.invoke.MethodHandle uninitialized = uninitializedTest();
        int initializers = 0;
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (!inst.isModifiableClass(type)) {
                continue;
            }
            if (InstrumentationScope.needsRetransform(type)) {
                targets.add(type);
            } else if (InstrumentationScope.needsInitRetransform(type) && notInitialized(uninitialized, type)) {
                // loaded, not initialized yet: its class initializer must run without preemption too
                targets.add(type);
                initializers++;
            }
        }
        uninitializedRetransformed = initializers;
        try {
            inst.retransformClasses(targets.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            for (Class<?> type : targets) {
                try {
                    inst.retransformClasses(type);
                } catch (UnmodifiableClassException | RuntimeException | LinkageError one) {
                    WeftTransformer.recordFailure(type.getName() + ": " + one);
                }
            }
        }
        return targets.size();
    }

    private static volatile int uninitializedRetransformed;

    /**
     * {@code jdk.internal.misc.Unsafe.shouldBeInitialized(Class)} bound to the JDK's unsafe (exported
     * to Weft by {@link #install}), or {@code null} where it is not available: every class of
     * {@link InstrumentationScope.Mode#INIT_ONLY} loaded before the agent is then retransformed.
     */
    private static java.lang.invoke.MethodHandle uninitializedTest() {
        try {
            Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
            return java.lang.invoke.MethodHandles.lookup()
                    .findVirtual(unsafeClass, "shouldBeInitialized", java.lang.invoke.MethodType.methodType(boolean.class, Class.class))
                    .bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean notInitialized(java.lang.invoke.MethodHandle test, Class<?> type) {
        if (test == null) {
            return true;
        }
        try {
            return (boolean) test.invokeExact(type);
        } catch (Throwable e) {
            return true;
        }
    }

    /**
     * Classes of {@link InstrumentationScope.Mode#INIT_ONLY} (the JDK's others, test tooling) that were
     * loaded but not initialized when the agent started, retransformed so that their class initializer
     * runs without preemption.
     */
    public static int uninitializedClassesRetransformed() {
        return uninitializedRetransformed;
    }

    /**
     * Application classes with {@code synchronized} methods that were loaded before the agent started
     * (it was attached at run time, after something loaded them). A retransformed class keeps its
     * modifiers, so each of its synchronized methods runs as one step: no switch just before it or
     * inside it (only {@code wait()} releases its monitor). Giving the agent with {@code -javaagent}
     * avoids this. Sorted by name.
     */
    public static List<String> lateSynchronizedClasses() {
        return WeftTransformer.lateSynchronized();
    }

    /** Classes that could not be instrumented; a non-empty list makes every execution fail. */
    public static List<String> instrumentationFailures() {
        return WeftTransformer.failures();
    }

    /** {@code -javaagent}, {@code attach} or {@code not installed}. */
    public static String installedHow() {
        return how;
    }

    /** Time the installation took, including retransformation of already loaded JDK classes. */
    public static long installNanos() {
        return installNanos;
    }

    /** Time spent loading the transformer's own classes before it was registered. */
    public static long warmUpNanos() {
        return warmUpNanos;
    }

    /** Whether the JDK classes loaded before the agent came rewritten from an earlier JVM. */
    public static boolean rewritesFromCache() {
        return cacheHit;
    }

    /** JDK classes that came rewritten by an earlier JVM as they loaded in this one, so far. */
    public static int classesLoadedFromCache() {
        return PreparedRewrites.takenOnLoad();
    }

    /** Number of already loaded classes that were retransformed at installation. */
    public static int retransformedClasses() {
        return retransformed;
    }
}
