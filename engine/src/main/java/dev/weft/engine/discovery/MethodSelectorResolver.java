package dev.weft.engine.discovery;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.weft.engine.descriptor.ConcurrencyTestDescriptor;
import dev.weft.engine.descriptor.TestClassDescriptor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves method selectors and method unique ids to a validated {@link ConcurrencyTestDescriptor}
 * under its class's descriptor. Invalid declarations become test nodes too: they fail when executed.
 */
final class MethodSelectorResolver implements SelectorResolver {

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!TestClassPredicate.isConcurrencyTest(method)) {
            return unresolved();
        }
        return context.addToParent(() -> selectClass(testClass),
                        parent -> Optional.of(new ConcurrencyTestDescriptor(parent.getUniqueId(), testClass, method,
                                DeclarationValidator.validate(testClass, method))))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElse(unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        List<UniqueId.Segment> segments = uniqueId.getSegments();
        if (segments.size() < 2 || !ConcurrencyTestDescriptor.SEGMENT_TYPE.equals(uniqueId.getLastSegment().getType())) {
            return unresolved();
        }
        UniqueId.Segment classSegment = segments.get(segments.size() - 2);
        if (!TestClassDescriptor.SEGMENT_TYPE.equals(classSegment.getType())) {
            return unresolved();
        }
        String methodSegment = uniqueId.getLastSegment().getValue();
        return ReflectionSupport.tryToLoadClass(classSegment.getValue()).toOptional()
                .flatMap(testClass -> findMethod(testClass, methodSegment)
                        .map(method -> resolve(DiscoverySelectors.selectMethod(testClass, method), context)))
                .orElse(unresolved());
    }

    private static Optional<Method> findMethod(Class<?> testClass, String segmentValue) {
        return ReflectionSupport.findMethods(testClass, TestClassPredicate::isConcurrencyTest, HierarchyTraversalMode.TOP_DOWN)
                .stream()
                .filter(method -> ConcurrencyTestDescriptor.segmentValue(method).equals(segmentValue))
                .findFirst();
    }
}
