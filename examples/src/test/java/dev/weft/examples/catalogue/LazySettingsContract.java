package dev.weft.examples.catalogue;

import static dev.weft.examples.Threads.check;
import static dev.weft.examples.Threads.runConcurrently;

import dev.weft.api.ConcurrencyTest;
import dev.weft.examples.publication.Settings;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Entry 10: threads reading the settings first, at once, all see them. The buggy variant's double-checked
 * locking publishes the map through a plain field: no interleaving gives a wrong result, but the unlocked
 * read races with the write that publishes it. The fix makes the field {@code volatile}.
 */
public abstract class LazySettingsContract {

    /** New settings that {@code loader} produces on first use. */
    protected abstract Settings newSettings(Supplier<Map<String, String>> loader);

    @ConcurrencyTest(schedules = 500, seed = "1")
    void concurrentFirstReads_seeTheSettings() throws Exception {
        Settings settings = newSettings(() -> Map.of("region", "eu"));
        String[] seen = new String[2];
        runConcurrently(() -> seen[0] = settings.get("region"), () -> seen[1] = settings.get("region"));
        check("eu".equals(seen[0]) && "eu".equals(seen[1]), "a reader missed the settings");
    }
}
