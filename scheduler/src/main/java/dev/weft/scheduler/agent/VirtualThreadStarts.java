package dev.weft.scheduler.agent;

import dev.weft.boot.ThreadHooks;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.Set;

/**
 * Gives {@link ThreadHooks} the JDK 21+ calls that start threads which instrumented code cannot name in a
 * class file compiled for Java 17: {@code Thread.Builder.start/unstarted}, {@code Thread.startVirtualThread},
 * {@code Thread.ofVirtual().unstarted}, and {@code JavaLangAccess.start(Thread, ThreadContainer)} (how the
 * thread-per-task executor starts a task's thread). On a managed thread the hooks start a logical thread
 * instead; elsewhere they make the original call.
 */
final class VirtualThreadStarts {

    private VirtualThreadStarts() {}

    static void install(Instrumentation instrumentation) throws ReflectiveOperationException {
        if (Runtime.version().feature() < 21) {
            return; // no builders, no virtual threads: the calls cannot appear in a class this JVM loads
        }
        Module weft = VirtualThreadStarts.class.getModule();
        instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of("jdk.internal.access", Set.of(weft)),
                Map.of(), Set.of(), Map.of());
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> builder = Class.forName("java.lang.Thread$Builder");
        MethodType fromBuilder = MethodType.methodType(Thread.class, Object.class, Runnable.class);
        ThreadHooks.builderStartCall = lookup.findVirtual(builder, "start", MethodType.methodType(Thread.class, Runnable.class))
                .asType(fromBuilder);
        ThreadHooks.builderUnstartedCall = lookup.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class))
                .asType(fromBuilder);
        ThreadHooks.startVirtualCall = lookup.findStatic(Thread.class, "startVirtualThread",
                MethodType.methodType(Thread.class, Runnable.class));
        Object virtualBuilder = Thread.class.getMethod("ofVirtual").invoke(null);
        MethodHandle unstarted = lookup.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class));
        ThreadHooks.unstartedVirtualCall = unstarted.bindTo(virtualBuilder);
        Class<?> access = Class.forName("jdk.internal.access.JavaLangAccess");
        Class<?> container = Class.forName("jdk.internal.vm.ThreadContainer");
        ThreadHooks.accessStartCall = MethodHandles.lookup().findVirtual(access, "start",
                MethodType.methodType(void.class, Thread.class, container))
                .asType(MethodType.methodType(void.class, Object.class, Thread.class, Object.class));
    }
}
