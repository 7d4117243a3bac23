package dev.weft.examples.recursiveupdate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Resolves the effective permissions of a role — its own plus those of every role it inherits from —
 * memoized in a {@link ConcurrentHashMap}: the fix of {@link BuggyPermissionResolver} (entry 9 of the
 * catalogue).
 *
 * <p>The recursion runs outside every map call: look the role up with {@code get}; on a miss, resolve
 * the parents (which may insert them), build the set, and publish it with {@code putIfAbsent}. If
 * another thread published first, its (equal) set wins and is returned, so all callers share one
 * instance per role. No map lock is held while the function runs, so no recursive update, no
 * lock-order deadlock.
 *
 * <p>Concurrency contract: safe for any number of threads; results are immutable. Limits: two threads
 * that miss the same role at once may both compute it (the work is duplicated, the result is not); a
 * cycle in the hierarchy is reported with {@link IllegalArgumentException} naming the cycle.
 */
public final class PermissionResolver implements Permissions {

    private final Map<String, RoleDefinition> roles;
    private final Map<String, Set<String>> effectiveByRole = new ConcurrentHashMap<>();

    /** A resolver over {@code roles}, by role name. */
    public PermissionResolver(Map<String, RoleDefinition> roles) {
        this.roles = Map.copyOf(roles);
    }

    /** Every permission {@code role} grants, directly or through its ancestors. */
    public Set<String> effectivePermissions(String role) {
        return resolve(Objects.requireNonNull(role, "role"), new ArrayDeque<>());
    }

    private Set<String> resolve(String role, Deque<String> path) {
        Set<String> cached = effectiveByRole.get(role);
        if (cached != null) {
            return cached;
        }
        if (path.contains(role)) {
            String cycle = path.stream().collect(Collectors.joining(" -> "));
            throw new IllegalArgumentException("role hierarchy has a cycle: " + cycle + " -> " + role);
        }
        RoleDefinition definition = roles.get(role);
        if (definition == null) {
            throw new IllegalArgumentException("unknown role " + role);
        }
        path.addLast(role);
        Set<String> effective = new HashSet<>(definition.permissions());
        for (String parent : definition.parents()) {
            effective.addAll(resolve(parent, path));
        }
        path.removeLast();
        Set<String> computed = Set.copyOf(effective);
        Set<String> winner = effectiveByRole.putIfAbsent(role, computed);
        return winner == null ? computed : winner;
    }
}
