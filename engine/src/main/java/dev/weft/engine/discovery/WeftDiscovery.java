package dev.weft.engine.discovery;

import dev.weft.engine.descriptor.WeftEngineDescriptor;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * Builds Weft's test tree from a discovery request: class-path roots, packages and modules (through the
 * class-container resolver), classes, methods and unique ids; then prunes classes left without tests
 * and reports invalid declarations as discovery issues.
 */
public final class WeftDiscovery {

    private static final EngineDiscoveryRequestResolver<WeftEngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<WeftEngineDescriptor>builder()
                    .addClassContainerSelectorResolver(new TestClassPredicate())
                    .addSelectorResolver(context -> new ClassSelectorResolver(context.getClassNameFilter()))
                    .addSelectorResolver(context -> new MethodSelectorResolver())
                    .addTestDescriptorVisitor(context -> TestDescriptor::prune)
                    .addTestDescriptorVisitor(context -> new InvalidDeclarationReporter(context.getIssueReporter()))
                    .build();

    private WeftDiscovery() {
    }

    /** Adds the requested tests to the engine's root. */
    public static void discover(EngineDiscoveryRequest request, WeftEngineDescriptor engine, DiscoveryIssueReporter issues) {
        RESOLVER.resolve(request, engine, issues);
    }
}
