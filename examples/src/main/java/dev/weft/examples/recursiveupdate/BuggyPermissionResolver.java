package dev.weft.examples.recursiveupdate;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the effective permissions of a role — its own plus those of every role it inherits from —
 * memoized in a {@link ConcurrentHashMap} with a recursive {@code computeIfAbsent}. <strong>Buggy on
 * purpose</strong>: entry 9 of the catalogue.
 *
 * <p><b>The bug.</b> Resolving a role whose ancestors are not cached yet fails with {@code
 * IllegalStateException: Recursive update} — or works, depending on the hash codes of the role names
 * and on whether the table resizes, so a hierarchy that worked yesterday fails after someone adds a
 * role. Even a single thread hits it. Under concurrency, the same code can also deadlock: two threads
 * that resolve roles in each other's bins hold one bin lock each and wait for the other's.
 *
 * <p><b>Why.</b> {@code ConcurrentHashMap.computeIfAbsent} holds the lock of the key's bin, with a
 * placeholder in it, while the mapping function runs; its contract says the function "must not attempt
 * to update any other mappings of this map". The function here resolves the parents, which inserts
 * them into the same map: when one lands in the locked bin, or the insertion resizes the table, the map
 * finds its own placeholder and throws. ({@link java.util.HashMap} throws {@link
 * java.util.ConcurrentModificationException} in the same situation.)
 *
 * <p><b>The fix.</b> {@link PermissionResolver}: compute the value outside any map call (recursion
 * included), then publish it with {@code putIfAbsent} and return the winner.
 *
 * <p>Concurrency contract: none that holds; see above.
 */
public final class BuggyPermissionResolver implements Permissions {

    private final Map<String, RoleDefinition> roles;
    private final Map<String, Set<String>> effectiveByRole = new ConcurrentHashMap<>();

    /** A resolver over {@code roles}, by role name; the hierarchy must be acyclic. */
    public BuggyPermissionResolver(Map<String, RoleDefinition> roles) {
        this.roles = Map.copyOf(roles);
    }

    /** Every permission {@code role} grants, directly or through its ancestors. */
    public Set<String> effectivePermissions(String role) {
        return effectiveByRole.computeIfAbsent(Objects.requireNonNull(role, "role"), name -> {
            RoleDefinition definition = roles.get(name);
            if (definition == null) {
                throw new IllegalArgumentException("unknown role " + name);
            }
            Set<String> effective = new HashSet<>(definition.permissions());
            for (String parent : definition.parents()) {
                effective.addAll(effectivePermissions(parent));
            }
            return Set.copyOf(effective);
        });
    }
}
