package dev.weft.scheduler.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.scheduler.explore.Explorer;
import org.junit.jupiter.api.Test;

/**
 * The seed-mixing function and the seeds derived from it keep their values: replay tokens recorded
 * with them must replay the same executions.
 */
class SeedMixTest {

    @Test
    void mix64_isSplitMix64sFinalizer() {
        // the first output of the reference SplitMix64 generator seeded with 0
        assertThat(SeedMix.mix64(SeedMix.GOLDEN_GAMMA)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(SeedMix.mix64(0)).isZero();
    }

    @Test
    void derivedSeeds_keepTheirValues() {
        assertThat(Explorer.drawSeed(42)).isEqualTo(0xBDD732262FEB6E95L);
        assertThat(ExecutionRandom.mix(42, 7)).isEqualTo(0x88F3960B3C0FD2CDL);
    }
}
