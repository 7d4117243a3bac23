package dev.weft.examples.caught;

import dev.weft.examples.catalogue.RoutingTableContract;
import dev.weft.examples.readwrite.BuggyUpgradingRoutingTable;
import dev.weft.examples.readwrite.Routes;
import java.util.function.Function;

/** {@code BuggyUpgradingRoutingTable} under {@link RoutingTableContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyUpgradingRoutingTableTest extends RoutingTableContract {

    @Override
    protected Routes newTable(Function<String, String> assignBackend) {
        return new BuggyUpgradingRoutingTable(assignBackend);
    }
}
