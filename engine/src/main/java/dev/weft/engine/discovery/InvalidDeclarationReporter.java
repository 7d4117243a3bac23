package dev.weft.engine.discovery;

import dev.weft.engine.descriptor.ConcurrencyTestDescriptor;
import dev.weft.engine.discovery.ValidatedTest.Invalid;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Reports every problem of every invalid test, once, as a discovery issue with the method as its
 * source.
 *
 * <p>The severity is {@link Severity#WARNING}: the launcher treats {@code ERROR} as critical by default
 * and then runs none of the engine's tests, while one bad test must never stop the others. The test
 * node of an invalid declaration fails when executed, so a build still goes red.
 */
final class InvalidDeclarationReporter implements TestDescriptor.Visitor {

    private final DiscoveryIssueReporter reporter;

    InvalidDeclarationReporter(DiscoveryIssueReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void visit(TestDescriptor descriptor) {
        if (descriptor instanceof ConcurrencyTestDescriptor test && test.validated() instanceof Invalid invalid) {
            for (String problem : invalid.problems()) {
                reporter.reportIssue(DiscoveryIssue.builder(Severity.WARNING, problem).source(test.getSource()));
            }
        }
    }
}
