package dev.weft.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureStoreTest {

    private static final String ID = "[engine:weft]/[class:com.example.StripedMapTest]/[method:stripedMap()]";
    private static final StoredFailure FAILURE = new StoredFailure(ID, "w1.AbCd", 8412331907L, "not linearizable",
            Instant.parse("2026-01-31T12:00:00Z"));

    @TempDir
    Path directory;

    private FailureStore store() {
        return FailureStore.in(directory);
    }

    private Path entry() {
        return directory.resolve("com.example.StripedMapTest").resolve("stripedMap.failure");
    }

    @Test
    void saveThenLoad_roundTrip() {
        store().save(FAILURE, "com.example.StripedMapTest", "stripedMap");

        assertThat(entry()).exists();
        assertThat(store().load(ID, "com.example.StripedMapTest", "stripedMap")).contains(FAILURE);
    }

    @Test
    void entry_versionedLineFormat() throws Exception {
        store().save(FAILURE, "com.example.StripedMapTest", "stripedMap");

        assertThat(Files.readString(entry())).isEqualTo(""
                + "weft-failure 1\n"
                + "test: " + ID + "\n"
                + "replay: w1.AbCd\n"
                + "seed: 8412331907\n"
                + "verdict: not linearizable\n"
                + "recorded: 2026-01-31T12:00:00Z\n");
        try (var files = Files.list(entry().getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(entry());
        }
    }

    @Test
    void saveAgain_replaces() {
        store().save(FAILURE, "com.example.StripedMapTest", "stripedMap");
        StoredFailure later = new StoredFailure(ID, "w1.Xy", 1, "deadlock", Instant.parse("2026-02-01T00:00:00Z"));
        store().save(later, "com.example.StripedMapTest", "stripedMap");

        assertThat(store().load(ID, "com.example.StripedMapTest", "stripedMap")).contains(later);
    }

    @Test
    void missingEntry_empty() {
        assertThat(store().load(ID, "com.example.StripedMapTest", "stripedMap")).isEmpty();
    }

    @Test
    void corruptEntry_droppedAndDeletedNotThrown() throws Exception {
        Files.createDirectories(entry().getParent());
        Files.writeString(entry(), "weft-failure 1\ntest: " + ID + "\nreplay: w1.AbCd\nseed: lots\n");

        assertThat(store().load(ID, "com.example.StripedMapTest", "stripedMap")).isEmpty();
        assertThat(entry()).doesNotExist();
    }

    @Test
    void otherFormatVersion_dropped() throws Exception {
        Files.createDirectories(entry().getParent());
        Files.writeString(entry(), FailureStore.format(FAILURE).replace("weft-failure 1", "weft-failure 9"));

        assertThat(store().load(ID, "com.example.StripedMapTest", "stripedMap")).isEmpty();
        assertThat(entry()).doesNotExist();
    }

    @Test
    void entryOfAnotherTest_dropped() {
        store().save(FAILURE, "com.example.StripedMapTest", "stripedMap");

        assertThat(store().load(ID.replace("stripedMap()", "other()"), "com.example.StripedMapTest", "stripedMap")).isEmpty();
    }

    @Test
    void remove_forgets() {
        store().save(FAILURE, "com.example.StripedMapTest", "stripedMap");
        store().remove("com.example.StripedMapTest", "stripedMap");

        assertThat(entry()).doesNotExist();
        store().remove("com.example.StripedMapTest", "stripedMap");
    }

    @Test
    void off_remembersNothing() {
        FailureStore off = FailureStore.off();
        off.save(FAILURE, "com.example.StripedMapTest", "stripedMap");

        assertThat(off.load(ID, "com.example.StripedMapTest", "stripedMap")).isEmpty();
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void parse_namesWhatIsWrong() {
        assertThatThrownBy(() -> FailureStore.parse(List.of("weft-failure 1", "test: x", "seed: 1")))
                .hasMessage("the field \"replay\" is missing");
        assertThatThrownBy(() -> FailureStore.parse(List.of()))
                .hasMessage("the first line must be \"weft-failure 1\", was \"\"");
        assertThatThrownBy(() -> FailureStore.parse(List.of("weft-failure 1", "junk")))
                .hasMessage("a line must be \"name: value\", was \"junk\"");
    }
}
