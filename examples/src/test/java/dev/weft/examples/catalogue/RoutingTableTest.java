package dev.weft.examples.catalogue;

import dev.weft.examples.readwrite.Routes;
import dev.weft.examples.readwrite.RoutingTable;
import java.util.function.Function;

/** {@code RoutingTable} under {@link RoutingTableContract}: the fix passes every test. */
class RoutingTableTest extends RoutingTableContract {

    @Override
    protected Routes newTable(Function<String, String> assignBackend) {
        return new RoutingTable(assignBackend);
    }
}
