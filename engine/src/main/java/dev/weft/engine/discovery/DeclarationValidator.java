package dev.weft.engine.discovery;

import dev.weft.api.ConcurrencyTest;
import dev.weft.api.MapOperation;
import dev.weft.api.MapScenario;
import dev.weft.api.ObjectScenario;
import dev.weft.api.Operation;
import dev.weft.api.Strategy;
import dev.weft.engine.config.DurationText;
import dev.weft.engine.config.ReplayTokenSyntax;
import dev.weft.engine.config.SeedText;
import dev.weft.engine.execution.ImperativeProgram;
import dev.weft.engine.execution.MapProgram;
import dev.weft.engine.execution.ObjectProgram;
import dev.weft.engine.execution.TestProgram;
import dev.weft.engine.execution.TestIdentity;
import dev.weft.engine.scenario.MapScenarioSpec;
import dev.weft.engine.scenario.ObjectScenarioSpec;
import dev.weft.engine.scenario.OperationMethod;
import dev.weft.engine.scenario.ScenarioShape;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Checks one {@code @ConcurrencyTest} method and everything it relies on ({@code @MapScenario}, {@code
 * @ObjectScenario}, {@code @Operation} methods, the test class), collecting every problem at once.
 * Each message says what must hold, the actual value, where ({@code (in @ConcurrencyTest on
 * StripedMapTest.stripedMap)}) and, where the rule alone does not say it, the fix.
 */
public final class DeclarationValidator {

    private DeclarationValidator() {
    }

    /** Validates a test method of the given test class (the class may inherit the method). */
    public static ValidatedTest validate(Class<?> testClass, Method method) {
        return new Check(testClass, method).run();
    }

    /** One validation: the state of collecting problems for one method. */
    private static final class Check {

        private final Class<?> testClass;
        private final Method method;
        private final ConcurrencyTest annotation;
        private final List<String> problems = new ArrayList<>();

        Check(Class<?> testClass, Method method) {
            this.testClass = testClass;
            this.method = method;
            this.annotation = AnnotationSupport.findAnnotation(method, ConcurrencyTest.class)
                    .orElseThrow(() -> new IllegalArgumentException(method + " is not a @ConcurrencyTest"));
        }

        ValidatedTest run() {
            checkClass();
            checkMethod();
            checkCounts();
            OptionalLong seed = checkSeed();
            checkReplay();
            Optional<Duration> timeBudget = checkTimeBudget();
            checkPreemptionBound();
            Optional<TestProgram> program = checkForm();
            if (!problems.isEmpty() || program.isEmpty()) {
                return new ValidatedTest.Invalid(problems);
            }
            return new ValidatedTest.Valid(annotation, program.get(), seed, timeBudget);
        }

        private String where(String annotationName) {
            return " (in @" + annotationName + " on " + TestIdentity.shortClassName(testClass.getName()) + "."
                    + method.getName() + ")";
        }

        private void problem(String text) {
            problems.add(text + where("ConcurrencyTest"));
        }

        private void problem(String text, String fix) {
            problems.add(text + where("ConcurrencyTest") + "; " + fix);
        }

        private void checkClass() {
            if (testClass.isMemberClass() && !Modifier.isStatic(testClass.getModifiers())) {
                problem("test class must be top-level or static, was the inner class " + testClass.getName(),
                        "declare it static");
                return;
            }
            boolean hasNoArgConstructor = Arrays.stream(testClass.getDeclaredConstructors())
                    .anyMatch(constructor -> constructor.getParameterCount() == 0);
            if (!hasNoArgConstructor) {
                problem("test class must have a constructor without parameters, was "
                        + Arrays.stream(testClass.getDeclaredConstructors())
                                .map(constructor -> TestIdentity.shortClassName(testClass.getName()) + "("
                                        + typeNames(constructor.getParameterTypes()) + ")")
                                .collect(Collectors.joining(" and ")),
                        "add one: Weft creates a fresh instance for every execution");
            }
        }

        private void checkMethod() {
            int modifiers = method.getModifiers();
            if (Modifier.isPrivate(modifiers)) {
                problem("method must not be private", "make it package-private");
            }
            if (Modifier.isStatic(modifiers)) {
                problem("method must not be static",
                        "remove static: Weft calls it on a fresh instance of the test class");
            }
            boolean alsoJupiterTest = Arrays.stream(method.getAnnotations())
                    .anyMatch(other -> other.annotationType().getName().equals("org.junit.jupiter.api.Test"));
            if (alsoJupiterTest) {
                problem("method must not also be a Jupiter @Test, was @Test @ConcurrencyTest",
                        "remove @Test, or Jupiter runs the method once more without Weft");
            }
            if (method.getParameterCount() > 0) {
                problem("method must take no parameters, was (" + typeNames(method.getParameterTypes()) + ")",
                        "remove them; vary inputs with @MapScenario or @Operation arguments");
            }
        }

