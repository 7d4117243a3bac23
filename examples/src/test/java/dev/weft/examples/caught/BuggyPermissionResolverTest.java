package dev.weft.examples.caught;

import dev.weft.examples.catalogue.PermissionResolverContract;
import dev.weft.examples.recursiveupdate.BuggyPermissionResolver;
import dev.weft.examples.recursiveupdate.Permissions;
import dev.weft.examples.recursiveupdate.RoleDefinition;
import java.util.Map;

/** {@code BuggyPermissionResolver} under {@link PermissionResolverContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyPermissionResolverTest extends PermissionResolverContract {

    @Override
    protected Permissions newResolver(Map<String, RoleDefinition> roles) {
        return new BuggyPermissionResolver(roles);
    }
}
