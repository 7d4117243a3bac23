package dev.weft.benchmarks.lincheck;

import dev.weft.fixtures.StripedMap;
import java.util.Map;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/** A striped map whose {@code size()} and {@code clear()} lock one stripe at a time: put, get, remove, size, clear. */
@Param(name = "key", gen = IntGen.class, conf = "1:3")
@Param(name = "value", gen = IntGen.class, conf = "1:3")
public class StripedMapLincheck {

    private final Map<Integer, Integer> map = new StripedMap<>(4, false);

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

    @Operation
    public void clear() {
        map.clear();
    }
}