        private void checkCounts() {
            atLeast("threads", annotation.threads(), 1);
            atLeast("operations", annotation.operations(), 1);
            atLeast("before", annotation.before(), 0);
            atLeast("after", annotation.after(), 0);
            atLeastOrConfigured("scenarios", annotation.scenarios(), 1);
            atLeastOrConfigured("schedules", annotation.schedules(), 1);
            if (annotation.maxSteps() < 1 && annotation.maxSteps() != ConcurrencyTest.CONFIGURED) {
                problem("maxSteps must be at least 1, was " + annotation.maxSteps(), "or leave it out to use the configured default");
            }
        }

        private void atLeast(String attribute, int value, int minimum) {
            if (value < minimum) {
                problem(attribute + " must be at least " + minimum + ", was " + value);
            }
        }

        private void atLeastOrConfigured(String attribute, int value, int minimum) {
            if (value < minimum && value != ConcurrencyTest.CONFIGURED) {
                problem(attribute + " must be at least " + minimum + ", was " + value,
                        "or leave it out to use the configured default");
            }
        }

        private OptionalLong checkSeed() {
            if (annotation.seed().isEmpty()) {
                return OptionalLong.empty();
            }
            OptionalLong seed = SeedText.parse(annotation.seed());
            if (seed.isEmpty()) {
                problem("seed must be " + SeedText.EXPECTED + ", was \"" + annotation.seed() + "\"");
            }
            return seed;
        }

        private void checkReplay() {
            if (!annotation.replay().isEmpty() && !ReplayTokenSyntax.isWellFormed(annotation.replay())) {
                problem("replay must be " + ReplayTokenSyntax.EXPECTED + ", was \"" + annotation.replay() + "\"",
                        "copy the whole token from the replay line of the report");
            }
        }

        private Optional<Duration> checkTimeBudget() {
            if (annotation.timeBudget().isEmpty()) {
                return Optional.empty();
            }
            Optional<Duration> budget = DurationText.parse(annotation.timeBudget());
            if (budget.isEmpty()) {
                problem("timeBudget must be " + DurationText.EXPECTED + ", was \"" + annotation.timeBudget() + "\"");
            }
            return budget;
        }

        private void checkPreemptionBound() {
            int bound = annotation.preemptionBound();
            if (bound == ConcurrencyTest.CONFIGURED) {
                return;
            }
            if (bound < 0) {
                problem("preemptionBound must be at least 0, was " + bound,
                        "or leave it out to use the configured default");
                return;
            }
            Strategy strategy = annotation.strategy();
            if (strategy != Strategy.DEFAULT && strategy != Strategy.EXHAUSTIVE && strategy != Strategy.PORTFOLIO) {
                problem("preemptionBound applies to EXHAUSTIVE and PORTFOLIO only, was " + bound
                        + " with strategy = " + strategy,
                        "remove preemptionBound or use strategy = Strategy.EXHAUSTIVE");
            }
        }

        private Optional<TestProgram> checkForm() {
            Class<?> returnType = method.getReturnType();
            Optional<MapScenario> mapScenario = AnnotationSupport.findAnnotation(method, MapScenario.class);
            Optional<ObjectScenario> objectScenario = AnnotationSupport.findAnnotation(method, ObjectScenario.class);
            boolean isMap = Map.class.isAssignableFrom(returnType);
            boolean isVoid = returnType == void.class;
            if (mapScenario.isPresent() && !isMap) {
                problems.add("@MapScenario applies to a method that returns a Map, was " + typeName(returnType)
                        + where("MapScenario") + "; remove it or return a fresh map");
            }
            if (objectScenario.isPresent() && (isMap || isVoid)) {
                problems.add("@ObjectScenario applies to a method that returns the object its @Operation "
                        + "methods act on, was " + typeName(returnType) + where("ObjectScenario")
                        + "; remove it, or return the shared object");
            }
            if (isVoid) {
                checkNoScenarioAttributes();
                return Optional.of(new ImperativeProgram(testClass, method));
            }
            if (returnType.isPrimitive() || returnType.isArray()) {
                problem("return type must be void, a Map or the object @Operation methods act on, was "
                        + typeName(returnType),
                        "return void for the imperative form or a fresh Map for the map form");
                return Optional.empty();
            }
            if (isMap) {
                return checkMapForm(returnType, mapScenario)
                        .filter(spec -> problems.isEmpty())
                        .map(spec -> new MapProgram(testClass, method, spec, shape()));
            }
            return checkObjectForm(returnType, objectScenario)
                    .filter(spec -> problems.isEmpty())
                    .map(spec -> new ObjectProgram(testClass, method, spec, shape()));
        }

