package dev.weft.engine.discovery;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import dev.weft.engine.descriptor.TestClassDescriptor;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/** Resolves class selectors and class unique ids to a {@link TestClassDescriptor} and its test methods. */
final class ClassSelectorResolver implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final TestClassPredicate isTestClass = new TestClassPredicate();

    ClassSelectorResolver(Predicate<String> classNameFilter) {
        this.classNameFilter = classNameFilter;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        if (!isTestClass.test(testClass) || !classNameFilter.test(testClass.getName())) {
            return unresolved();
        }
        return context.addToParent(parent -> Optional.of(new TestClassDescriptor(parent.getUniqueId(), testClass)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> methodsOf(testClass))))
                .orElse(unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId.Segment last = selector.getUniqueId().getLastSegment();
        if (!TestClassDescriptor.SEGMENT_TYPE.equals(last.getType())) {
            return unresolved();
        }
        return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                .map(testClass -> resolve(DiscoverySelectors.selectClass(testClass), context))
                .orElse(unresolved());
    }

    private static Set<? extends DiscoverySelector> methodsOf(Class<?> testClass) {
        return ReflectionSupport.findMethods(testClass, TestClassPredicate::isConcurrencyTest, HierarchyTraversalMode.TOP_DOWN)
                .stream()
                .map(method -> selectMethod(testClass, method))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
