package dev.weft.examples.caught;

import dev.weft.examples.catalogue.RoutingTableContract;
import dev.weft.examples.readwrite.BuggyRoutingTable;
import dev.weft.examples.readwrite.Routes;
import java.util.function.Function;

/** {@code BuggyRoutingTable} under {@link RoutingTableContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyRoutingTableTest extends RoutingTableContract {

    @Override
    protected Routes newTable(Function<String, String> assignBackend) {
        return new BuggyRoutingTable(assignBackend);
    }
}
