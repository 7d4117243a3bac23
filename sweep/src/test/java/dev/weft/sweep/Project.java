package dev.weft.sweep;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The released library a sweep class runs, as the results table names it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Project {

    /** The project's name. */
    String name();

    /** Maven coordinates, {@code group:artifact:version}. */
    String artifact();

    /** The release's year. */
    int released();

    /** The class-file version its classes carry, such as {@code "45 (Java 1.1)"}. */
    String classFiles();
}
