package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.ConcurrencyTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

class VisitCounterTest {

    // Two threads count a visit each with get, then set: one visit can be lost. AssertJ's own steps
    // through the JDK, describing the list, fold into one line of the report.
    @ConcurrencyTest
    void twoVisits_countTwo() throws InterruptedException {
        AtomicInteger visits = new AtomicInteger();
        Thread other = new Thread(() -> visits.set(visits.get() + 1));
        other.start();
        visits.set(visits.get() + 1);
        other.join();
        assertThat(List.of(visits.get())).containsExactly(2);
    }
}
