package dev.weft.examples.caught;

import dev.weft.examples.catalogue.SessionRegistryContract;
import dev.weft.examples.sessions.BuggySessionRegistry;
import dev.weft.examples.sessions.Sessions;
import java.util.HashMap;
import java.util.Map;

/** {@code BuggySessionRegistry} under {@link SessionRegistryContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggySessionRegistryTest extends SessionRegistryContract {

    @Override
    protected Sessions newRegistry() {
        return new BuggySessionRegistry();
    }

    @Override
    protected Map<Integer, Integer> newMap() {
        return new HashMap<>();
    }
}
