package dev.weft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an operation of an object-form {@link ConcurrencyTest}: a method of the test class that
 * acts on the shared object the test method returns.
 *
 * <p>The method must not be private or static. Its first parameter receives the shared object (its
 * type must accept the object the test method returns, and the model if there is one); an optional
 * second {@code int} parameter receives an argument drawn from {@link #arguments()}. Its return value
 * (or {@code void}) or the exception it throws is the operation's result, compared with the model's.
 *
 * <pre>{@code
 * @Operation
 * Integer poll(Queue<Integer> queue) { return queue.poll(); }
 *
 * @Operation(arguments = {1, 2, 3})
 * boolean offer(Queue<Integer> queue, int value) { return queue.offer(value); }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Operation {

    /**
     * The arguments the second parameter draws from. Default {@code {}}: the method takes no second
     * parameter. Required, and not empty, when the method has a second parameter.
     */
    int[] arguments() default {};

    /**
     * Whether the operation reads or writes the whole structure (such as {@code size()} or {@code
     * clear()}) rather than one element; it rules out checking element by element. Default {@code true}:
     * the safe assumption for structures Weft knows nothing about.
     */
    boolean wholeState() default true;
}
