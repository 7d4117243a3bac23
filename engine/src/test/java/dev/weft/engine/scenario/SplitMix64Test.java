package dev.weft.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void seedZero_knownSequence() {
        // the reference SplitMix64 outputs for seed 0
        SplitMix64 random = new SplitMix64(0);

        assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(random.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void nextInt_staysInBoundsAndCoversThem() {
        SplitMix64 random = new SplitMix64(3);
        int[] counts = new int[5];
        for (int i = 0; i < 5000; i++) {
            counts[random.nextInt(5)]++;
        }
        assertThat(java.util.stream.IntStream.of(counts).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(800, 1200));
    }
}
