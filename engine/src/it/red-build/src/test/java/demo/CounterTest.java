package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.api.ConcurrencyTest;
import org.junit.jupiter.api.Test;

class CounterTest {

    static final class Counter {
        int value;

        void increment() {
            value++;
        }

        synchronized void incrementSafely() {
            value++;
        }
    }

    @Test
    void singleThreadedIncrement_countsOne() {
        Counter counter = new Counter();
        counter.increment();
        assertEquals(1, counter.value);
    }

    @ConcurrencyTest(schedules = 500)
    void unsynchronizedIncrements_loseAnUpdate() throws InterruptedException {
        Counter counter = new Counter();
        Thread a = new Thread(counter::increment);
        Thread b = new Thread(counter::increment);
        a.start();
        b.start();
        a.join();
        b.join();
        if (counter.value != 2) {
            throw new AssertionError("lost update: " + counter.value);
        }
    }

    @ConcurrencyTest(schedules = 500)
    void synchronizedIncrements_countEveryOne() throws InterruptedException {
        Counter counter = new Counter();
        Thread a = new Thread(counter::incrementSafely);
        Thread b = new Thread(counter::incrementSafely);
        a.start();
        b.start();
        a.join();
        b.join();
        if (counter.value != 2) {
            throw new AssertionError("lost update: " + counter.value);
        }
    }
}
