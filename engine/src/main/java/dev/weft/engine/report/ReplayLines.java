package dev.weft.engine.report;

import dev.weft.engine.config.WeftSettings;

/** The last two lines of every failure report: the seed, and how to replay the failing execution. */
public final class ReplayLines {

    private ReplayLines() {
    }

    /** {@code seed = 8412331907}. */
    public static String seedLine(long seed) {
        return "seed = " + seed;
    }

    /** {@code replay: @ConcurrencyTest(replay = "w1.AbCd")   or   -Dweft.replay=w1.AbCd}. */
    public static String replayLine(String token) {
        return "replay: @ConcurrencyTest(replay = \"" + token + "\")   or   -D" + WeftSettings.REPLAY + "=" + token;
    }
}
