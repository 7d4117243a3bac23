package dev.weft.models.bench;

import dev.weft.models.check.CheckResult;
import dev.weft.models.check.Checker;
import dev.weft.models.history.History;
import dev.weft.models.json.HistoryReader;
import dev.weft.models.model.MapModel;
import java.nio.file.Path;

/**
 * Times reading and checking one history several times in one JVM, to tell warmed-up speed from
 * start-up cost (the command line pays both once).
 *
 * <pre>
 * java -Xmx256m -cp models/target/weft-models-0.1.0-SNAPSHOT.jar:models/target/test-classes \
 *     dev.weft.models.bench.CheckerBenchmark concurrent-map FILE [ROUNDS]
 * </pre>
 */
public final class CheckerBenchmark {

  private CheckerBenchmark() {}

  /** Reads and checks {@code args[1]} with model {@code args[0]}, {@code args[2]} times. */
  public static void main(String[] args) throws Exception {
    MapModel model = MapModel.named(args[0]);
    Path file = Path.of(args[1]);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      History history = new HistoryReader(model).read(file);
      long read = System.nanoTime();
      CheckResult result = Checker.withDefaults().check(history, model);
      long checked = System.nanoTime();
      System.out.printf(
          "round %d: read %d operations in %d ms, checked in %d ms: %s (%d parts, %d states)%n",
          round,
          history.size(),
          (read - start) / 1_000_000,
          (checked - read) / 1_000_000,
          result.verdict(),
          result.parts(),
          result.states());
    }
  }
}
