package dev.weft.scheduler.raceprograms;

import java.util.HashMap;
import java.util.Map;

/**
 * Double-checked lazy initialization of a map, without {@code volatile}: no sequentially consistent
 * interleaving gives a wrong result, yet the unlocked read is a data race.
 */
final class Registry {
    private Map<String, Integer> entries;

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
