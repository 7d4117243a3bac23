package dev.weft.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.weft.engine.fixtures.CounterTests;
import dev.weft.engine.fixtures.ValidTests;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

class DiscoveryTest {

    private static final String VALID = "[engine:weft]/[class:dev.weft.engine.fixtures.ValidTests]";

    private static EngineDiscoveryResults discover(DiscoverySelector... selectors) {
        return EngineTestKit.engine(new WeftTestEngine(RecordingExplorer.passing())).selectors(selectors).discover();
    }

    private static Set<String> testIds(EngineDiscoveryResults results) {
        return results.getEngineDescriptor().getDescendants().stream()
                .filter(TestDescriptor::isTest)
                .map(descriptor -> descriptor.getUniqueId().toString())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    @Test
    void classSelector_validTests_oneTestPerMethodWithStableIds() {
        EngineDiscoveryResults results = discover(selectClass(ValidTests.class));

        assertThat(testIds(results)).containsExactly(
                VALID + "/[method:concurrentMap()]",
                VALID + "/[method:imperative()]",
                VALID + "/[method:navigableMap()]",
                VALID + "/[method:plainMap()]");
        assertThat(results.getDiscoveryIssues()).isEmpty();
    }

    @Test
    void classSelector_validTests_classHasClassSourceAndTestsHaveMethodSource() {
        TestDescriptor engine = discover(selectClass(ValidTests.class)).getEngineDescriptor();

        TestDescriptor testClass = engine.getChildren().iterator().next();
        assertThat(testClass.isContainer()).isTrue();
        assertThat(testClass.getDisplayName()).isEqualTo("ValidTests");
        assertThat(testClass.getSource()).contains(ClassSource.from(ValidTests.class));
        for (TestDescriptor test : testClass.getChildren()) {
            assertThat(test.getSource()).get().isInstanceOf(MethodSource.class);
            MethodSource source = (MethodSource) test.getSource().orElseThrow();
            assertThat(source.getClassName()).isEqualTo(ValidTests.class.getName());
            assertThat(source.getMethodName()).isEqualTo(test.getDisplayName());
        }
    }

    @Test
    void methodSelector_oneMethod_onlyThatTest() {
        EngineDiscoveryResults results = discover(selectMethod(ValidTests.class, "plainMap"));

        assertThat(testIds(results)).containsExactly(VALID + "/[method:plainMap()]");
    }

    @Test
    void uniqueIdSelector_method_reResolvesThatTest() {
        EngineDiscoveryResults results = discover(selectUniqueId(VALID + "/[method:imperative()]"));

        assertThat(testIds(results)).containsExactly(VALID + "/[method:imperative()]");
    }

    @Test
    void uniqueIdSelector_class_resolvesEveryTestOfTheClass() {
        EngineDiscoveryResults results = discover(selectUniqueId(VALID));

        assertThat(testIds(results)).hasSize(4);
    }

    @Test
    void packageSelector_fixtures_findsEveryTestClass() {
        TestDescriptor engine = discover(selectPackage("dev.weft.engine.fixtures")).getEngineDescriptor();

        assertThat(engine.getChildren()).extracting(TestDescriptor::getDisplayName)
                .contains("ValidTests", "CounterTests", "InvalidDeclarations", "InvalidOperations", "Outer.Inner",
                        "WithoutDefaultConstructor")
                .doesNotContain("Outer");
    }

    @Test
    void classpathRootSelector_testClasses_findsFixturesButNoEngineTests() {
        var roots = DiscoverySelectors.selectClasspathRoots(Set.of(
                java.nio.file.Paths.get(ValidTests.class.getProtectionDomain().getCodeSource().getLocation().getPath())));
        TestDescriptor engine = discover(roots.toArray(DiscoverySelector[]::new)).getEngineDescriptor();

        assertThat(engine.getChildren()).extracting(TestDescriptor::getDisplayName)
                .contains("ValidTests", "CounterTests")
                .doesNotContain("DiscoveryTest");
    }

    @Test
    void classSelector_objectForm_discoversTestsButNotOperations() {
        EngineDiscoveryResults results = discover(selectClass(CounterTests.class));

        assertThat(testIds(results)).containsExactly(
                "[engine:weft]/[class:dev.weft.engine.fixtures.CounterTests]/[method:counter()]",
                "[engine:weft]/[class:dev.weft.engine.fixtures.CounterTests]/[method:counterAgainstModel()]");
        assertThat(results.getDiscoveryIssues()).isEmpty();
    }

    @Test
    void classSelector_classWithoutTests_nothing() {
        EngineDiscoveryResults results = discover(selectClass(DiscoveryTest.class));

        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
    }
}
