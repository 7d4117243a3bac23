package dev.weft.scheduler.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTokenTest {

    /** 3 threads, 60 decisions, 10 switches, at 4 distinct locations: a typical small failure. */
    static DecisionList typicalDecisions() {
        String[] locations = {
            "HashMap.putVal(HashMap.java:631)", "HashMap.getNode(HashMap.java:570)",
            "HashMap.resize(HashMap.java:702)", "StripedMapTest.lambda$put$0(StripedMapTest.java:41)"};
        int[][] runs = {{0, 8}, {1, 5}, {2, 7}, {0, 4}, {1, 6}, {2, 3}, {0, 9}, {1, 2}, {2, 5}, {0, 6}, {1, 5}};
        DecisionRecorder recorder = new DecisionRecorder();
        for (int r = 0; r < runs.length; r++) {
            for (int i = 0; i < runs[r][1]; i++) {
                recorder.record(runs[r][0], locations[r % locations.length]);
            }
        }
        return recorder.toDecisionList();
    }

    static ReplayToken typicalToken() {
        return ReplayToken.builder().mode("imperative").seed(8412331907L).execution(312).jdkFeatureVersion(17)
                .testHash(ReplayToken.testHash("[engine:weft]/[class:StripedMapTest]/[method:stripedMap()]"))
                .decisions(typicalDecisions()).draws(3, -1).build();
    }

    static String valid() {
        return typicalToken().encode();
    }

    @Test
    void typicalToken_isShortAndRoundTrips() {
        DecisionList decisions = typicalDecisions();
        assertThat(decisions.size()).isEqualTo(60);
        assertThat(decisions.switchCount()).isEqualTo(10);

        String token = valid();
        System.out.println("typical replay token (" + token.length() + " characters): " + token);
        assertThat(token).startsWith("w1.").matches("w1\\.[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(160);
        ReplayToken parsed = ReplayToken.parse(token);
        assertThat(parsed).isEqualTo(typicalToken());
        assertThat(parsed.decisions().toThreadArray()).isEqualTo(decisions.toThreadArray());
        assertThat(parsed.decisions().locationTable()).isEqualTo(decisions.locationTable());
        assertThat(parsed.seed()).isEqualTo(8412331907L);
        assertThat(parsed.execution()).isEqualTo(312);
        assertThat(parsed.draws()).containsExactly(3, -1);
        assertThat(parsed.encode()).isEqualTo(token);
    }

    @Test
    void everyField_roundTrips_includingExtremeValues() {
        DecisionRecorder recorder = new DecisionRecorder();
        List<String> odd = List.of("", "java.util.HashMap.putVal(HashMap.java:631)", "Map$Entry.get(Map.java:7)",
                "Foo.bar(F.java:1)", "Foo.bar(Foo.java:012)", "Ünïcode.m(Ünïcode.java:3)", "no location at all",
                "Outer$Inner$Deep.<init>(Outer.java:99)");
        for (int i = 0; i < odd.size(); i++) {
            recorder.record(i % 2 == 0 ? 1000 : 3, odd.get(i));
        }
        ReplayToken token = ReplayToken.builder().mode("map").seed(Long.MIN_VALUE).execution(Long.MAX_VALUE).jdkFeatureVersion(25)
                .testHash(-1).scenario("scenario ✓".getBytes(StandardCharsets.UTF_8)).decisions(recorder.toDecisionList())
                .draws(Long.MAX_VALUE, Long.MIN_VALUE, 0).build();

        ReplayToken parsed = ReplayToken.parse(" " + token.encode() + "\n");
        assertThat(parsed).isEqualTo(token);
        assertThat(parsed.decisions().locationTable()).containsExactlyElementsOf(odd);
        assertThat(new String(parsed.scenario(), StandardCharsets.UTF_8)).isEqualTo("scenario ✓");
        assertThat(parsed.testHash()).isEqualTo(-1);
        assertThat(parsed.mode()).isEqualTo("map");
    }

    @Test
    void emptyDecisions_roundTrip() {
        ReplayToken token = ReplayToken.builder().mode("operations").decisions(DecisionList.EMPTY).build();
        assertThat(ReplayToken.parse(token.encode())).isEqualTo(token);
    }

    @Test
    void wrongPrefix_isRejected() {
        assertThatThrownBy(() -> ReplayToken.parse("x1.AAAA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay token must start with \"w1.\", found \"x1.AAAA\"");
        assertThatThrownBy(() -> ReplayToken.parse("AbCdEfGhIjKlMnOp"))
                .hasMessage("replay token must start with \"w1.\", found \"AbCdEfGhIjKl…\"");
    }

    @Test
    void futureVersion_isRejected() {
        assertThatThrownBy(() -> ReplayToken.parse("w2.AAAA"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay token has format version 2, newer than this Weft supports (1);"
                        + " use the Weft version that printed it or re-run the exploration");
    }

    @Test
    void invalidCharacter_isRejectedWithItsPosition() {
        String token = valid();
        String bad = token.substring(0, 10) + "+" + token.substring(11);
        assertThatThrownBy(() -> ReplayToken.parse(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay token has an invalid character '+' at position 11 (allowed: A-Z a-z 0-9 - _)");
    }

    @Test
    void truncated_isRejected() {
        String token = valid();
        int payload = token.length() - 3;
        assertThatThrownBy(() -> ReplayToken.parse(token.substring(0, token.length() - 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay token is truncated or corrupted: expected " + payload
                        + " characters after \"w1.\", found " + (payload - 20));
        assertThatThrownBy(() -> ReplayToken.parse("w1."))
                .hasMessage("replay token is truncated: nothing follows \"w1.\"");
    }

    @Test
    void typo_isRejectedByTheChecksum() {
        String token = valid();
        int at = token.length() / 2;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        String typo = token.substring(0, at) + replacement + token.substring(at + 1);
        assertThatThrownBy(() -> ReplayToken.parse(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay token is corrupted: its checksum does not match its content (was it edited or mistyped)");
    }

    @Test
    void everySingleCharacterTypo_isRejected() {
        String token = valid();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int at = 3; at < token.length(); at++) {
            for (int k = 0; k < alphabet.length(); k += 7) {
                char c = alphabet.charAt(k);
                if (c == token.charAt(at)) {
                    continue;
                }
                String typo = token.substring(0, at) + c + token.substring(at + 1);
                boolean lastCharacterPadding = at == token.length() - 1;
                if (lastCharacterPadding) {
                    continue; // the last character may carry unused low bits
                }
                assertThatThrownBy(() -> ReplayToken.parse(typo)).as("typo at %d", at)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("replay token ");
            }
        }
    }

    @Test
    void randomEdits_neverParseSilentlyOrFailUnclearly() {
        String token = valid();
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder edited = new StringBuilder(token);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = 3 + random.nextInt(edited.length() - 3);
                switch (random.nextInt(3)) {
                    case 0 -> edited.deleteCharAt(at);
                    case 1 -> edited.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> edited.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String text = edited.toString();
            try {
                ReplayToken parsed = ReplayToken.parse(text);
                // only an edit of the last character's unused low bits may still parse, to the same token
                assertThat(parsed).as(text).isEqualTo(typicalToken());
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as(text).startsWith("replay token ");
            }
        }
    }

    @Test
    void trailingGarbage_isRejected() {
        String token = valid();
        assertThatThrownBy(() -> ReplayToken.parse(token + "xyz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay token has 3 unexpected characters at its end, from position "
                        + (token.length() + 1) + ": \"xyz\"");
    }

    @Test
    void otherJdk_isRejectedWithAdvice() {
        ReplayToken token = typicalToken();
        token.requireJdk(17);
        assertThatThrownBy(() -> token.requireJdk(25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replay token was recorded on JDK 17, running on JDK 25: a token replays only on the JDK"
                        + " feature version it was recorded on; re-run the exploration to get a new token");
    }

    @Test
    void otherTest_isRejected() {
        ReplayToken token = typicalToken();
        int own = ReplayToken.testHash("[engine:weft]/[class:StripedMapTest]/[method:stripedMap()]");
        token.requireTest(own, "StripedMapTest.stripedMap");
        int other = ReplayToken.testHash("[engine:weft]/[class:StripedMapTest]/[method:other()]");
        assertThatThrownBy(() -> token.requireTest(other, "StripedMapTest.other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.format("replay token was recorded for another test (token's test hash %08x,"
                        + " StripedMapTest.other has %08x): a token replays only the test it was recorded for", own, other));
    }

    @Test
    void otherMode_isRejected() {
        typicalToken().requireMode("imperative");
        assertThatThrownBy(() -> typicalToken().requireMode("map"))
                .hasMessage("replay token was recorded in mode imperative, this test runs in mode map:"
                        + " a token replays only in the mode it was recorded in");
    }

    @Test
    void builder_withoutDecisions_isRejected() {
        assertThatThrownBy(() -> ReplayToken.builder().mode("map").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a replay token needs a mode and decisions, missing decisions");
    }

    @Test
    void decisionList_runLengthEncodes() {
        DecisionList list = typicalDecisions();
        assertThat(list.runCount()).isEqualTo(11);
        assertThat(list.threadAt(0)).isZero();
        assertThat(list.threadAt(7)).isZero();
        assertThat(list.threadAt(8)).isEqualTo(1);
        assertThat(list.threadAt(59)).isEqualTo(1);
        assertThat(list.runLocation(1)).isEqualTo("HashMap.getNode(HashMap.java:570)");
        assertThat(list.locationTable()).hasSize(4);
        assertThatThrownBy(() -> list.threadAt(60))
                .hasMessage("decision index 60 out of bounds for 60 decisions");
    }
}
