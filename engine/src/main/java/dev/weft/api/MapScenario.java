package dev.weft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Shapes the scenarios of a map-form {@link ConcurrencyTest}: which keys, values and operations the
 * generated operations use. Optional: without it a map-form test uses the defaults below.
 *
 * <p>Few keys make threads collide often, which is what finds bugs: the defaults are deliberately small.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MapScenario {

    /** The keys operations draw from, boxed to {@code Integer}. Default {@code {0, 1, 2}}; not empty. */
    int[] keys() default {0, 1, 2};

    /** The values operations draw from, boxed to {@code Integer}. Default {@code {1, 2, 3}}; not empty. */
    int[] values() default {1, 2, 3};

    /**
     * The operations scenarios draw from, each equally likely. Default {@code {}}: every operation
     * whose contract the returned map type implements (see {@link MapOperation#isDefaultFor(Class)}),
     * that is the {@code Map} operations, plus the conditional ones for a {@code ConcurrentMap}, plus
     * the navigation ones for a {@code NavigableMap}. Every listed operation must be supported by the
     * returned type.
     *
     * <p>A listed operation is checked for atomicity. The default operations of a {@code ConcurrentHashMap}
     * or {@code ConcurrentSkipListMap} (exactly these classes) are checked by their documented contracts:
     * those their Javadoc says are not atomic ({@code putAll}, {@code clear}, iteration, {@code size}, …) by
     * that weaker contract, the others for atomicity.
     */
    MapOperation[] operations() default {};
}
