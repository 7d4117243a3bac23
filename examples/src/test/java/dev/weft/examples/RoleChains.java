package dev.weft.examples;

import dev.weft.examples.recursiveupdate.RoleDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Role hierarchies for the permission-resolver entry. */
public final class RoleChains {

    private RoleChains() {}

    /** {@code role-0} inherits from {@code role-1}, … down to {@code role-(depth-1)}; role i grants {@code p}i. */
    public static Map<String, RoleDefinition> chain(int depth) {
        Map<String, RoleDefinition> roles = new HashMap<>();
        for (int i = 0; i < depth; i++) {
            roles.put("role-" + i, new RoleDefinition(Set.of("p" + i), i + 1 < depth ? List.of("role-" + (i + 1)) : List.of()));
        }
        return roles;
    }
}
