package dev.weft.scheduler.replay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Everything needed to reproduce one execution, as one printable string such as {@code w1.AbCd…}.
 *
 * <p><b>Format, version 1.</b> The text is {@code "w1."} followed by the unpadded base64url
 * ({@code A-Z a-z 0-9 - _}) of these bytes, where <i>varint</i> is an unsigned LEB128 integer and
 * <i>zigzag</i> a signed one:
 * <ol>
 *   <li>varint: length {@code L} of the body;
 *   <li>the body ({@code L} bytes):
 *     <ol>
 *       <li>varint: format version (1, the same as in the prefix);
 *       <li>varint: mode, 1 {@code imperative}, 2 {@code map}, 3 {@code operations}, or 0 followed
 *           by the mode as a string (varint length, UTF-8);
 *       <li>zigzag: seed;
 *       <li>varint: index of the execution in its exploration (the runtime derives per-execution
 *           randomness, such as seeds for {@code Random}, from the seed and this index);
 *       <li>varint: JDK feature version the execution ran on;
 *       <li>4 bytes, big-endian: 32-bit hash of the test's identity ({@link #testHash});
 *       <li>bytes (varint length, bytes): the engine's scenario, opaque here;
 *       <li>the {@link DecisionList}: varint count of class names, each a string; varint count of
 *           locations, each a varint header then either (header 0) the location as a string, or
 *           (header {@code 2·line+1}) a varint class index and the method as a string, for a
 *           location {@code Class.method(Outer.java:line)} whose file is its outermost class's;
 *           varint count of runs, each as a varint {@code 8·locationIndex + min(thread, 7)}, a varint
 *           {@code thread - 7} when the thread is 7 or more, and a varint run length;
 *       <li>varint count of nondeterministic draws, each a zigzag;
 *     </ol>
 *   <li>4 bytes, big-endian: CRC-32 of the length and the body.
 * </ol>
 * A token of 3 threads, 60 decisions and 10 switches at 4 distinct locations in 2 classes is 159
 * characters long; the class and method names are 58 of its 117 bytes.
 *
 * <p>{@link #parse} rejects malformed text with an {@link IllegalArgumentException} whose message
 * says what is wrong: wrong prefix, invalid character (and its position, counting from 1), a format
 * version newer than this code, truncation, a checksum mismatch, trailing characters. A well-formed
 * token may still not fit: {@link #requireJdk}, {@link #requireTest} and {@link #requireMode} check
 * that before a replay. Immutable.
 */
public final class ReplayToken {

    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Modes stored as one byte; any other mode is stored as its text. */
    static final List<String> KNOWN_MODES = List.of("imperative", "map", "operations");

    /** Prefix of every token of this format version. */
    public static final String PREFIX = "w" + FORMAT_VERSION + ".";

    private final String mode;
    private final long seed;
    private final long execution;
    private final int jdkFeatureVersion;
    private final int testHash;
    private final byte[] scenario;
    private final DecisionList decisions;
    private final long[] draws;

    private ReplayToken(String mode, long seed, long execution, int jdkFeatureVersion, int testHash,
            byte[] scenario, DecisionList decisions, long[] draws) {
        this.mode = mode;
        this.seed = seed;
        this.execution = execution;
        this.jdkFeatureVersion = jdkFeatureVersion;
        this.testHash = testHash;
        this.scenario = scenario;
        this.decisions = decisions;
        this.draws = draws;
    }

    /** A builder for a token; the mode and the decisions are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The 32-bit hash of a test's identity (its stable unique id, for example), as tokens store it. */
    public static int testHash(String testIdentity) {
        CRC32 crc = new CRC32();
        crc.update(testIdentity.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** The engine's mode, for example {@code imperative} or {@code map}. */
    public String mode() {
        return mode;
    }

    /** The exploration's seed. */
    public long seed() {
        return seed;
    }

    /** The index of the execution in its exploration, from 0. */
    public long execution() {
        return execution;
    }

    /** The JDK feature version (17, 25, …) the execution ran on. */
    public int jdkFeatureVersion() {
        return jdkFeatureVersion;
    }

    /** The hash of the identity of the test the execution belongs to. */
    public int testHash() {
        return testHash;
    }

    /** The engine's scenario bytes (a copy; empty when there is none). */
    public byte[] scenario() {
        return scenario.clone();
    }

    /** The contested decisions of the execution. */
    public DecisionList decisions() {
        return decisions;
    }

    /** The execution's nondeterministic draws, in order (a copy). */
    public long[] draws() {
        return draws.clone();
    }

    /** The printable token, starting with {@value #PREFIX}. */
    public String encode() {
        ByteWriter body = new ByteWriter();
        body.writeVarint(FORMAT_VERSION);
        int modeCode = KNOWN_MODES.indexOf(mode) + 1;
        body.writeVarint(modeCode);
        if (modeCode == 0) {
            body.writeString(mode);
        }
        body.writeSigned(seed);
        body.writeVarint(execution);
        body.writeVarint(jdkFeatureVersion);
        for (int shift = 24; shift >= 0; shift -= 8) {
            body.writeByte(testHash >>> shift);
        }
        body.writeBytes(scenario);
        decisions.writeTo(body);
        body.writeVarint(draws.length);
        for (long draw : draws) {
            body.writeSigned(draw);
        }
        byte[] bodyBytes = body.toByteArray();
        ByteWriter all = new ByteWriter();
        all.writeVarint(bodyBytes.length);
        for (byte b : bodyBytes) {
            all.writeByte(b);
        }
        byte[] checked = all.toByteArray();
        long crc = crc(checked, checked.length);
        for (int shift = 24; shift >= 0; shift -= 8) {
            all.writeByte((int) (crc >>> shift));
        }
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(all.toByteArray());
    }

    /**
     * Reads a token written by {@link #encode()}; surrounding whitespace is ignored.
     *
     * @throws IllegalArgumentException when the text is not a valid token of a supported version
     */
    public static ReplayToken parse(String text) {
        String token = text.strip();
        int version = prefixVersion(token);
        if (version > FORMAT_VERSION) {
            throw new IllegalArgumentException("replay token has format version " + version
                    + ", newer than this Weft supports (" + FORMAT_VERSION
                    + "); use the Weft version that printed it or re-run the exploration");
        }
        if (version != FORMAT_VERSION) {
            String start = token.length() > 12 ? token.substring(0, 12) + "…" : token;
            throw new IllegalArgumentException("replay token must start with \"" + PREFIX + "\", found \"" + start + "\"");
        }
        String payload = token.substring(PREFIX.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (!isBase64Url(c)) {
                throw new IllegalArgumentException("replay token has an invalid character '" + c + "' at position "
                        + (PREFIX.length() + i + 1) + " (allowed: A-Z a-z 0-9 - _)");
            }
        }
        if (payload.isEmpty()) {
            throw new IllegalArgumentException("replay token is truncated: nothing follows \"" + PREFIX + "\"");
        }
        byte[] bytes = decodeBase64Url(payload);
        ByteReader header = new ByteReader(bytes, 0, bytes.length);
        long bodyLength;
        try {
            bodyLength = header.readVarint();
        } catch (IllegalArgumentException e) {
            throw truncated(payload.length() + 1, payload.length());
        }
        if (bodyLength < 0 || bodyLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("replay token is corrupted: its length field says "
                    + Long.toUnsignedString(bodyLength) + " bytes");
        }
        long total = header.position() + bodyLength + 4;
        long expectedChars = (total * 8 + 5) / 6;
        if (payload.length() < expectedChars) {
            throw truncated(expectedChars, payload.length());
        }
        int checkedLength = header.position() + (int) bodyLength;
        long stored = 0;
        for (int i = 0; i < 4; i++) {
            stored = (stored << 8) | (bytes[checkedLength + i] & 0xff);
        }
        if (stored != crc(bytes, checkedLength)) {
            throw new IllegalArgumentException(
                    "replay token is corrupted: its checksum does not match its content (was it edited or mistyped)");
        }
        if (payload.length() > expectedChars) {
            int extra = payload.length() - (int) expectedChars;
            throw new IllegalArgumentException("replay token has " + extra + " unexpected character"
                    + (extra == 1 ? "" : "s") + " at its end, from position "
                    + (PREFIX.length() + expectedChars + 1) + ": \"" + payload.substring((int) expectedChars) + "\"");
        }
        try {
            return readBody(new ByteReader(bytes, header.position(), checkedLength));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("replay token is malformed: " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException truncated(long expectedChars, int found) {
        return new IllegalArgumentException("replay token is truncated or corrupted: expected " + expectedChars
                + " characters after \"" + PREFIX + "\", found " + found);
    }

    /** The version in a {@code w<digits>.} prefix, or -1 when there is no such prefix. */
    private static int prefixVersion(String token) {
        if (!token.startsWith("w")) {
            return -1;
        }
        int dot = token.indexOf('.');
        if (dot < 2 || dot > 10) {
            return -1;
        }
        for (int i = 1; i < dot; i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(token.substring(1, dot));
    }

    private static ReplayToken readBody(ByteReader in) {
        int version = in.readInt("format version", Integer.MAX_VALUE);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("body format version " + version + " does not match its prefix");
        }
        int modeCode = in.readInt("mode", KNOWN_MODES.size());
        String mode = modeCode == 0 ? in.readString("mode") : KNOWN_MODES.get(modeCode - 1);
        long seed = in.readSigned();
        long execution = in.readVarint();
        if (execution < 0) {
            throw new IllegalArgumentException("execution index out of range: " + Long.toUnsignedString(execution));
        }
        int jdk = in.readInt("jdk feature version", Integer.MAX_VALUE);
        int hash = 0;
        for (int i = 0; i < 4; i++) {
            hash = (hash << 8) | in.readByte();
        }
        byte[] scenario = in.readBytes("scenario");
        DecisionList decisions = DecisionList.readFrom(in);
        int drawCount = in.readInt("draw count", in.remaining());
        long[] draws = new long[drawCount];
        for (int i = 0; i < drawCount; i++) {
            draws[i] = in.readSigned();
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException(in.remaining() + " bytes left after the last field");
        }
        return new ReplayToken(mode, seed, execution, jdk, hash, scenario, decisions, draws);
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** Decodes unpadded base64url leniently: leftover bits of a partial last character are dropped. */
    private static byte[] decodeBase64Url(String text) {
        byte[] bytes = new byte[text.length() * 6 / 8];
        int buffer = 0;
        int bits = 0;
        int at = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = c >= 'A' && c <= 'Z' ? c - 'A'
                    : c >= 'a' && c <= 'z' ? c - 'a' + 26
                    : c >= '0' && c <= '9' ? c - '0' + 52
                    : c == '-' ? 62 : 63;
            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                bytes[at++] = (byte) (buffer >>> bits);
            }
        }
        return bytes;
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    /**
     * Checks that this token was recorded on the running JDK's feature version.
     *
     * @throws IllegalArgumentException when it was recorded on another one
     */
    public void requireJdk(int runningFeatureVersion) {
        if (runningFeatureVersion != jdkFeatureVersion) {
            throw new IllegalArgumentException("replay token was recorded on JDK " + jdkFeatureVersion
                    + ", running on JDK " + runningFeatureVersion
                    + ": a token replays only on the JDK feature version it was recorded on;"
                    + " re-run the exploration to get a new token");
        }
    }

    /**
     * Checks that this token was recorded for the test whose identity hashes to {@code hash}
     * ({@link #testHash(String)}); {@code testName} only serves the message.
     *
     * @throws IllegalArgumentException when it was recorded for another test
     */
    public void requireTest(int hash, String testName) {
        if (hash != testHash) {
            throw new IllegalArgumentException(String.format(
                    "replay token was recorded for another test (token's test hash %08x, %s has %08x):"
                            + " a token replays only the test it was recorded for",
                    testHash, testName, hash));
        }
    }

    /**
     * Checks that this token was recorded in {@code runningMode}.
     *
     * @throws IllegalArgumentException when it was recorded in another mode
     */
    public void requireMode(String runningMode) {
        if (!mode.equals(runningMode)) {
            throw new IllegalArgumentException("replay token was recorded in mode " + mode + ", this test runs in mode "
                    + runningMode + ": a token replays only in the mode it was recorded in");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReplayToken that
                && mode.equals(that.mode) && seed == that.seed && execution == that.execution
                && jdkFeatureVersion == that.jdkFeatureVersion
                && testHash == that.testHash && Arrays.equals(scenario, that.scenario)
                && decisions.equals(that.decisions) && Arrays.equals(draws, that.draws);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, seed, execution, jdkFeatureVersion, testHash, Arrays.hashCode(scenario), decisions,
                Arrays.hashCode(draws));
    }

    /** The {@linkplain #encode() printable token}. */
    @Override
    public String toString() {
        return encode();
    }

    /** Collects a token's fields; not thread-safe. */
    public static final class Builder {
        private String mode;
        private long seed;
        private long execution;
        private int jdkFeatureVersion = Runtime.version().feature();
        private int testHash;
        private byte[] scenario = new byte[0];
        private DecisionList decisions;
        private long[] draws = new long[0];

        private Builder() {}

        /** The engine's mode, a short string such as {@code imperative}; required. */
        public Builder mode(String value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /** The exploration's seed; 0 when not given. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** The execution's index in its exploration; 0 when not given. */
        public Builder execution(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("execution index must be at least 0, was " + value);
            }
            this.execution = value;
            return this;
        }

        /** The JDK feature version; the running JDK's when not given. */
        public Builder jdkFeatureVersion(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("jdk feature version must be at least 0, was " + value);
            }
            this.jdkFeatureVersion = value;
            return this;
        }

        /** The test identity's hash, see {@link ReplayToken#testHash(String)}; 0 when not given. */
        public Builder testHash(int value) {
            this.testHash = value;
            return this;
        }

        /** The engine's scenario bytes; empty when not given. */
        public Builder scenario(byte[] value) {
            this.scenario = value.clone();
            return this;
        }

        /** The execution's decisions; required. */
        public Builder decisions(DecisionList value) {
            this.decisions = Objects.requireNonNull(value, "decisions");
            return this;
        }

        /** The execution's nondeterministic draws; none when not given. */
        public Builder draws(long... value) {
            this.draws = value.clone();
            return this;
        }

        /** The token; fails when the mode or the decisions are missing. */
        public ReplayToken build() {
            if (mode == null || decisions == null) {
                throw new IllegalStateException("a replay token needs a mode and decisions, missing "
                        + (mode == null ? "mode" : "decisions"));
            }
            return new ReplayToken(mode, seed, execution, jdkFeatureVersion, testHash, scenario, decisions, draws);
        }
    }
}
