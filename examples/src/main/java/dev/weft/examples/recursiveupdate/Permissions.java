package dev.weft.examples.recursiveupdate;

import java.util.Set;

/**
 * Each role's permissions with those of the roles it inherits, computed once and cached (entry 9 of the
 * catalogue): {@link BuggyPermissionResolver} and its fix {@link PermissionResolver} both implement it, so
 * that one contract test runs both.
 */
public interface Permissions {

    /** The permissions of {@code role}, inherited ones included. */
    Set<String> effectivePermissions(String role);
}