        /** The scenario shape; only called once the counts are known to be valid. */
        private ScenarioShape shape() {
            return new ScenarioShape(annotation.threads(), annotation.operations(), annotation.before(),
                    annotation.after());
        }

        /** The imperative form starts its own threads: scenario attributes would be silently ignored. */
        private void checkNoScenarioAttributes() {
            List<String> set = new ArrayList<>();
            if (annotation.threads() != 2) {
                set.add("threads = " + annotation.threads());
            }
            if (annotation.operations() != 3) {
                set.add("operations = " + annotation.operations());
            }
            if (annotation.before() != 0) {
                set.add("before = " + annotation.before());
            }
            if (annotation.after() != 0) {
                set.add("after = " + annotation.after());
            }
            if (annotation.scenarios() != ConcurrencyTest.CONFIGURED) {
                set.add("scenarios = " + annotation.scenarios());
            }
            if (!set.isEmpty()) {
                problem("threads, operations, before, after and scenarios apply to the map and object forms only, was "
                        + String.join(", ", set) + " on a void method",
                        "remove them: the imperative form's code starts its own threads");
            }
        }

        private Optional<MapScenarioSpec> checkMapForm(Class<?> mapType, Optional<MapScenario> scenario) {
            checkIntegerTypeArguments();
            int[] keys = scenario.map(MapScenario::keys).orElse(new int[] {0, 1, 2});
            int[] values = scenario.map(MapScenario::values).orElse(new int[] {1, 2, 3});
            MapOperation[] listed = scenario.map(MapScenario::operations).orElse(new MapOperation[0]);
            String where = where("MapScenario");
            int before = problems.size();
            if (keys.length == 0) {
                problems.add("keys must not be empty, was {}" + where);
            } else if (IntStream.of(keys).distinct().count() != keys.length) {
                problems.add("keys must be distinct, was " + braces(keys) + where);
            }
            if (values.length == 0) {
                problems.add("values must not be empty, was {}" + where);
            }
            List<MapOperation> operations;
            if (listed.length == 0) {
                operations = Arrays.stream(MapOperation.values()).filter(op -> op.isDefaultFor(mapType)).toList();
            } else {
                operations = List.of(listed);
                for (MapOperation operation : new LinkedHashSet<>(operations)) {
                    if (!operation.isSupportedBy(mapType)) {
                        problems.add("operations must be supported by the returned " + typeName(mapType) + ", was "
                                + operation + ", which needs a " + operation.declaringType().getSimpleName() + where
                                + "; return a " + operation.declaringType().getSimpleName() + " or remove "
                                + operation);
                    }
                }
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new MapScenarioSpec(mapType, boxed(keys), boxed(values), operations, listed.length == 0));
        }

        private void checkIntegerTypeArguments() {
            Type type = method.getGenericReturnType();
            if (!(type instanceof ParameterizedType parameterized) || parameterized.getActualTypeArguments().length != 2) {
                return;
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (!acceptsInteger(argument)) {
                    problem("map form draws Integer keys and values, was " + simpleTypeName(type),
                            "return a Map<Integer, Integer>");
                    return;
                }
            }
        }

        private static boolean acceptsInteger(Type argument) {
            if (argument instanceof Class<?> type) {
                return type.isAssignableFrom(Integer.class);
            }
            if (argument instanceof WildcardType wildcard) {
                return Arrays.stream(wildcard.getUpperBounds()).allMatch(DeclarationValidator.Check::acceptsInteger);
            }
            return true; // a type variable: nothing to check here
        }

