package dev.weft.engine.execution;

import java.lang.reflect.Method;

/**
 * The imperative form: one execution calls the {@code void} test method on a fresh test instance; it
 * fails on an exception in any thread, a deadlock or a hang.
 *
 * @param testClass the test class
 * @param method the test method
 */
public record ImperativeProgram(Class<?> testClass, Method method) implements TestProgram {

    /** Runs the test method once on the given test instance; exceptions it throws propagate unwrapped. */
    public void run(Object testInstance) throws Exception {
        TestProgram.call(method, testInstance);
    }
}
