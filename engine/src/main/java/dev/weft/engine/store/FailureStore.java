package dev.weft.engine.store;

import dev.weft.engine.config.ReplayTokenSyntax;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The failure store: the last failure of each test, so that the next run replays it first.
 *
 * <p>Layout: one file per test, {@code <directory>/<test class>/<method>.failure} (the class's binary
 * name, the method's name). Format, version 1, UTF-8 lines:
 *
 * <pre>
 * weft-failure 1
 * test: [engine:weft]/[class:com.example.StripedMapTest]/[method:stripedMap()]
 * replay: w1.AbCd
 * seed: 8412331907
 * verdict: not linearizable
 * recorded: 2026-01-31T12:00:00Z
 * </pre>
 *
 * <p>An entry that cannot be read — another format version, a missing or malformed field, a token for
 * another test — is dropped with a warning on the {@code dev.weft.engine.store} logger and deleted; it
 * never fails a test. Writes go to a temporary file first and are moved into place, so that a reader
 * never sees half an entry.
 */
public final class FailureStore {

    /** The first line of every entry; the number is the format version. */
    public static final String HEADER = "weft-failure 1";

    private static final String SUFFIX = ".failure";
    private static final System.Logger LOGGER = System.getLogger(FailureStore.class.getPackageName());

    private final Optional<Path> directory;

    private FailureStore(Optional<Path> directory) {
        this.directory = directory;
    }

    /** A store in the given directory, created when the first failure is saved. */
    public static FailureStore in(Path directory) {
        return new FailureStore(Optional.of(directory));
    }

    /** A store that remembers nothing (key {@code weft.failures.store} set empty). */
    public static FailureStore off() {
        return new FailureStore(Optional.empty());
    }

    /** The store's directory; empty when it is off. */
    public Optional<Path> directory() {
        return directory;
    }

    /** The file of one test's entry, when the store is on. */
    public Optional<Path> entryFile(String className, String methodName) {
        return directory.map(root -> root.resolve(className).resolve(methodName + SUFFIX));
    }

    /**
     * The failure recorded for a test, if a readable entry exists. An unreadable entry is dropped with a
     * warning.
     */
    public Optional<StoredFailure> load(String uniqueId, String className, String methodName) {
        Optional<Path> file = entryFile(className, methodName);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file.get(), StandardCharsets.UTF_8);
            StoredFailure failure = parse(lines);
            if (!failure.uniqueId().equals(uniqueId)) {
                throw new MalformedEntryException("recorded for " + failure.uniqueId() + ", not " + uniqueId);
            }
            return Optional.of(failure);
        } catch (IOException | RuntimeException e) {
            drop(file.get(), e);
            return Optional.empty();
        }
    }

    /** Records a test's failure, replacing an earlier one. Does nothing when the store is off. */
    public void save(StoredFailure failure, String className, String methodName) {
        Optional<Path> file = entryFile(className, methodName);
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.get().getParent());
            Path temporary = Files.createTempFile(file.get().getParent(), methodName, ".tmp");
            Files.writeString(temporary, format(failure), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file.get(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the failure store entry " + file.get(), e);
        }
    }

    /** Forgets a test's failure (it passed). Does nothing when there is none or the store is off. */
    public void remove(String className, String methodName) {
        entryFile(className, methodName).ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "cannot delete the failure store entry {0}: {1}", file, e.toString());
            }
        });
    }

    /** The text of an entry. */
    public static String format(StoredFailure failure) {
        return HEADER + "\n"
                + "test: " + failure.uniqueId() + "\n"
                + "replay: " + failure.replayToken() + "\n"
                + "seed: " + failure.seed() + "\n"
                + "verdict: " + failure.verdict().replace('\n', ' ') + "\n"
                + "recorded: " + failure.recordedAt() + "\n";
    }

    /**
     * Reads the text of an entry.
     *
     * @throws MalformedEntryException naming what is wrong
     */
    public static StoredFailure parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new MalformedEntryException("the first line must be \"" + HEADER + "\", was \""
                    + (lines.isEmpty() ? "" : lines.get(0)) + "\"");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new MalformedEntryException("a line must be \"name: value\", was \"" + line + "\"");
            }
            fields.put(line.substring(0, colon), line.substring(colon + 2));
        }
        String token = field(fields, "replay");
        if (!ReplayTokenSyntax.isWellFormed(token)) {
            throw new MalformedEntryException("replay must be a replay token, was \"" + token + "\"");
        }
        long seed;
        Instant recorded;
        try {
            seed = Long.parseLong(field(fields, "seed"));
            recorded = Instant.parse(field(fields, "recorded"));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new MalformedEntryException(e.getMessage());
        }
        return new StoredFailure(field(fields, "test"), token, seed, field(fields, "verdict"), recorded);
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new MalformedEntryException("the field \"" + name + "\" is missing");
        }
        return value;
    }

    private static void drop(Path file, Exception cause) {
        LOGGER.log(Level.WARNING, "dropped the unreadable failure store entry {0}: {1}", file,
                cause instanceof NoSuchFileException ? "it vanished while being read" : cause.getMessage());
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "cannot delete the failure store entry {0}: {1}", file, e.toString());
        }
    }

    /** An entry of the store that cannot be read. */
    public static final class MalformedEntryException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MalformedEntryException(String message) {
            super(message);
        }
    }
}
