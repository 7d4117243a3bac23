package dev.weft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a method as a Weft concurrency test, run by the Weft test engine under a controlled scheduler
 * that explores many interleavings of its threads.
 *
 * <p>The method's return type chooses the form of the test:
 *
 * <ul>
 *   <li><b>imperative form</b> — a {@code void} method: any code; every thread it starts is controlled.
 *       It fails on an exception or failed assertion in any thread, a deadlock or a hang. {@link
 *       #schedules()} executions are explored.
 *   <li><b>map form</b> — a method returning a {@link java.util.Map} (or a subtype): it must return a
 *       fresh, empty map each time it is called. Weft generates {@link #scenarios()} scenarios of map
 *       operations (see {@link MapScenario}), {@link #threads()} threads of {@link #operations()}
 *       operations each, explores {@link #schedules()} executions of each and checks every execution
 *       for linearizability against the sequential model of the returned map type.
 *   <li><b>object form</b> — a method returning any other object: the shared state of a user-defined
 *       data structure, driven by the {@link Operation} methods of the test class and checked against
 *       a sequential model (see {@link ObjectScenario}).
 * </ul>
 *
 * <p>The method must not be private or static and must take no parameters; the test class needs a
 * constructor without parameters. Attributes left at their default take their value from the
 * configuration ({@code weft.*} keys in {@code junit-platform.properties}, system properties or
 * launcher parameters), then from the built-in default.
 *
 * <p>Weft explores sequentially consistent executions only; memory-model reorderings by the JIT and
 * the CPU need jcstress.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
public @interface ConcurrencyTest {

    /** The value of a numeric attribute meaning "use the configured default". */
    int CONFIGURED = -1;

    /**
     * Threads that run operations in parallel (map and object forms). Default 2; at least 1. The
     * imperative form's code starts its own threads: there, {@code threads}, {@code operations}, {@code
     * before}, {@code after} and {@code scenarios} must stay at their defaults.
     */
    int threads() default 2;

    /** Operations per thread in the parallel part (map and object forms). Default 3; at least 1. */
    int operations() default 3;

    /**
     * Operations run sequentially, by one thread, before the parallel part starts (map and object
     * forms): they bring the structure into a non-empty state. Default 0; at least 0.
     */
    int before() default 0;

    /**
     * Operations run sequentially, by one thread, after every parallel thread has finished (map and
     * object forms): they observe the final state. Default 0; at least 0.
     */
    int after() default 0;

    /**
     * Scenarios to generate (map and object forms); each is explored {@link #schedules()} times.
     * Default {@link #CONFIGURED}: {@code weft.scenarios.default}, built-in 50.
     */
    int scenarios() default CONFIGURED;

    /**
     * Executions to explore per scenario (map and object forms) or per test (imperative form). Default
     * {@link #CONFIGURED}: {@code weft.schedules.default}, built-in 200.
     */
    int schedules() default CONFIGURED;

    /**
     * How interleavings are chosen. Default {@link Strategy#DEFAULT}: {@code weft.strategy.default},
     * built-in {@link Strategy#PORTFOLIO}.
     */
    Strategy strategy() default Strategy.DEFAULT;

    /**
     * Most preemptions per execution for {@link Strategy#EXHAUSTIVE} (and the exhaustive part of
     * {@link Strategy#PORTFOLIO}); at least 0. Default {@link #CONFIGURED}: {@code
     * weft.preemptionBound.default}, built-in 2.
     */
    int preemptionBound() default CONFIGURED;

    /**
     * The seed of every random choice of this test, a non-negative decimal number such as {@code
     * "8412331907"}. Default {@code ""}: {@code weft.seed} if set, otherwise a fresh seed. The seed in
     * use is always printed.
     */
    String seed() default "";

    /**
     * A replay token printed by a failed run, such as {@code "w1.AbCd"}: the test runs exactly that
     * one execution and fails with the same report. Default {@code ""}: no replay (or {@code
     * weft.replay} if set).
     */
    String replay() default "";

    /**
     * Wall-clock budget of the whole exploration of this test: when it is spent, exploration stops
     * cleanly, the test passes and reports what it explored. A number of seconds ({@code "30"}), a
     * number with a unit {@code ms}, {@code s}, {@code m} or {@code h} ({@code "1500ms"}, {@code "2m"}),
     * or an ISO-8601 duration ({@code "PT30S"}); {@code "0"} means no budget. Default {@code ""}:
     * {@code weft.timeBudget}, built-in 30 seconds.
     */
    String timeBudget() default "";

    /**
     * Scheduling points after which one execution ends in a hang verdict: at least 1. A program that
     * never ends reaches the built-in bound in a few seconds; a long set-up (150,000 appends to a list
     * take about 900,000 steps) stays far below it. Raise it for a program that is just long. Default
     * {@link #CONFIGURED}: {@code weft.maxSteps}, built-in 10,000,000.
     */
    long maxSteps() default CONFIGURED;

    /**
     * Whether every execution starts from a fresh JVM's static state for the application's classes
     * (the test class and the classes under test, loaded from class directories; never the JDK, Weft,
     * JUnit or the libraries in jars): before each execution, their static fields go back to their
     * defaults and their static initializers run again. Default {@code true}; {@code false} keeps what
     * earlier executions left in statics. {@code weft.statics.keep} names classes to keep in every test
     * (expensive singletons).
     */
    boolean freshStatics() default true;
}
