package dev.weft.examples.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/*
 * The control, correct by construction: HashMapPutObservedByReaderTest on a ConcurrentHashMap.
 *
 * The writer's put resizes the table (12 entries reach the 0.75 load factor of 16 bins), but
 * ConcurrentHashMap moves bins to the new table one at a time and leaves a forwarding node behind, so
 * a reader always finds a key that is in the map. Any other outcome is a bug in the JDK, in the JIT,
 * or in this test's harness: CI fails on it.
 *
 * Expect "12, 13" only.
 *
 * Run: examples/jcstress.sh -t ConcurrentHashMapPutObservedByReader
 */
@JCStressTest
@State
@Outcome(id = "12, 13", expect = ACCEPTABLE, desc = "The reader found every key that was in the map all along.")
@Outcome(expect = FORBIDDEN, desc = "A key that was never removed was missed, or a put was lost: ConcurrentHashMap promises neither can happen.")
public class ConcurrentHashMapPutObservedByReaderTest {

    static final int PRELOADED = 12;

    private final Map<Integer, Integer> map = new ConcurrentHashMap<>();

    public ConcurrentHashMapPutObservedByReaderTest() {
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
