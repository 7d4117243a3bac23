package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.check;
import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapOperation;
import dev.weft.api.MapScenario;
import dev.weft.examples.sessions.Sessions;
import java.util.Map;

/**
 * Entry 1: sessions that request threads open at the same time are all kept. The buggy variant shares a
 * plain {@code HashMap}; the fix uses a {@code ConcurrentHashMap}.
 */
public abstract class SessionRegistryContract {

    /** A new, empty registry. */
    protected abstract Sessions newRegistry();

    /** The map the registry is built on, empty: the map form runs Weft's own calls on it. */
    protected abstract Map<Integer, Integer> newMap();

    @ConcurrencyTest(schedules = 1_000, seed = "1")
    void concurrentOpens_keepEverySession() throws Exception {
        Sessions sessions = newRegistry();
        runConcurrently(() -> sessions.open("s1", "ann"), () -> sessions.open("s2", "bob"));
        check(sessions.size() == 2 && sessions.userOf("s1").isPresent() && sessions.userOf("s2").isPresent(),
                "lost a session: size = " + sessions.size());
    }

    // The map form: Weft generates the calls and checks linearizability (the misuse detector reports the
    // buggy map first; with -Dweft.races=off its report shows the lost put). Not size(): a
    // ConcurrentHashMap's size() is an estimate while other threads write, as its Javadoc says, and Weft
    // reports it as not linearizable (get(2) returns 2, then size() returns 0).
    @ConcurrencyTest(threads = 2, operations = 2, scenarios = 15, schedules = 150, seed = "1")
    @MapScenario(keys = {1, 2}, values = {1, 2}, operations = {MapOperation.PUT, MapOperation.GET})
    Map<Integer, Integer> sessionMap() {
        return newMap();
    }
}
