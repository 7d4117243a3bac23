package dev.weft.scheduler.runtime.semantics;

import static dev.weft.scheduler.runtime.semantics.Threads.runBoth;

import java.util.Arrays;
import java.util.Hashtable;
import java.util.Vector;
import org.junit.jupiter.api.Test;

/**
 * JDK classes whose {@code synchronized} methods the JVM enters without asking Weft: {@code Hashtable}
 * and {@code Vector} (loaded before any agent: retransformation cannot take the flag off) and {@code
 * StringBuffer} (not instrumented). Their monitors are also taken in {@code synchronized} blocks that
 * Weft does see — the views of a {@code Hashtable}, a {@code Vector}'s iterator, a program's own block —
 * and a thread switched out inside such a block left the next caller of a synchronized method blocked
 * inside the JVM: "uncontrolled concurrency" on correct code. Such blocks now run without preemption.
 */
class JvmSynchronizedSemanticsTest {

    @Test
    void hashtableValuesCopied_whilePut_isAtomic() {
        Outcomes.of(() -> {
            Hashtable<Integer, Integer> table = new Hashtable<>();
            table.put(1, 1);
            Object[][] copy = new Object[1][];
            runBoth(() -> copy[0] = table.values().toArray(), () -> table.put(2, 2));
            Arrays.sort(copy[0]);
            return "copied " + Arrays.toString(copy[0]);
        })
                .preemptions(2)
                .acceptable("copied [1]", "the copy came before the put")
                .acceptable("copied [1, 2]", "the copy came after the put")
                .check();
    }

    /** ({@code Vector} is often loaded after the agent, its methods then rewritten like any other: the test holds either way.) */
    @Test
    void vectorIterated_whileAdded_seesItWholeOrNot() {
        Outcomes.of(() -> {
            Vector<Integer> vector = new Vector<>(Arrays.asList(1, 2));
            int[] sum = new int[1];
            runBoth(() -> {
                synchronized (vector) { // iteration must hold the lock, as Vector's Javadoc says
                    for (int value : vector) {
                        sum[0] += value;
                    }
                }
            }, () -> vector.add(3));
            return "sum " + sum[0];
        })
                .preemptions(2)
                .acceptable("sum 3", "the iteration came before the add")
                .acceptable("sum 6", "the iteration came after the add")
                .check();
    }

    @Test
    void stringBufferInABlock_whileAppendedTo_keepsTheBlockTogether() {
        Outcomes.of(() -> {
            StringBuffer text = new StringBuffer();
            Counter counter = new Counter();
            runBoth(() -> {
                synchronized (text) {
                    text.append('a');
                    counter.incrementUnsafely();
                    text.append('b');
                }
            }, () -> text.append('c'));
            return text.toString();
        })
                .preemptions(2)
                .acceptable("abc", "the block came first")
                .acceptable("cab", "the append came first")
                .forbidden("acb", "an append ran inside another thread's block on the same buffer")
                .check();
        Outcomes.of(() -> { // the same appends without the block: the other append comes between them
            StringBuffer text = new StringBuffer();
            Counter counter = new Counter();
            runBoth(() -> {
                text.append('a');
                counter.incrementUnsafely();
                text.append('b');
            }, () -> text.append('c'));
            return text.toString();
        })
                .preemptions(2)
                .acceptable("abc", "the first thread's appends came first")
                .acceptable("cab", "the append came first")
                .acceptable("acb", "nothing holds the buffer between the two appends")
                .check();
    }
}
