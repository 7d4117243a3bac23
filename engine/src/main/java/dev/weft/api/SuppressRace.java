package dev.weft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps known benign data races out of a {@link ConcurrencyTest}'s verdict: races on these fields
 * are counted and listed in the test's summary ({@code weft.races.suppressed}), not reported as
 * failures. On a test method, or on the test class for all its tests; adds to
 * {@code weft.races.suppress}.
 *
 * <pre>
 * &#64;ConcurrencyTest
 * &#64;SuppressRace("HitCounter.hits")   // an approximate statistic, read without ordering on purpose
 * void lookupsCountHits() { … }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SuppressRace {

    /**
     * Fields, as {@code com.example.HitCounter.hits} or {@code HitCounter.hits}: matched by the
     * simple name of the field's class ({@code Outer$Inner} for a nested class) and the field's name.
     */
    String[] value();
}
