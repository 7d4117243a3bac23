package dev.weft.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Warnings: the first finding per headline, up to the limit, in arrival order. */
class WarningsTest {

    private static Outcome finding(String headline, String details) {
        return new Outcome.Rejected(headline, details);
    }

    @Test
    void keepsTheFirstFindingPerHeadline_inArrivalOrder() {
        Warnings warnings = new Warnings(5);
        warnings.addAll(List.of(finding("race on A", "first"), finding("race on B", ""), finding("race on A", "second")));
        assertThat(warnings.headlines()).containsExactly("race on A", "race on B");
        assertThat(warnings.list().get(0).details()).isEqualTo("first");
    }

    @Test
    void stopsAtTheLimit() {
        Warnings warnings = new Warnings(2);
        warnings.addAll(List.of(finding("a", ""), finding("b", ""), finding("c", "")));
        assertThat(warnings.headlines()).containsExactly("a", "b");
    }
}
