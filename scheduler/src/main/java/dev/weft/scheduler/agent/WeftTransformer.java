package dev.weft.scheduler.agent;

import dev.weft.boot.WorkerState;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * The agent's class-file transformer. A class that cannot be rewritten is never skipped quietly:
 * the failure is kept and every later execution fails with it.
 */
final class WeftTransformer implements ClassFileTransformer {

    private static final List<String> FAILURES = new ArrayList<>();

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] bytes) {
        InstrumentationScope.Mode mode = InstrumentationScope.modeOf(className, loader);
        if (mode == InstrumentationScope.Mode.NONE
                || mode == InstrumentationScope.Mode.INIT_ONLY && !InstrumentationScope.declaresInitializer(bytes)) {
            return null;
        }
        WorkerState managed = WorkerState.current();
        boolean wasActive = managed != null && managed.active;
        if (managed != null) {
            managed.active = false; // the transformer itself uses instrumented collections
        }
        try {
            if (loader == null && mode != InstrumentationScope.Mode.INIT_ONLY) {
                byte[] prepared = classBeingRedefined != null ? PreparedRewrites.take(className) : PreparedRewrites.takeOnLoad(className);
                if (prepared != null) {
                    return prepared;
                }
            }
            // a class rewritten when it was loaded is rewritten the same way when it is retransformed
            // (by Weft's own start, or by another agent such as a mocking library's): a retransform may
            // not add or remove methods or change fields, so the load's rewrite is repeated exactly
            boolean rewrittenOnLoad = classBeingRedefined != null && loader != null && rewroteOnLoad(loader, className);
            boolean retransforming = classBeingRedefined != null && !rewrittenOnLoad;
            boolean fresh = !retransforming && loader != null && mode == InstrumentationScope.Mode.FULL
                    && fromClassDirectory(protectionDomain);
            byte[] rewritten = rewrite(bytes, loader, mode, retransforming, fresh);
            if (classBeingRedefined == null && loader != null && mode != InstrumentationScope.Mode.INIT_ONLY) {
                recordRewriteOnLoad(loader, className); // an INIT_ONLY rewrite is the same either way
            }
            return rewritten;
        } catch (Throwable e) {
            recordFailure(className.replace('/', '.') + ": " + e);
            return null;
        } finally {
            if (managed != null) {
                managed.active = wasActive;
            }
        }
    }

    static byte[] rewrite(byte[] bytes, ClassLoader loader, InstrumentationScope.Mode mode, boolean retransforming) {
        return rewrite(bytes, loader, mode, retransforming, false);
    }

    /** @param freshStatics whether to prepare the class for fresh static state per execution ({@link FreshStaticsRewrite}) */
    static byte[] rewrite(byte[] bytes, ClassLoader loader, InstrumentationScope.Mode mode, boolean retransforming, boolean freshStatics) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassInstrumenter(writer, loader, mode, retransforming).freshStatics(freshStatics), ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /**
     * Whether a class comes from a directory of class files — the project's own classes (the test
     * classes and the classes under test: Maven's and Gradle's output directories, an IDE's) —
     * rather than from a jar (a library).
     */
    static boolean fromClassDirectory(ProtectionDomain domain) {
        java.security.CodeSource source = domain == null ? null : domain.getCodeSource();
        java.net.URL location = source == null ? null : source.getLocation();
        return location != null && location.getProtocol().equals("file") && location.getPath().endsWith("/");
    }

    static synchronized void recordFailure(String failure) {
        if (FAILURES.size() < 20) {
            FAILURES.add(failure);
        }
    }

    /** Per class loader, the classes rewritten as they were loaded (weakly held loaders). */
    private static final java.util.Map<ClassLoader, java.util.Set<String>> REWRITTEN_ON_LOAD = new java.util.WeakHashMap<>();

    private static synchronized void recordRewriteOnLoad(ClassLoader loader, String className) {
        REWRITTEN_ON_LOAD.computeIfAbsent(loader, l -> new java.util.HashSet<>()).add(className);
    }

    private static synchronized boolean rewroteOnLoad(ClassLoader loader, String className) {
        java.util.Set<String> names = REWRITTEN_ON_LOAD.get(loader);
        return names != null && names.contains(className);
    }

    private static final java.util.TreeSet<String> LATE_SYNCHRONIZED = new java.util.TreeSet<>();

    /** An application class with synchronized methods that was loaded before the agent (retransformed). */
    static synchronized void recordLateSynchronized(String className) {
        LATE_SYNCHRONIZED.add(className);
    }

    static synchronized List<String> lateSynchronized() {
        return List.copyOf(LATE_SYNCHRONIZED);
    }

    /** Classes that could not be instrumented, each with its reason; empty when all went well. */
    static synchronized List<String> failures() {
        return List.copyOf(FAILURES);
    }
}
