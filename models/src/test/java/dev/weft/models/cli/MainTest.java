package dev.weft.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: output and exit code for each verdict and for unusable input. */
class MainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String file(String... lines) throws Exception {
    Path file = dir.resolve("history.jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file.toString();
  }

  @Test
  void check_linearizableHistory_printsLinearizableAndExitsZero() throws Exception {
    String file =
        file(
            "{\"thread\": 0, \"type\": \"invoke\", \"op\": \"put\", \"args\": [1, 10]}",
            "{\"thread\": 1, \"type\": \"invoke\", \"op\": \"get\", \"args\": [1]}",
            "{\"thread\": 0, \"type\": \"ok\", \"value\": null}",
            "{\"thread\": 1, \"type\": \"ok\", \"value\": 10}");

    assertThat(run("check", "--model", "concurrent-map", file)).isEqualTo(0);
    assertThat(out()).isEqualTo("LINEARIZABLE\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void check_violation_printsExplanationAndExitsOne() throws Exception {
    String file =
        file(
            "{\"thread\": 0, \"type\": \"invoke\", \"op\": \"put\", \"args\": [1, 10]}",
            "{\"thread\": 0, \"type\": \"ok\", \"value\": null}",
            "{\"thread\": 1, \"type\": \"invoke\", \"op\": \"get\", \"args\": [1]}",
            "{\"thread\": 1, \"type\": \"ok\", \"value\": null}");

    assertThat(run("check", "--model", "map", file)).isEqualTo(1);
    assertThat(out())
        .isEqualTo(
            "NOT LINEARIZABLE\n"
                + "key 1: no order of its 2 operations explains every result\n"
                + "linearizable prefix (1 of 2 operations):\n"
                + "  thread 0: put(1, 10) -> null\n"
                + "cannot place next: thread 1: get(1) -> null (events 3-4)\n"
                + "the model returns 10 there\n");
  }

  @Test
  void check_budgetTooSmall_printsUnknownAndExitsTwo() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int t = 0; t < 8; t++) {
      lines.append("{\"thread\": " + t + ", \"type\": \"invoke\", \"op\": \"containsKey\", \"args\": [1]}\n");
    }
    for (int t = 0; t < 8; t++) {
      lines.append("{\"thread\": " + t + ", \"type\": \"ok\", \"value\": false}\n");
    }
    lines.append("{\"thread\": 0, \"type\": \"invoke\", \"op\": \"size\", \"args\": []}\n");
    lines.append("{\"thread\": 0, \"type\": \"ok\", \"value\": 3}");

    assertThat(run("check", "--model", "map", "--max-states", "5", file(lines.toString())))
        .isEqualTo(2);
    assertThat(out()).startsWith("UNKNOWN: whole history: the budget of 5 states ran out after ");
  }

  @Test
  void check_malformedHistory_namesFileAndLineAndExitsThree() throws Exception {
    String file =
        file(
            "{\"thread\": 0, \"type\": \"invoke\", \"op\": \"put\", \"args\": [1, 10]}",
            "{\"thread\": 1, \"type\": \"ok\", \"value\": null}");

    assertThat(run("check", "--model", "map", file)).isEqualTo(3);
    assertThat(out()).isEmpty();
    assertThat(err())
        .isEqualTo(
            file
                + ": line 2: ok for thread 1 which has no operation in flight;"
                + " a response follows its thread's invoke\n");
  }

  @Test
  void check_missingFile_exitsThree() {
    assertThat(run("check", "--model", "map", "no-such.jsonl")).isEqualTo(3);
    assertThat(err()).isEqualTo("no history file at no-such.jsonl; check the path\n");
  }

  @Test
  void check_unknownModel_listsModelsAndExitsThree() throws Exception {
    assertThat(run("check", "--model", "tree-map", file("{}"))).isEqualTo(3);
    assertThat(err())
        .isEqualTo("unknown model \"tree-map\"; use one of map, concurrent-map, navigable-map\n");
  }

  @Test
  void check_withoutModel_exitsThree() throws Exception {
    assertThat(run("check", file("{}"))).isEqualTo(3);
    assertThat(err()).isEqualTo("missing --model; use --model map, concurrent-map or navigable-map\n");
  }

  @Test
  void check_badTimeout_exitsThree() throws Exception {
    assertThat(run("check", "--model", "map", "--timeout", "soon", file("{}"))).isEqualTo(3);
    assertThat(err()).isEqualTo("--timeout must be a number, was soon\n");
  }

  @Test
  void help_printsUsageAndExitsZero() {
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out()).startsWith("usage: java -jar weft-models.jar check --model MODEL");
  }

  @Test
  void unknownCommand_exitsThree() {
    assertThat(run("verify")).isEqualTo(3);
    assertThat(err()).isEqualTo("unknown command \"verify\"; use check, or --help for usage\n");
  }
}
