package dev.weft.engine.descriptor;

import dev.weft.engine.execution.TestIdentity;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A test class with {@code @ConcurrencyTest} methods: a container with a {@link ClassSource}. */
public final class TestClassDescriptor extends AbstractTestDescriptor implements Node<WeftExecutionContext> {

    /** The segment type of a class in a unique id: {@code [class:com.example.StripedMapTest]}. */
    public static final String SEGMENT_TYPE = "class";

    private final Class<?> testClass;

    /** The descriptor of a test class under the given parent. */
    public TestClassDescriptor(UniqueId parentId, Class<?> testClass) {
        super(parentId.append(SEGMENT_TYPE, testClass.getName()), TestIdentity.shortClassName(testClass.getName()),
                ClassSource.from(testClass));
        this.testClass = testClass;
    }

    /** The test class. */
    public Class<?> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /**
     * The class's binary name, as Jupiter gives: Surefire's and Failsafe's XML reports take a test's
     * {@code classname} from it, so a class's Weft and Jupiter tests share one entry and same-named
     * classes of different packages stay apart.
     */
    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }
}
