package dev.weft.scheduler.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runtime's settings: defaults, parsing, rejection, read once, and values that come too late. */
class RuntimeSettingsTest {

    private static RuntimeSettings of(Map<String, String> values) {
        return new RuntimeSettings(values::get);
    }

    @Test
    void unset_givesTheDefaults() {
        RuntimeSettings settings = of(Map.of());
        assertThat(settings.workers()).isEqualTo("auto");
        assertThat(settings.driver()).isTrue();
        assertThat(settings.handoffSpins()).isZero();
        assertThat(settings.handoffSpinMicros()).isEqualTo(200);
        assertThat(settings.selfAttach()).isTrue();
        assertThat(settings.rewriteCache()).isTrue();
        assertThat(settings.agentEarly()).isTrue();
        assertThat(settings.spinOverride()).isTrue();
    }

    @Test
    void values_areTrimmed_andCaseInsensitiveWhereTheyAreWords() {
        RuntimeSettings settings = of(Map.of(RuntimeSettings.WORKERS, " Platform ", RuntimeSettings.DRIVER, "FALSE",
                RuntimeSettings.HANDOFF_SPINS, " 12", RuntimeSettings.HANDOFF_SPIN_MICROS, "0", RuntimeSettings.SELF_ATTACH, "false",
                RuntimeSettings.REWRITE_CACHE, "False", RuntimeSettings.AGENT_EARLY, "false", RuntimeSettings.NO_SPIN_OVERRIDE, "true"));
        assertThat(settings.workers()).isEqualTo("platform");
        assertThat(settings.driver()).isFalse();
        assertThat(settings.handoffSpins()).isEqualTo(12);
        assertThat(settings.handoffSpinMicros()).isZero();
        assertThat(settings.selfAttach()).isFalse();
        assertThat(settings.rewriteCache()).isFalse();
        assertThat(settings.agentEarly()).isFalse();
        assertThat(settings.spinOverride()).isFalse();
    }

    @Test
    void anEmptyValue_isTheDefault() {
        assertThat(of(Map.of(RuntimeSettings.WORKERS, "", RuntimeSettings.DRIVER, " ")).driver()).isTrue();
        assertThat(of(Map.of(RuntimeSettings.WORKERS, "")).workers()).isEqualTo("auto");
    }

    @Test
    void malformedValues_areRejected_namingKeyValueAndTheAcceptedValues() {
        assertThatThrownBy(() -> of(Map.of(RuntimeSettings.WORKERS, "green")).workers())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weft.workers must be auto, virtual or platform, was 'green'");
        assertThatThrownBy(() -> of(Map.of(RuntimeSettings.SELF_ATTACH, "yes")).selfAttach())
                .hasMessage("weft.selfAttach must be true or false, was 'yes'");
        assertThatThrownBy(() -> of(Map.of(RuntimeSettings.HANDOFF_SPINS, "-1")).handoffSpins())
                .hasMessage("weft.handoffSpins must be a whole number from 0 to 2147483647, was '-1'");
        assertThatThrownBy(() -> of(Map.of(RuntimeSettings.HANDOFF_SPINS, "99999999999")).handoffSpins())
                .hasMessage("weft.handoffSpins must be a whole number from 0 to 2147483647, was '99999999999'");
        assertThatThrownBy(() -> of(Map.of(RuntimeSettings.HANDOFF_SPIN_MICROS, "1.5")).handoffSpinMicros())
                .hasMessage("weft.handoffSpinMicros must be a whole number from 0 to 9223372036854775, was '1.5'");
    }

    @Test
    void validate_namesEveryMalformedValue() {
        RuntimeSettings settings = of(Map.of(RuntimeSettings.DRIVER, "maybe", RuntimeSettings.HANDOFF_SPINS, "lots",
                RuntimeSettings.WORKERS, "platform"));
        assertThatThrownBy(settings::validate)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weft.driver must be true or false, was 'maybe'; "
                        + "weft.handoffSpins must be a whole number from 0 to 2147483647, was 'lots'");
    }

    @Test
    void eachKey_isReadOnce_andKeepsItsValue() {
        Map<String, String> values = new HashMap<>(Map.of(RuntimeSettings.HANDOFF_SPIN_MICROS, "7"));
        RuntimeSettings settings = new RuntimeSettings(values::get);
        assertThat(settings.handoffSpinMicros()).isEqualTo(7);
        values.put(RuntimeSettings.HANDOFF_SPIN_MICROS, "9");
        assertThat(settings.handoffSpinMicros()).isEqualTo(7);
        assertThat(settings.inEffect()).containsEntry(RuntimeSettings.HANDOFF_SPIN_MICROS, "7");
    }

    @Test
    void configuration_givenAfterAKeyWasRead_isReported_andKeysNotReadYetTakeIt() {
        RuntimeSettings settings = of(Map.of(RuntimeSettings.HANDOFF_SPIN_MICROS, "7"));
        settings.validate();
        assertThat(settings.reconfigure(Map.of(RuntimeSettings.HANDOFF_SPIN_MICROS, "9", RuntimeSettings.WORKERS, "Auto",
                RuntimeSettings.DRIVER, "false")::get))
                .containsExactlyInAnyOrder("weft.handoffSpinMicros=9 cannot take effect: the runtime already uses"
                        + " weft.handoffSpinMicros=7, read before the engine's configuration (give it as a system property:"
                        + " -Dweft.handoffSpinMicros=9)",
                        "weft.driver=false cannot take effect: the runtime already uses weft.driver=true, read before the engine's"
                                + " configuration (give it as a system property: -Dweft.driver=false)");
        RuntimeSettings fresh = of(Map.of());
        assertThat(fresh.reconfigure(Map.of(RuntimeSettings.HANDOFF_SPIN_MICROS, "9")::get)).isEmpty();
        assertThat(fresh.handoffSpinMicros()).isEqualTo(9);
    }

    @Test
    void theSameValue_givenAgain_isNoConflict() {
        RuntimeSettings settings = of(Map.of(RuntimeSettings.WORKERS, "platform"));
        settings.validate();
        assertThat(settings.reconfigure(Map.of(RuntimeSettings.WORKERS, " PLATFORM ")::get)).isEmpty();
    }
}
