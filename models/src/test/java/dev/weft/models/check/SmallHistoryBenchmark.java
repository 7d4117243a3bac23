package dev.weft.models.check;

import dev.weft.models.history.History;
import dev.weft.models.model.MapContract;
import dev.weft.models.model.MapModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Checks per second on the small histories the engine produces (up to 3 threads of 4 operations on
 * 2 keys, every map operation, a third of them violations), after warm-up.
 *
 * <pre>
 * java -cp models/target/weft-models-0.1.0-SNAPSHOT.jar:models/target/test-classes \
 *     dev.weft.models.check.SmallHistoryBenchmark
 * </pre>
 */
public final class SmallHistoryBenchmark {

  private SmallHistoryBenchmark() {}

  /** Runs five rounds of 100,000 checks and prints the rate of each. */
  public static void main(String[] args) {
    Random random = new Random(42);
    List<History> histories = new ArrayList<>();
    List<MapModel> models = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      MapContract contract = MapContract.values()[i % 3];
      histories.add(DifferentialTest.randomHistory(random, contract));
      models.add(MapModel.of(contract));
    }
    Checker checker = Checker.withDefaults();
    for (int round = 1; round <= 5; round++) {
      long start = System.nanoTime();
      int operations = 0;
      int violations = 0;
      for (int repeat = 0; repeat < 10; repeat++) {
        for (int i = 0; i < histories.size(); i++) {
          CheckResult result = checker.check(histories.get(i), models.get(i));
          operations += histories.get(i).size();
          violations += result.isLinearizable() ? 0 : 1;
        }
      }
      long nanos = System.nanoTime() - start;
      System.out.printf(
          "round %d: 100000 checks (%.1f operations each, %d%% violations) in %d ms: %.1f µs per check%n",
          round,
          operations / 100_000.0,
          violations / 1000,
          nanos / 1_000_000,
          nanos / 1000.0 / 100_000);
    }
  }
}
