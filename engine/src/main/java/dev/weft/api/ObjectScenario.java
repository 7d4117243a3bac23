package dev.weft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shapes the scenarios of an object-form {@link ConcurrencyTest}: which {@link Operation} methods they
 * use and which sequential model checks them. Optional: without it every applicable operation is used
 * and the model is the returned object itself, run sequentially.
 *
 * <pre>{@code
 * @ConcurrencyTest(threads = 2, operations = 3)
 * @ObjectScenario(operations = {"offer", "poll"}, model = "sequentialQueue")
 * Queue<Integer> lockFreeQueue() { return new LockFreeQueue<>(); }
 *
 * Queue<Integer> sequentialQueue() { return new ArrayDeque<>(); }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ObjectScenario {

    /**
     * Names of the {@link Operation} methods scenarios draw from, each equally likely. Default {@code
     * {}}: every {@code @Operation} method of the test class whose first parameter accepts the returned
     * object.
     */
    String[] operations() default {};

    /**
     * Name of a method of the test class, without parameters, that returns a fresh sequential model: an
     * object the operations accept, whose results define the correct ones. Default {@code ""}: a fresh
     * object from the test method itself, run one operation at a time.
     */
    String model() default "";
}
