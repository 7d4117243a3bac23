package dev.weft.engine.discovery;

import dev.weft.api.ConcurrencyTest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Predicate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Which classes are Weft test classes: concrete, named classes with at least one {@code
 * @ConcurrencyTest} method (declared or inherited). Abstract classes are left to their subclasses, as
 * in Jupiter. Inner classes, enums and records qualify so that validation can say why they cannot run,
 * rather than skipping them silently.
 */
public final class TestClassPredicate implements Predicate<Class<?>> {

    @Override
    public boolean test(Class<?> candidate) {
        if (Modifier.isAbstract(candidate.getModifiers()) || candidate.isInterface() || candidate.isAnonymousClass()
                || candidate.isLocalClass() || candidate.isSynthetic()) {
            return false;
        }
        return !ReflectionSupport.findMethods(candidate, TestClassPredicate::isConcurrencyTest,
                HierarchyTraversalMode.TOP_DOWN).isEmpty();
    }

    /** Whether the method is annotated (directly or through a meta-annotation) with {@code @ConcurrencyTest}. */
    public static boolean isConcurrencyTest(Method method) {
        return AnnotationSupport.isAnnotated(method, ConcurrencyTest.class);
    }
}
