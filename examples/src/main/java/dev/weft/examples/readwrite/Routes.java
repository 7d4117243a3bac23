package dev.weft.examples.readwrite;

/**
 * Hosts routed to backends, read far more often than written (entry 6 of the catalogue): {@link
 * BuggyRoutingTable}, {@link BuggyUpgradingRoutingTable} and their fix {@link RoutingTable} all implement
 * it, so that one contract test runs all three.
 */
public interface Routes {

    /** The backend serving {@code host}, assigned now if the host is new. */
    String backendFor(String host);

    /** Routes {@code host} to {@code backend}, replacing any earlier route. */
    void route(String host, String backend);

    /** The number of routed hosts. */
    int size();
}
