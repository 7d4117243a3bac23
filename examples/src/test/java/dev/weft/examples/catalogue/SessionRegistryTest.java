package dev.weft.examples.catalogue;

import dev.weft.examples.sessions.SessionRegistry;
import dev.weft.examples.sessions.Sessions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code SessionRegistry} under {@link SessionRegistryContract}: the fix passes every test. */
class SessionRegistryTest extends SessionRegistryContract {

    @Override
    protected Sessions newRegistry() {
        return new SessionRegistry();
    }

    @Override
    protected Map<Integer, Integer> newMap() {
        return new ConcurrentHashMap<>();
    }
}
