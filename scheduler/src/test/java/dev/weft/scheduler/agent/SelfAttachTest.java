package dev.weft.scheduler.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SelfAttachTest {

    @Test
    void readsTheJvmsAnswerToLoad() {
        assertThat(SelfAttach.loaded("0\nreturn code: 0\n")).isTrue();
        assertThat(SelfAttach.loaded("0\n0\n")).isTrue();
        assertThat(SelfAttach.loaded("0\nreturn code: 100\n")).isFalse();
        assertThat(SelfAttach.loaded("101\nProtocol mismatch\n")).isFalse();
        assertThat(SelfAttach.loaded("0\ncom.sun.tools.attach.AgentLoadException: Agent JAR not found\n")).isFalse();
        assertThat(SelfAttach.loaded("")).isFalse();
    }
}
