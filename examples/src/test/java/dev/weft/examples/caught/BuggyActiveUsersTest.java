package dev.weft.examples.caught;

import dev.weft.examples.catalogue.ActiveUsersContract;
import dev.weft.examples.iteration.BuggyActiveUsers;
import dev.weft.examples.iteration.UserActivity;

/** {@code BuggyActiveUsers} under {@link ActiveUsersContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyActiveUsersTest extends ActiveUsersContract {

    @Override
    protected UserActivity newActivity() {
        return new BuggyActiveUsers();
    }
}
