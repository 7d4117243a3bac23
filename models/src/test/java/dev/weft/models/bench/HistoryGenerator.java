package dev.weft.models.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes benchmark histories: a simulated linearizable map whose threads overlap (each operation is
 * invoked, takes effect and responds at three separate random moments), in JSON Lines. Uses the JDK
 * only, so it runs from {@code target/test-classes} alone.
 *
 * <pre>
 * java -cp models/target/test-classes dev.weft.models.bench.HistoryGenerator \
 *     --ops 100000 --threads 4 --keys 1000 [--whole] [--violation] [--pending N] [--seed 1] --out FILE
 * </pre>
 *
 * <p>{@code --pending N} leaves about one operation in N without a known outcome ({@code info}),
 * which the checker must try both ways. {@code --whole} mixes {@code size()} and {@code clear()} in, which forces the checker to search
 * the whole history at once; {@code --violation} makes one {@code get} in the middle return a value
 * no one wrote.
 */
public final class HistoryGenerator {

  private static final String[] PER_KEY = {
    "get", "get", "put", "put", "remove", "putIfAbsent", "replace", "merge", "containsKey"
  };

  private HistoryGenerator() {}

  /** Parses the options and writes the history. */
  public static void main(String[] args) throws IOException {
    int ops = 100_000;
    int threads = 4;
    int keys = 1000;
    boolean whole = false;
    boolean violation = false;
    long seed = 1;
    int pendingEvery = 0;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--ops":
          ops = Integer.parseInt(args[++i]);
          break;
        case "--threads":
          threads = Integer.parseInt(args[++i]);
          break;
        case "--keys":
          keys = Integer.parseInt(args[++i]);
          break;
        case "--whole":
          whole = true;
          break;
        case "--violation":
          violation = true;
          break;
        case "--pending":
          pendingEvery = Integer.parseInt(args[++i]);
          break;
        case "--seed":
          seed = Long.parseLong(args[++i]);
          break;
        case "--out":
          out = Path.of(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("missing --out FILE");
    }
    List<String> lines = generate(ops, threads, keys, whole, violation, pendingEvery, new Random(seed));
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        writer.write(line);
        writer.write('\n');
      }
    }
  }

  static List<String> generate(
      int ops,
      int threads,
      int keys,
      boolean whole,
      boolean violation,
      int pendingEvery,
      Random random) {
    Map<Long, Long> map = new HashMap<>();
    List<String> lines = new ArrayList<>(2 * ops);
    int[] phase = new int[threads];
    String[] pendingResult = new String[threads];
    String[] pendingOp = new String[threads];
    int invoked = 0;
    int responded = 0;
    int violateAt = violation ? ops / 2 : -1;
    long nextValue = 1;
    while (responded < ops) {
      int t = random.nextInt(threads);
      switch (phase[t]) {
        case 0:
          if (invoked == ops) {
            continue;
          }
          invoked++;
          String op = pick(random, whole);
          long key = random.nextInt(keys);
          String args;
          switch (op) {
            case "put":
            case "putIfAbsent":
            case "replace":
              args = "[" + key + ", " + nextValue++ + "]";
              break;
            case "merge":
              args = "[" + key + ", 1, \"sum\"]";
              break;
            case "size":
            case "clear":
              args = "[]";
              break;
            default:
              args = "[" + key + "]";
          }
          pendingOp[t] = op + " " + key + " " + args;
          lines.add(
              "{\"thread\": " + t + ", \"type\": \"invoke\", \"op\": \"" + op
                  + "\", \"args\": " + args + "}");
          phase[t] = 1;
          break;
        case 1:
          pendingResult[t] = apply(map, pendingOp[t]);
          phase[t] = 2;
          break;
        default:
          String result = pendingResult[t];
          if (responded == violateAt && pendingOp[t].startsWith("get ")) {
            result = "-1";
          } else if (responded == violateAt) {
            violateAt++;
          }
          if (pendingEvery > 0 && random.nextInt(pendingEvery) == 0) {
            lines.add("{\"thread\": " + t + ", \"type\": \"info\"}");
          } else {
            lines.add("{\"thread\": " + t + ", \"type\": \"ok\", \"value\": " + result + "}");
          }
          responded++;
          phase[t] = 0;
      }
    }
    return lines;
  }

  private static String pick(Random random, boolean whole) {
    if (whole) {
      int roll = random.nextInt(100);
      if (roll < 4) {
        return "size";
      }
      if (roll < 5) {
        return "clear";
      }
    }
    return PER_KEY[random.nextInt(PER_KEY.length)];
  }

  private static String apply(Map<Long, Long> map, String call) {
    String[] parts = call.split(" ", 3);
    String op = parts[0];
    long key = Long.parseLong(parts[1]);
    String[] args = parts[2].replaceAll("[\\[\\]\"]", "").split(", ");
    switch (op) {
      case "get":
        return String.valueOf(map.get(key));
      case "containsKey":
        return String.valueOf(map.containsKey(key));
      case "put":
        return String.valueOf(map.put(key, Long.parseLong(args[1])));
      case "remove":
        return String.valueOf(map.remove(key));
      case "putIfAbsent":
        return String.valueOf(map.putIfAbsent(key, Long.parseLong(args[1])));
      case "replace":
        return String.valueOf(map.replace(key, Long.parseLong(args[1])));
      case "merge":
        return String.valueOf(map.merge(key, 1L, Long::sum));
      case "size":
        return String.valueOf(map.size());
      default:
        map.clear();
        return "null";
    }
  }
}
