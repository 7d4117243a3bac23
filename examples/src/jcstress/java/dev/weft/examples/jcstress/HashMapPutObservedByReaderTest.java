package dev.weft.examples.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import java.util.HashMap;
import java.util.Map;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * Catalogue entry 1, on real threads: a HashMap.put that resizes the table, observed by a second
 * thread that reads keys which were in the map all along.
 *
 * The map holds 12 entries, the resize threshold of a 16-bucket table, so the writer's put of a 13th
 * key doubles the table. HashMap.resize installs the new, still empty table before it moves the
 * entries over, and a reader in that window misses keys that never left the map. r1 counts the
 * preloaded keys the reader found; r2 is the size seen after both threads finished.
 *
 * This is an ordinary interleaving bug, so it shows on any hardware (and under Weft's scheduler, in
 * the map form). Expect "12, 13" almost always and a few "11, 13", "10, 13"... on a busy machine.
 *
 * Run: examples/jcstress.sh -t HashMapPutObservedByReader
 */
@JCStressTest
@State
@Outcome(id = "12, 13", expect = ACCEPTABLE, desc = "The reader found every key that was in the map all along.")
@Outcome(expect = ACCEPTABLE_INTERESTING, desc = "The reader missed keys that were never removed: it looked in the table the resize had installed but not filled yet.")
public class HashMapPutObservedByReaderTest {

    static final int PRELOADED = 12;

    private final Map<Integer, Integer> map = new HashMap<>();

    public HashMapPutObservedByReaderTest() {
        for (int key = 0; key < PRELOADED; key++) {
            map.put(key, key);
        }
    }

    @Actor
    public void writer() {
        map.put(PRELOADED, PRELOADED);
    }

    @Actor
    public void reader(II_Result r) {
        int found = 0;
        for (int key = 0; key < PRELOADED; key++) {
            if (map.get(key) != null) {
                found++;
            }
        }
        r.r1 = found;
    }

    @Arbiter
    public void size(II_Result r) {
        r.r2 = map.size();
    }
}
