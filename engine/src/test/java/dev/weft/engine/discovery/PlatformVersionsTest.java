package dev.weft.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformVersionsTest {

    private static Map<String, String> versions(String... pairs) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            versions.put(pairs[i], pairs[i + 1]);
        }
        return versions;
    }

    @Test
    void oneRelease_onEitherLine_isFine() {
        assertThat(PlatformVersions.problem(versions("junit-platform-engine", "1.14.1", "junit-platform-commons", "1.14.1",
                "junit-platform-launcher", "1.14.1", "junit-jupiter-engine", "5.14.1"))).isEmpty();
        assertThat(PlatformVersions.problem(versions("junit-platform-engine", "6.1.3", "junit-platform-commons", "6.1.3",
                "junit-jupiter-engine", "6.1.3"))).isEmpty();
        assertThat(PlatformVersions.problem(versions("junit-platform-engine", "1.13.0"))).isEmpty();
    }

    @Test
    void jupiter6_besideThePlatform1_thatWeftAskedFor_isNamedWithTheRemedy() {
        assertThat(PlatformVersions.problem(versions("junit-platform-engine", "1.14.1", "junit-platform-commons", "1.14.1",
                "junit-platform-launcher", "6.1.3", "junit-jupiter-engine", "6.1.3")))
                .hasValue("junit artifacts of different releases are on the test class path, was junit-platform-engine 1.14.1,"
                        + " junit-platform-commons 1.14.1, junit-platform-launcher 6.1.3, junit-jupiter-engine 6.1.3;"
                        + " import one org.junit:junit-bom (5.14.x or 6.x) in dependencyManagement, or declare the same"
                        + " JUnit version everywhere, and do not pin junit-platform-* artifacts alone");
    }

    @Test
    void aPlatformOlderThan1_13_isNamed() {
        assertThat(PlatformVersions.problem(versions("junit-platform-engine", "1.12.2", "junit-jupiter-engine", "5.12.2")))
                .hasValue("weft needs JUnit Platform 1.13 or later (JUnit 5.13+ or JUnit 6), was junit-platform-engine 1.12.2,"
                        + " junit-jupiter-engine 5.12.2; import org.junit:junit-bom 5.14.x or 6.x in dependencyManagement");
    }

    @Test
    void thisBuildsClassPath_isOneRelease() {
        assertThat(PlatformVersions.problem()).isEmpty();
    }
}
