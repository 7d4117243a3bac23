package com.example;

import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapOperation;
import dev.weft.api.MapScenario;
import java.util.HashMap;
import java.util.Map;

class HashMapTest {

    // Map form: Weft generates scenarios of map calls per thread and checks every execution
    // for linearizability against the sequential model of the returned type.
    @ConcurrencyTest(threads = 2, operations = 2, scenarios = 50, schedules = 200)
    @MapScenario(keys = {1, 2}, values = {1, 2}, operations = {MapOperation.PUT, MapOperation.GET, MapOperation.SIZE})
    Map<Integer, Integer> hashMap() {
        return new HashMap<>();
    }
}
