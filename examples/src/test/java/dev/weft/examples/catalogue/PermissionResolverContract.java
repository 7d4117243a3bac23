package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.check;
import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.examples.RoleChains;
import dev.weft.examples.recursiveupdate.Permissions;
import dev.weft.examples.recursiveupdate.RoleDefinition;
import java.util.Map;

/**
 * Entry 9: resolving a deep role hierarchy from two threads finishes, with every permission. The buggy
 * variant's {@code computeIfAbsent} mapping function updates the same {@code ConcurrentHashMap}; the fix
 * computes outside the map call.
 */
public abstract class PermissionResolverContract {

    /** A new resolver over {@code roles}. */
    protected abstract Permissions newResolver(Map<String, RoleDefinition> roles);

    @ConcurrencyTest(schedules = 200, seed = "1")
    void deepHierarchy_resolves() throws Exception {
        Permissions resolver = newResolver(RoleChains.chain(40));
        runConcurrently(() -> resolver.effectivePermissions("role-0"), () -> resolver.effectivePermissions("role-20"));
        check(resolver.effectivePermissions("role-0").size() == 40, "role-0 must have all 40 permissions");
    }
}
