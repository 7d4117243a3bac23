package demo;

import dev.weft.api.ConcurrencyTest;

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
