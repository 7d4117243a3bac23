package dev.weft.models.cli;

import dev.weft.models.check.Budget;
import dev.weft.models.check.CheckResult;
import dev.weft.models.check.Checker;
import dev.weft.models.history.History;
import dev.weft.models.json.HistoryFormatException;
import dev.weft.models.json.HistoryReader;
import dev.weft.models.model.MapModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/** Entry point of the executable jar; see the package documentation for the commands. */
public final class Main {

  /** Exit code of a linearizable history. */
  public static final int LINEARIZABLE = 0;

  /** Exit code of a history that is not linearizable. */
  public static final int NOT_LINEARIZABLE = 1;

  /** Exit code when the budget ran out before a verdict. */
  public static final int UNKNOWN = 2;

  /** Exit code of unusable input: bad arguments, an unreadable or malformed history. */
  public static final int UNUSABLE = 3;

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar weft-models.jar check --model MODEL [options] HISTORY.jsonl",
          "",
          "Checks a JSON Lines history for linearizability against a sequential map model.",
          "",
          "  --model MODEL       map (HashMap), concurrent-map (ConcurrentHashMap)",
          "                      or navigable-map (ConcurrentSkipListMap)",
          "  --timeout SECONDS   give up with UNKNOWN after this long (default 60)",
          "  --max-states N      give up with UNKNOWN after N memo states per part"
              + " (default 10000000)",
          "  --stats             print parse and check times to standard error",
          "  --help              print this help",
          "",
          "Prints LINEARIZABLE (exit 0), NOT LINEARIZABLE and why (exit 1),",
          "or UNKNOWN and why (exit 2); unusable input exits 3 with the problem on standard error.",
          "");

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.print(USAGE);
      return LINEARIZABLE;
    }
    if (args.length == 0 || !args[0].equals("check")) {
      for (String arg : args) {
        if (arg.equals("--help")) {
          out.print(USAGE);
          return LINEARIZABLE;
        }
      }
      err.println(
          args.length == 0
              ? "missing command; use check, or --help for usage"
              : "unknown command \"" + args[0] + "\"; use check, or --help for usage");
      return UNUSABLE;
    }
    String modelName = null;
    String file = null;
    Budget budget = Budget.defaults().withTimeout(Duration.ofSeconds(60));
    boolean stats = false;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      try {
        switch (arg) {
          case "--help":
            out.print(USAGE);
            return LINEARIZABLE;
          case "--model":
            modelName = value(args, ++i, arg);
            break;
          case "--timeout":
            String seconds = value(args, ++i, arg);
            double parsed = number(seconds, arg);
            if (!(parsed > 0) || parsed > 1e9) {
              throw new IllegalArgumentException(
                  "--timeout must be a positive number of seconds, was " + seconds);
            }
            budget = budget.withTimeout(Duration.ofNanos((long) (parsed * 1e9)));
            break;
          case "--max-states":
            String states = value(args, ++i, arg);
            double count = number(states, arg);
            if (count < 1 || count != Math.floor(count)) {
              throw new IllegalArgumentException(
                  "--max-states must be a positive integer, was " + states);
            }
            budget = budget.withMaxStates((long) count);
            break;
          case "--stats":
            stats = true;
            break;
          default:
            if (arg.startsWith("-") && !arg.equals("-")) {
              throw new IllegalArgumentException(
                  "unknown option " + arg + "; see --help for the options");
            }
            if (file != null) {
              throw new IllegalArgumentException(
                  "one history file at a time, was given " + file + " and " + arg);
            }
            file = arg;
        }
      } catch (IllegalArgumentException bad) {
        err.println(bad.getMessage());
        return UNUSABLE;
      }
    }
    if (modelName == null) {
      err.println("missing --model; use --model map, concurrent-map or navigable-map");
      return UNUSABLE;
    }
    if (file == null) {
      err.println("missing history file; give the path of a JSON Lines history");
      return UNUSABLE;
    }
    MapModel model;
    try {
      model = MapModel.named(modelName);
    } catch (IllegalArgumentException unknown) {
      err.println(unknown.getMessage());
      return UNUSABLE;
    }
    long start = System.nanoTime();
    History history;
    try {
      history = new HistoryReader(model).read(Path.of(file));
    } catch (NoSuchFileException missing) {
      err.println("no history file at " + file + "; check the path");
      return UNUSABLE;
    } catch (IOException unreadable) {
      err.println("cannot read " + file + ": " + unreadable.getMessage());
      return UNUSABLE;
    } catch (HistoryFormatException malformed) {
      err.println(file + ": " + malformed.getMessage());
      return UNUSABLE;
    }
    long parsed = System.nanoTime();
    CheckResult result = Checker.withBudget(budget).check(history, model);
    long checked = System.nanoTime();
    out.println(result);
    if (stats) {
      err.printf(
          "read %d operations in %d ms; checked %d parts (%d states) in %d ms%n",
          history.size(),
          (parsed - start) / 1_000_000,
          result.parts(),
          result.states(),
          (checked - parsed) / 1_000_000);
    }
    switch (result.verdict()) {
      case LINEARIZABLE:
        return LINEARIZABLE;
      case NOT_LINEARIZABLE:
        return NOT_LINEARIZABLE;
      default:
        return UNKNOWN;
    }
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value; see --help");
    }
    return args[i];
  }

  private static double number(String text, String option) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException notNumber) {
      throw new IllegalArgumentException(option + " must be a number, was " + text);
    }
  }
}