        private Optional<ObjectScenarioSpec> checkObjectForm(Class<?> stateType, Optional<ObjectScenario> scenario) {
            String where = where("ObjectScenario");
            List<Method> declared = ReflectionSupport.findMethods(testClass,
                    candidate -> AnnotationSupport.isAnnotated(candidate, Operation.class), HierarchyTraversalMode.TOP_DOWN);
            List<Method> applicable = declared.stream()
                    .filter(candidate -> candidate.getParameterCount() >= 1
                            && candidate.getParameterTypes()[0].isAssignableFrom(stateType))
                    .toList();
            if (applicable.isEmpty()) {
                problem("return type must be void, a Map or the object @Operation methods act on, was "
                        + typeName(stateType) + ", and no @Operation method of "
                        + TestIdentity.shortClassName(testClass.getName()) + " takes a " + typeName(stateType),
                        "declare @Operation methods whose first parameter takes it, or return void or a Map");
                return Optional.empty();
            }
            List<Method> chosen = applicable;
            String[] names = scenario.map(ObjectScenario::operations).orElse(new String[0]);
            if (names.length > 0) {
                Set<String> known = applicable.stream().map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
                Set<String> wanted = new HashSet<>(Arrays.asList(names));
                for (String name : new LinkedHashSet<>(Arrays.asList(names))) {
                    if (!known.contains(name)) {
                        problems.add("operations must name @Operation methods that take a " + typeName(stateType)
                                + ", was \"" + name + "\"" + where + "; the operations are " + String.join(", ", known));
                    }
                }
                chosen = applicable.stream().filter(candidate -> wanted.contains(candidate.getName())).toList();
            }
            List<OperationMethod> operations = new ArrayList<>();
            for (Method operation : chosen) {
                checkOperation(operation).ifPresent(operations::add);
            }
            List<Method> selected = chosen;
            Optional<Method> model = scenario.map(ObjectScenario::model).filter(name -> !name.isEmpty())
                    .flatMap(name -> checkModel(name, selected, where));
            if (!problems.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ObjectScenarioSpec(stateType, operations, model));
        }

        private Optional<OperationMethod> checkOperation(Method operation) {
            String where = " (in @Operation on " + TestIdentity.shortClassName(testClass.getName()) + "."
                    + operation.getName() + ")";
            int before = problems.size();
            int modifiers = operation.getModifiers();
            if (Modifier.isPrivate(modifiers)) {
                problems.add("@Operation method must not be private" + where + "; make it package-private");
            }
            if (Modifier.isStatic(modifiers)) {
                problems.add("@Operation method must not be static" + where + "; remove static");
            }
            Operation declaration = AnnotationSupport.findAnnotation(operation, Operation.class).orElseThrow();
            Class<?>[] parameters = operation.getParameterTypes();
            boolean takesInt = parameters.length == 2 && (parameters[1] == int.class || parameters[1] == Integer.class);
            if (parameters.length > 2 || (parameters.length == 2 && !takesInt)) {
                problems.add("@Operation method must take the shared object and at most one int, was ("
                        + typeNames(parameters) + ")" + where);
            } else if (takesInt && declaration.arguments().length == 0) {
                problems.add("arguments must not be empty when the method takes an int, was {}" + where
                        + "; list them, such as @Operation(arguments = {1, 2, 3})");
            } else if (!takesInt && declaration.arguments().length > 0) {
                problems.add("arguments must be empty when the method takes no int, was "
                        + braces(declaration.arguments()) + where + "; add an int parameter or remove arguments");
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new OperationMethod(operation, boxed(declaration.arguments()), declaration.wholeState()));
        }

        private Optional<Method> checkModel(String name, List<Method> operations, String where) {
            Optional<Method> model = ReflectionSupport.findMethod(testClass, name);
            if (model.isEmpty()) {
                problems.add("model must name a method of " + TestIdentity.shortClassName(testClass.getName())
                        + " without parameters, was \"" + name + "\"" + where);
                return Optional.empty();
            }
            Method factory = model.get();
            if (Modifier.isStatic(factory.getModifiers()) || Modifier.isPrivate(factory.getModifiers())) {
                problems.add("model method must not be private or static, was \"" + name + "\"" + where);
            }
            for (Method operation : operations) {
                Class<?> accepted = operation.getParameterTypes()[0];
                if (!accepted.isAssignableFrom(factory.getReturnType())) {
                    problems.add("model must return an object every operation takes, was " + typeName(factory.getReturnType())
                            + ", which " + operation.getName() + "(" + typeName(accepted) + ") does not take" + where
                            + "; let the operations take an interface both implement");
                }
            }
            return Optional.of(factory);
        }
    }

    private static List<Integer> boxed(int[] values) {
        return IntStream.of(values).boxed().toList();
    }

    private static String braces(int[] values) {
        return IntStream.of(values).mapToObj(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String typeNames(Class<?>[] types) {
        return Arrays.stream(types).map(DeclarationValidator::typeName).collect(Collectors.joining(", "));
    }

    private static String typeName(Class<?> type) {
        return type.isArray() ? typeName(type.getComponentType()) + "[]" : type.getSimpleName();
    }

    private static String simpleTypeName(Type type) {
        return type.getTypeName().replaceAll("[\\w$]+\\.", "");
    }
}
