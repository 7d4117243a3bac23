package dev.weft.sweep;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The verdict a sweep test must get, and why: the analysis that goes into the results table. The
 * sweep fails when a test's verdict differs from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Verdict {

    /** What the verdict is, after analysis. */
    enum Kind {
        /** The test passes: no bug found in the explored executions. */
        PASSES,
        /** A real bug of the library (or a race it has by design), or a misuse the scenario makes on purpose. */
        REAL_BUG,
        /**
         * A true verdict on behaviour the library documents: not linearizable where its documentation
         * says an operation is not atomic (aggregate operations of segmented maps).
         */
        DOCUMENTED,
        /** Outside Weft's model (native code, real I/O), said plainly by the verdict. */
        OUTSIDE_MODEL,
        /**
         * A defect of Weft found by the sweep whose fix belongs to another part of Weft; {@link #why}
         * names it. The sweep accepts it until the fix lands, and then asks for this to be updated.
         */
        OPEN_WEFT_DEFECT
    }

    Kind value();

    /**
     * For a failure: how the report's first line starts, after {@code "Weft: "} (for an open defect:
     * how the failure message starts). Several when the verdict depends on something the seed does
     * not fix; the analysis then says why.
     */
    String[] report() default {};

    /** The analysis, one or two sentences, for the results table. */
    String why() default "";
}
