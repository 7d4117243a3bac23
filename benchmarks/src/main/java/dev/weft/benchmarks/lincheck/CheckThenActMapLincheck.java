package dev.weft.benchmarks.lincheck;

import dev.weft.fixtures.CheckThenActMap;
import java.util.Map;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/** Check-then-act {@code putIfAbsent} on a {@code ConcurrentHashMap}: putIfAbsent, get, remove. */
@Param(name = "key", gen = IntGen.class, conf = "1:3")
@Param(name = "value", gen = IntGen.class, conf = "1:3")
public class CheckThenActMapLincheck {

    private final Map<Integer, Integer> map = new CheckThenActMap<>();

    @Operation
    public Integer putIfAbsent(@Param(name = "key") int key, @Param(name = "value") int value) {
        return map.putIfAbsent(key, value);
    }

    @Operation
    public Integer get(@Param(name = "key") int key) {
        return map.get(key);
    }

    @Operation
    public Integer remove(@Param(name = "key") int key) {
        return map.remove(key);
    }
}
