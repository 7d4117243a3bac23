package dev.weft.examples.recursiveupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Single-threaded behaviour of both resolvers, including where the buggy one already fails alone. */
class PermissionResolverTest {

    private static final Map<String, RoleDefinition> SMALL_HIERARCHY = Map.of(
            "viewer", new RoleDefinition(Set.of("read"), List.of()),
            "editor", new RoleDefinition(Set.of("write"), List.of("viewer")),
            "admin", new RoleDefinition(Set.of("delete"), List.of("editor", "viewer")));

    /** role-0 inherits from role-1, …, role-(depth-1): resolving role-0 inserts every role. */
    private static Map<String, RoleDefinition> chain(int depth) {
        Map<String, RoleDefinition> roles = new HashMap<>();
        for (int i = 0; i < depth; i++) {
            roles.put("role-" + i, new RoleDefinition(Set.of("p" + i), i + 1 < depth ? List.of("role-" + (i + 1)) : List.of()));
        }
        return roles;
    }

    @Test
    void fixed_inheritedPermissions_areUnited() {
        var resolver = new PermissionResolver(SMALL_HIERARCHY);
        assertThat(resolver.effectivePermissions("admin")).containsExactlyInAnyOrder("read", "write", "delete");
        assertThat(resolver.effectivePermissions("editor")).containsExactlyInAnyOrder("read", "write");
        assertThat(resolver.effectivePermissions("admin")).isSameAs(resolver.effectivePermissions("admin"));
    }

    @Test
    void fixed_deepHierarchy_resolves() {
        var resolver = new PermissionResolver(chain(40));
        assertThat(resolver.effectivePermissions("role-0")).hasSize(40).contains("p0", "p39");
    }

    @Test
    void fixed_cycle_isReportedWithThePath() {
        var resolver = new PermissionResolver(Map.of(
                "a", new RoleDefinition(Set.of(), List.of("b")),
                "b", new RoleDefinition(Set.of(), List.of("a"))));
        assertThatThrownBy(() -> resolver.effectivePermissions("a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("role hierarchy has a cycle: a -> b -> a");
    }

    @Test
    void unknownRole_isReportedWithItsName() {
        assertThatThrownBy(() -> new PermissionResolver(SMALL_HIERARCHY).effectivePermissions("root"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown role root");
        assertThatThrownBy(() -> new BuggyPermissionResolver(SMALL_HIERARCHY).effectivePermissions("root"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown role root");
    }

    @Test
    void buggy_roleWithoutParents_resolves() {
        var resolver = new BuggyPermissionResolver(SMALL_HIERARCHY);
        assertThat(resolver.effectivePermissions("viewer")).containsExactly("read");
    }

    @Test
    void buggy_deepHierarchy_failsWithRecursiveUpdateEvenOnOneThread() {
        // 40 insertions from inside one computeIfAbsent: the table resizes while bins hold placeholders.
        var resolver = new BuggyPermissionResolver(chain(40));
        assertThatThrownBy(() -> resolver.effectivePermissions("role-0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Recursive update");
    }
}
