/**
 * Entry 9: {@code computeIfAbsent} whose mapping function updates the same map ({@link
 * dev.weft.examples.recursiveupdate.BuggyPermissionResolver}) versus computing outside the map call
 * ({@link dev.weft.examples.recursiveupdate.PermissionResolver}).
 */
package dev.weft.examples.recursiveupdate;
