package dev.weft.benchmarks;

import static dev.weft.api.MapOperation.CLEAR;
import static dev.weft.api.MapOperation.GET;
import static dev.weft.api.MapOperation.PUT;
import static dev.weft.api.MapOperation.PUT_IF_ABSENT;
import static dev.weft.api.MapOperation.REMOVE;
import static dev.weft.api.MapOperation.SIZE;

import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapScenario;
import dev.weft.fixtures.CheckThenActMap;
import dev.weft.fixtures.StripedMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The five targets under Weft, in the scenario shape Lincheck gets (3 threads × 3 operations, 2
 * before, 2 after, keys and values 1..3). The budget (scenarios × schedules) comes from the
 * configuration that {@link WeftRun} passes, so that both tools get the same one.
 */
public class WeftTargets {

    @ConcurrencyTest(threads = 3, operations = 3, before = 2, after = 2, seed = "1")
    @MapScenario(keys = {1, 2, 3}, values = {1, 2, 3}, operations = {PUT, GET, REMOVE, SIZE})
    Map<Integer, Integer> hashMap() {
        return new HashMap<>();
    }

    @ConcurrencyTest(threads = 3, operations = 3, before = 2, after = 2, seed = "1")
    @MapScenario(keys = {1, 2, 3}, values = {1, 2, 3}, operations = {PUT_IF_ABSENT, GET, REMOVE})
    ConcurrentMap<Integer, Integer> checkThenActMap() {
        return new CheckThenActMap<>();
    }

    @ConcurrencyTest(threads = 3, operations = 3, before = 2, after = 2, seed = "1")
    @MapScenario(keys = {1, 2, 3}, values = {1, 2, 3}, operations = {PUT, GET, REMOVE, SIZE, CLEAR})
    ConcurrentMap<Integer, Integer> stripedMap() {
        return new StripedMap<>(4, false);
    }

    @ConcurrencyTest(threads = 3, operations = 3, before = 2, after = 2, seed = "1")
    @MapScenario(keys = {1, 2, 3}, values = {1, 2, 3}, operations = {PUT, GET, REMOVE, SIZE})
    ConcurrentMap<Integer, Integer> concurrentHashMapWithSize() {
        return new ConcurrentHashMap<>();
    }

    @ConcurrencyTest(threads = 3, operations = 3, before = 2, after = 2, seed = "1")
    @MapScenario(keys = {1, 2, 3}, values = {1, 2, 3}, operations = {PUT, GET, REMOVE})
    ConcurrentMap<Integer, Integer> concurrentHashMap() {
        return new ConcurrentHashMap<>();
    }
}
