package dev.weft.examples.caught;

import dev.weft.examples.catalogue.LazySettingsContract;
import dev.weft.examples.publication.BuggyLazySettings;
import dev.weft.examples.publication.Settings;
import java.util.Map;
import java.util.function.Supplier;

/** {@code BuggyLazySettings} under {@link LazySettingsContract}: caught, as {@code CatalogueCaughtTest} checks. */
public class BuggyLazySettingsTest extends LazySettingsContract {

    @Override
    protected Settings newSettings(Supplier<Map<String, String>> loader) {
        return new BuggyLazySettings(loader);
    }
}
