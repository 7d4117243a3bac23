package dev.weft.scheduler.runtime;

import java.util.List;

/**
 * Whether every execution starts from a fresh JVM's static state for the application's classes (the
 * classes loaded from class directories, such as the test classes and the classes under test, as
 * opposed to jars; never the JDK's, Weft's or the test tooling's). With it, before each execution the
 * runtime sets the static fields of every such class initialized so far back to their defaults, then
 * runs their static initializers again, in the order they first completed, on thread 0 of the
 * execution, before the program. Not reset: enums, interfaces, classes with native methods, classes
 * loaded before the agent started, compile-time constants, and the classes {@code keep} names.
 *
 * @param fresh whether statics are reset before each execution
 * @param keep classes whose statics persist across executions (expensive singletons): fully qualified
 *     names, nested classes with {@code $}, or {@code package.*} for a package and its subpackages
 */
public record FreshStatics(boolean fresh, List<String> keep) {

    /** Every application class starts fresh in every execution. */
    public static final FreshStatics ALL = new FreshStatics(true, List.of());

    /** Statics persist from one execution to the next. */
    public static final FreshStatics OFF = new FreshStatics(false, List.of());

    public FreshStatics {
        keep = List.copyOf(keep);
        for (String pattern : keep) {
            if (pattern.isBlank()) {
                throw new IllegalArgumentException("a class to keep must not be blank, was " + keep);
            }
        }
    }

    /** Fresh statics for every application class but {@code classes}. */
    public static FreshStatics keeping(List<String> classes) {
        return new FreshStatics(true, classes);
    }

    /** Whether the statics of the class named {@code className} (binary name) are reset. */
    public boolean resets(String className) {
        if (!fresh) {
            return false;
        }
        for (String pattern : keep) {
            if (pattern.endsWith(".*") ? className.startsWith(pattern.substring(0, pattern.length() - 1)) : className.equals(pattern)) {
                return false;
            }
        }
        return true;
    }
}
