package dev.weft.examples.catalogue;

import dev.weft.examples.iteration.SnapshotActiveUsers;
import dev.weft.examples.iteration.UserActivity;

/** {@code SnapshotActiveUsers} under {@link ActiveUsersContract}: the fix passes every test. */
class SnapshotActiveUsersTest extends ActiveUsersContract {

    @Override
    protected UserActivity newActivity() {
        return new SnapshotActiveUsers();
    }
}
