package dev.weft.scheduler.programs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Classes with static state, for {@link FreshStaticsTest}. */
final class StaticsPrograms {

    private StaticsPrograms() {}

    /** Double-checked lazy initialization of a static map, as people write it: without {@code volatile}. */
    static final class LazyRegistry {
        private static Map<String, Integer> map;

        static Map<String, Integer> get() {
            Map<String, Integer> m = map;
            if (m == null) {
                synchronized (LazyRegistry.class) {
                    m = map;
                    if (m == null) {
                        m = new HashMap<>();
                        m.put("a", 1);
                        map = m;
                    }
                }
            }
            return m;
        }
    }

    /** The same with {@code volatile}: correct. */
    static final class VolatileLazyRegistry {
        private static volatile Map<String, Integer> map;

        static Map<String, Integer> get() {
            Map<String, Integer> m = map;
            if (m == null) {
                synchronized (VolatileLazyRegistry.class) {
                    m = map;
                    if (m == null) {
                        m = new HashMap<>();
                        m.put("a", 1);
                        map = m;
                    }
                }
            }
            return m;
        }
    }

    static final class RunCounter {
        static int runs;
        static final List<String> SEEN = new java.util.ArrayList<>();
    }

    /** A static the code around an exploration sets (a test's set-up) and reads afterwards. */
    static final class SetUpOutside {
        static String value;
    }

    static final class Once {
        static final int VALUE;

        static {
            if (OnceFlag.initialized) {
                throw new IllegalStateException("initialized twice");
            }
            OnceFlag.initialized = true;
            VALUE = 7;
        }
    }

    static final class OnceFlag {
        static boolean initialized;
    }
}
