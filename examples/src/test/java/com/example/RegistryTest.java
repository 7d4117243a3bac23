package com.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.api.ConcurrencyTest;
import java.util.HashMap;
import java.util.Map;

class RegistryTest {

    // Imperative form: the method runs under Weft's scheduler, and so does every thread it starts.
    @ConcurrencyTest
    void twoThreadsRegister() throws InterruptedException {
        Map<String, Integer> registry = new HashMap<>();
        Thread other = new Thread(() -> registry.put("b", 2));
        other.start();
        registry.put("a", 1);
        other.join();
        assertThat(registry).containsOnlyKeys("a", "b");
    }
}
