package dev.weft.benchmarks.lincheck;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/** {@code ConcurrentHashMap} with its weakly consistent {@code size()}: put, get, remove, size. */
@Param(name = "key", gen = IntGen.class, conf = "1:3")
@Param(name = "value", gen = IntGen.class, conf = "1:3")
public class ConcurrentHashMapWithSizeLincheck {

    private final Map<Integer, Integer> map = new ConcurrentHashMap<>();

    @Operation
    public Integer put(@Param(name = "key") int key, @Param(name = "value") int value) {
        return map.put(key, value);
    }

    @Operation
    public Integer get(@Param(name = "key") int key) {
        return map.get(key);
    }

    @Operation
    public Integer remove(@Param(name = "key") int key) {
        return map.remove(key);
    }

    @Operation
    public int size() {
        return map.size();
    }
}
