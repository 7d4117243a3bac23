package dev.weft.examples.catalogue;

import dev.weft.examples.recursiveupdate.PermissionResolver;
import dev.weft.examples.recursiveupdate.Permissions;
import dev.weft.examples.recursiveupdate.RoleDefinition;
import java.util.Map;

/** {@code PermissionResolver} under {@link PermissionResolverContract}: the fix passes every test. */
class PermissionResolverTest extends PermissionResolverContract {

    @Override
    protected Permissions newResolver(Map<String, RoleDefinition> roles) {
        return new PermissionResolver(roles);
    }
}
