package dev.weft.scheduler.raceprograms;

import java.util.HashMap;
import java.util.Map;

/** {@link Registry} done right: the field is {@code volatile}. */
final class VolatileRegistry {
    private volatile Map<String, Integer> entries;

    Map<String, Integer> entries() {
        Map<String, Integer> e = entries;
        if (e == null) {
            synchronized (this) {
                e = entries;
                if (e == null) {
                    e = new HashMap<>();
                    e.put("a", 1);
                    entries = e;
                }
            }
        }
        return e;
    }
}
