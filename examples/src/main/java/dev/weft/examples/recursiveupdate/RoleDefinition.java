package dev.weft.examples.recursiveupdate;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One role of an access-control hierarchy: the permissions it grants itself and the roles it inherits
 * from. Immutable, so safe to share between threads.
 *
 * @param permissions the permissions granted by this role itself
 * @param parents the roles whose permissions this role inherits, in no particular order
 */
public record RoleDefinition(Set<String> permissions, List<String> parents) {

    /** Copies both collections; neither may contain {@code null}. */
    public RoleDefinition {
        permissions = Set.copyOf(Objects.requireNonNull(permissions, "permissions"));
        parents = List.copyOf(Objects.requireNonNull(parents, "parents"));
    }
}
