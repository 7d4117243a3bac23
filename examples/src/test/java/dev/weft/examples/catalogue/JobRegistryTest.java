package dev.weft.examples.catalogue;

import dev.weft.examples.lockorder.JobRegistry;
import dev.weft.examples.lockorder.JobStore;

/** {@code JobRegistry} under {@link JobRegistryContract}: the fix passes every test. */
class JobRegistryTest extends JobRegistryContract<JobRegistry> {

    @Override
    protected JobStore<JobRegistry> newRegistry(String name) {
        return new JobRegistry(name);
    }
}
