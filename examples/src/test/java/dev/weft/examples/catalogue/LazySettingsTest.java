package dev.weft.examples.catalogue;

import dev.weft.examples.publication.LazySettings;
import dev.weft.examples.publication.Settings;
import java.util.Map;
import java.util.function.Supplier;

/** {@code LazySettings} under {@link LazySettingsContract}: the fix passes every test. */
class LazySettingsTest extends LazySettingsContract {

    @Override
    protected Settings newSettings(Supplier<Map<String, String>> loader) {
        return new LazySettings(loader);
    }
}
