package dev.weft.examples.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import dev.weft.examples.publication.BuggyLazySettings;
import java.util.Map;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * Catalogue entry 10: double-checked locking without volatile (BuggyLazySettings), on real threads.
 *
 * Both actors ask for the "timeout" setting of fresh settings; one of them loads the map. Each result
 * is 1 if the actor read "30s", 0 if it read null (it saw the map's reference but not the map's
 * contents), -1 if HashMap.get threw (it saw a half-built table).
 *
 * Every interleaving of whole statements gives "1, 1": the bug needs the compiler or the processor to
 * reorder the plain stores that build the map after the store that publishes it. That is why Weft's
 * scheduler, which explores sequentially consistent executions, cannot show it, and why this test
 * exists. On x86 (stores stay in order) expect "1, 1" only; on weakly ordered CPUs (ARM, POWER) other
 * outcomes can appear. An interesting outcome here documents the bug; it never fails CI.
 *
 * Run: examples/jcstress.sh -t UnsafeLazySettingsPublication
 */
@JCStressTest
@State
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both actors read the loaded setting.")
@Outcome(id = {"0, 1", "1, 0", "0, 0"}, expect = ACCEPTABLE_INTERESTING, desc = "An actor saw the published map without its contents: the racy read the missing volatile allows.")
@Outcome(expect = ACCEPTABLE_INTERESTING, desc = "An actor failed inside HashMap.get on a half-built table.")
public class UnsafeLazySettingsPublicationTest {

    private final BuggyLazySettings settings = new BuggyLazySettings(() -> Map.of("timeout", "30s", "region", "eu"));

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
