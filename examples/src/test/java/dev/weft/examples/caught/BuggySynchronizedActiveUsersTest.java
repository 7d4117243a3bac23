package dev.weft.examples.caught;

import dev.weft.examples.catalogue.ActiveUsersContract;
import dev.weft.examples.iteration.BuggySynchronizedActiveUsers;
import dev.weft.examples.iteration.UserActivity;

/** {@code BuggySynchronizedActiveUsers} under {@link ActiveUsersContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggySynchronizedActiveUsersTest extends ActiveUsersContract {

    @Override
    protected UserActivity newActivity() {
        return new BuggySynchronizedActiveUsers();
    }
}
