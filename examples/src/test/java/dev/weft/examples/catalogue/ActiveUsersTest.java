package dev.weft.examples.catalogue;

import dev.weft.examples.iteration.ActiveUsers;
import dev.weft.examples.iteration.UserActivity;

/** {@code ActiveUsers} under {@link ActiveUsersContract}: the fix passes every test. */
class ActiveUsersTest extends ActiveUsersContract {

    @Override
    protected UserActivity newActivity() {
        return new ActiveUsers();
    }
}
