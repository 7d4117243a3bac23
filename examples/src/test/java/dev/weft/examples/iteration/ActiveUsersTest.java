package dev.weft.examples.iteration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Single-threaded behaviour of the four versions: same answers when one thread uses them. */
class ActiveUsersTest {

    /** The three operations of one version, so that the same test runs against each. */
    record Version(String name, BiConsumer<String, Long> touch, Consumer<String> forget, LongFunction<List<String>> activeSince) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> versions() {
        var buggy = new BuggyActiveUsers();
        var buggySynchronized = new BuggySynchronizedActiveUsers();
        var snapshot = new SnapshotActiveUsers();
        var weaklyConsistent = new ActiveUsers();
        return Stream.of(
                Arguments.of(new Version("BuggyActiveUsers", buggy::touch, buggy::forget, buggy::activeSince)),
                Arguments.of(new Version("BuggySynchronizedActiveUsers", buggySynchronized::touch,
                        buggySynchronized::forget, buggySynchronized::activeSince)),
                Arguments.of(new Version("SnapshotActiveUsers", snapshot::touch, snapshot::forget, snapshot::activeSince)),
                Arguments.of(new Version("ActiveUsers", weaklyConsistent::touch, weaklyConsistent::forget,
                        weaklyConsistent::activeSince)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void activeSince_listsUsersSeenAtOrAfterTheInstant(Version users) {
        users.touch().accept("ada", 100L);
        users.touch().accept("grace", 200L);
        users.touch().accept("alan", 300L);
        users.touch().accept("ada", 400L);
        users.forget().accept("alan");

        assertThat(users.activeSince().apply(200)).containsExactlyInAnyOrder("ada", "grace");
        assertThat(users.activeSince().apply(201)).containsExactly("ada");
        assertThat(users.activeSince().apply(401)).isEmpty();
    }
}
