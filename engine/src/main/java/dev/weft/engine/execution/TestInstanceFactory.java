package dev.weft.engine.execution;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * Creates fresh instances of a test class through its constructor without parameters (discovery has
 * checked there is one). A test class is instantiated anew for every execution, so that executions do
 * not share state through instance fields.
 */
public final class TestInstanceFactory {

    private final Class<?> testClass;

    /** A factory for the given test class. */
    public TestInstanceFactory(Class<?> testClass) {
        this.testClass = testClass;
    }

    /** A new instance of the test class. Exceptions thrown by the constructor propagate unwrapped. */
    public Object create() throws Exception {
        try {
            Constructor<?> constructor = testClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        }
    }

    static Exception rethrow(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (Exception) cause;
    }
}
