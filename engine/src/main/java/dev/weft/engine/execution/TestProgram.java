package dev.weft.engine.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * What one execution of a test runs, by form: the test method itself ({@link ImperativeProgram}), or
 * generated scenarios of calls on a fresh map ({@link MapProgram}) or shared object ({@link
 * ObjectProgram}).
 */
public sealed interface TestProgram permits ImperativeProgram, MapProgram, ObjectProgram {

    /** The test class. */
    Class<?> testClass();

    /** The {@code @ConcurrencyTest} method. */
    Method method();

    /** Creates fresh instances of the test class. */
    default TestInstanceFactory instances() {
        return new TestInstanceFactory(testClass());
    }

    /** Calls a method without parameters on a test instance; exceptions it throws propagate unwrapped. */
    static Object call(Method method, Object testInstance) throws Exception {
        method.setAccessible(true);
        try {
            return method.invoke(testInstance);
        } catch (InvocationTargetException e) {
            throw TestInstanceFactory.rethrow(e.getCause());
        }
    }
}
