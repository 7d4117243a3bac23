package dev.weft.scheduler.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Objects whose monitor the JVM takes without asking Weft: instances (or, for a class object, the
 * class) of classes that still have {@code synchronized} methods. Weft takes that flag off every
 * class it rewrites as it loads, so a method that keeps it belongs to a class loaded before the agent
 * (the JDK's {@code Hashtable}, {@code Vector}; retransformation cannot change modifiers) or to a class
 * Weft does not instrument ({@code StringBuffer}). A thread calling such a method takes the monitor
 * before any hook runs, so it blocks inside the JVM, out of Weft's sight, if another thread was
 * switched out while holding it in a {@code synchronized} block; such blocks therefore run without
 * preemption ({@link Execution#monitorEnter}).
 */
final class JvmSynchronizedClasses {

    private static final ClassValue<Boolean> INSTANCE_METHODS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (declaresSynchronized(c, false)) {
                    return true;
                }
            }
            return false;
        }
    };

    private static final ClassValue<Boolean> STATIC_METHODS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return declaresSynchronized(type, true);
        }
    };

    private JvmSynchronizedClasses() {}

    /** Whether the JVM may take {@code monitor} in a {@code synchronized} method, before Weft hears of it. */
    static boolean takenByTheJvm(Object monitor) {
        return monitor instanceof Class<?> type ? STATIC_METHODS.get(type) : INSTANCE_METHODS.get(monitor.getClass());
    }

    private static boolean declaresSynchronized(Class<?> type, boolean statics) {
        Method[] methods;
        try {
            methods = type.getDeclaredMethods();
        } catch (LinkageError | SecurityException e) {
            return false; // a method's signature names a class that cannot load: the method cannot run either
        }
        for (Method method : methods) {
            int modifiers = method.getModifiers();
            if (Modifier.isSynchronized(modifiers) && Modifier.isStatic(modifiers) == statics) {
                return true;
            }
        }
        return false;
    }
}
