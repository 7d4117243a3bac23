package dev.weft.scheduler.agent;

import dev.weft.boot.ThreadHooks;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;

/**
 * Gives {@link ThreadHooks} a way to start a thread through {@code jdk.internal.vm.SharedThreadContainer}
 * (JDK 21+ executors start their workers through it) when the caller is not managed.
 */
final class ContainerStarts {

    private ContainerStarts() {}

    static void install(Instrumentation instrumentation) throws ReflectiveOperationException {
        Class<?> container;
        try {
            container = Class.forName("jdk.internal.vm.SharedThreadContainer");
        } catch (ClassNotFoundException e) {
            return; // JDK 17: executors call Thread.start directly
        }
        instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                Map.of("jdk.internal.vm", Set.of(ContainerStarts.class.getModule())), Set.of(), Map.of());
        Method start = container.getMethod("start", Thread.class);
        start.setAccessible(true);
        ThreadHooks.containerStart = (target, thread) -> {
            try {
                start.invoke(target, thread);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("weft cannot start a thread in its container: " + e, e);
            }
        };
    }
}
