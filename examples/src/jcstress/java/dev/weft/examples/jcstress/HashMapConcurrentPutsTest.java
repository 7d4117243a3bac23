package dev.weft.examples.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import dev.weft.examples.sessions.BuggySessionRegistry;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * Catalogue entry 1, on real threads: two users log in at once to BuggySessionRegistry, whose plain
 * HashMap loses one of the two sessions.
 *
 * Both sessions are new. r1 is the registry's size afterwards, r2 the number of the two sessions it
 * can still find. Two puts into the same empty bucket both link their node into it and the later
 * write erases the earlier; two size++ collapse into one.
 *
 * Expect "2, 2" almost always; "1, 1" (a lost session) and "1, 2" / "2, 1" (size and contents
 * disagree) now and then.
 *
 * Run: examples/jcstress.sh -t HashMapConcurrentPuts
 */
@JCStressTest
@State
@Outcome(id = "2, 2", expect = ACCEPTABLE, desc = "Both sessions were registered and counted.")
@Outcome(id = "1, 1", expect = ACCEPTABLE_INTERESTING, desc = "A session was lost: one put overwrote the other's bucket.")
@Outcome(expect = ACCEPTABLE_INTERESTING, desc = "Size and contents disagree: the size increments or the bucket writes raced.")
public class HashMapConcurrentPutsTest {

    // Session ids whose hashes share a bucket of the 16-bucket table ("Aa" and "BB" have equal hash codes).
    static final String FIRST_SESSION = "Aa";
    static final String SECOND_SESSION = "BB";

    private final BuggySessionRegistry registry = new BuggySessionRegistry();

    @Actor
    public void firstLogin() {
        registry.open(FIRST_SESSION, "ada");
    }

    @Actor
    public void secondLogin() {
        registry.open(SECOND_SESSION, "grace");
    }

    @Arbiter
    public void count(II_Result r) {
        r.r1 = registry.size();
        r.r2 = (registry.userOf(FIRST_SESSION).isPresent() ? 1 : 0) + (registry.userOf(SECOND_SESSION).isPresent() ? 1 : 0);
    }
}
