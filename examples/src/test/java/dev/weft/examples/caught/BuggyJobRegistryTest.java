package dev.weft.examples.caught;

import dev.weft.examples.catalogue.JobRegistryContract;
import dev.weft.examples.lockorder.BuggyJobRegistry;
import dev.weft.examples.lockorder.JobStore;

/** {@code BuggyJobRegistry} under {@link JobRegistryContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyJobRegistryTest extends JobRegistryContract<BuggyJobRegistry> {

    @Override
    protected JobStore<BuggyJobRegistry> newRegistry(String name) {
        return new BuggyJobRegistry(name);
    }
}
