package dev.weft.engine.execution;

/**
 * Which test a plan, a report or a stored failure belongs to.
 *
 * @param uniqueId the test's JUnit unique id, {@code [engine:weft]/[class:…]/[method:…()]}
 * @param className the fully qualified name of the test class
 * @param methodName the test method's name
 */
public record TestIdentity(String uniqueId, String className, String methodName) {

    /** The name printed in reports: the class name without its package, then the method: {@code StripedMapTest.stripedMap}. */
    public String displayName() {
        return shortClassName(className) + "." + methodName;
    }

    /** A class name without its package, nested classes joined by dots: {@code Outer.Inner}. */
    public static String shortClassName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
