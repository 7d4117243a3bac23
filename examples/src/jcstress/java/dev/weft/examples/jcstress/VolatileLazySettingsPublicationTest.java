package dev.weft.examples.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.weft.examples.publication.LazySettings;
import java.util.Map;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * The fix of catalogue entry 10: LazySettings publishes the loaded map through a volatile field.
 *
 * Same actors and results as UnsafeLazySettingsPublicationTest. The volatile write that publishes the
 * map happens-before every volatile read that sees it, so a caller that sees the map sees its
 * contents: "1, 1" is the only outcome the Java memory model allows, on every CPU. Any other outcome
 * fails CI.
 *
 * Run: examples/jcstress.sh -t VolatileLazySettingsPublication
 */
@JCStressTest
@State
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both actors read the loaded setting.")
@Outcome(id = {"0, 1", "1, 0", "0, 0"}, expect = FORBIDDEN, desc = "An actor saw the published map without its contents: the volatile field forbids it.")
@Outcome(expect = FORBIDDEN, desc = "An actor failed inside HashMap.get on a half-built table: the volatile field forbids it.")
public class VolatileLazySettingsPublicationTest {

    private final LazySettings settings = new LazySettings(() -> Map.of("timeout", "30s", "region", "eu"));

    @Actor
    public void firstCaller(II_Result r) {
        r.r1 = read();
    }

    @Actor
    public void secondCaller(II_Result r) {
        r.r2 = read();
    }

    private int read() {
        try {
            return "30s".equals(settings.get("timeout")) ? 1 : 0;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
