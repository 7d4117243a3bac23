package dev.weft.scheduler.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Classes retransformed with synchronized methods are listed; nothing else is. */
class LateSynchronizedClassesTest {

    static final class RetransformedWithSynchronized {
        synchronized void touch() {
        }
    }

    static final class LoadedAfterAgentWithSynchronized {
        synchronized void touch() {
        }
    }

    static final class RetransformedWithoutSynchronized {
        void touch() {
        }
    }

    @Test
    void retransformedClassWithSynchronizedMethod_isListed_othersAreNot() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        WeftTransformer.rewrite(bytes(RetransformedWithSynchronized.class), loader, InstrumentationScope.Mode.FULL, true);
        WeftTransformer.rewrite(bytes(LoadedAfterAgentWithSynchronized.class), loader, InstrumentationScope.Mode.FULL, false);
        WeftTransformer.rewrite(bytes(RetransformedWithoutSynchronized.class), loader, InstrumentationScope.Mode.FULL, true);
        WeftTransformer.rewrite(bytes(java.util.Vector.class), null, InstrumentationScope.Mode.FULL, true);

        assertThat(WeftAgent.lateSynchronizedClasses())
                .contains(RetransformedWithSynchronized.class.getName())
                .doesNotContain(LoadedAfterAgentWithSynchronized.class.getName(), RetransformedWithoutSynchronized.class.getName(),
                        "java.util.Vector");
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
