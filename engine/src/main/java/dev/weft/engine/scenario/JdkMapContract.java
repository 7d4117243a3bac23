package dev.weft.engine.scenario;

import dev.weft.api.MapOperation;
import dev.weft.models.model.MapModel;
import dev.weft.models.model.Model;
import dev.weft.models.model.WeakMapModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The JDK maps whose Javadoc makes some of their operations non-atomic, with the sentence that says so
 * (the same in JDK 17 and 25). A map-form test with the default operations checks those operations of
 * these classes by the documented contract ({@link WeakMapModel}: an aggregate update one key at a time, a
 * traversal one key at a time, a count against the calls around it) and every other operation for
 * atomicity; an operation the test names in {@code @MapScenario} is checked for atomicity, and a failure
 * that the documented contract allows says so in the report ({@link #contractLines}).
 *
 * <p>Only these exact classes: a subclass may override any method, so it is checked strictly, as every
 * map of the user's is. {@code Hashtable} and {@code Collections.synchronizedMap} hold one lock for every
 * method, {@code toArray} of their views included, so every operation is atomic and checked as such.
 */
public enum JdkMapContract {

    /** {@code java.util.concurrent.ConcurrentHashMap}. */
    CONCURRENT_HASH_MAP(ConcurrentHashMap.class, Map.of(
            "For aggregate operations such as putAll and clear, concurrent retrievals may reflect insertion or"
                    + " removal of only some entries.",
            List.of(MapOperation.PUT_ALL, MapOperation.CLEAR),
            "Iterators, Spliterators and Enumerations return elements reflecting the state of the hash table at"
                    + " some point at or since the creation of the iterator/enumeration.",
            List.of(MapOperation.KEY_SET, MapOperation.VALUES, MapOperation.ENTRY_SET),
            "Bear in mind that the results of aggregate status methods including size, isEmpty, and"
                    + " containsValue are typically useful only when a map is not undergoing concurrent updates in"
                    + " other threads.",
            List.of(MapOperation.SIZE, MapOperation.IS_EMPTY, MapOperation.CONTAINS_VALUE))),

    /**
     * {@code java.util.concurrent.ConcurrentSkipListMap}. Its Javadoc says nothing of the atomicity of
     * {@code size()}, {@code pollFirstEntry()} and {@code pollLastEntry()}, and no {@code ConcurrentMap}
     * promises it; its code makes none of them atomic (JDK 9's Javadoc still warned that {@code size()} may be
     * inaccurate). Their default check follows the code, and a report names the code in place of a quotation.
     * {@code isEmpty()} looks for the first entry at one point and is checked for atomicity.
     */
    CONCURRENT_SKIP_LIST_MAP(ConcurrentSkipListMap.class, Map.of(
            "Beware that bulk operations putAll, equals, toArray, containsValue, and clear are not guaranteed to"
                    + " be performed atomically.",
            List.of(MapOperation.PUT_ALL, MapOperation.CLEAR, MapOperation.CONTAINS_VALUE),
            "Iterators and spliterators are weakly consistent.",
            List.of(MapOperation.KEY_SET, MapOperation.VALUES, MapOperation.ENTRY_SET),
            JdkMapContract.CODE + "size() is atomic, and it is not: it counts entries in a LongAdder that each insertion and"
                    + " removal updates after changing the map (JDK 17 and 25)",
            List.of(MapOperation.SIZE),
            JdkMapContract.CODE + "pollFirstEntry() and pollLastEntry() are atomic, and they are not: each finds the first (last)"
                    + " entry, then removes it, and a key put before (after) it in between stays (JDK 17 and 25)",
            List.of(MapOperation.POLL_FIRST_ENTRY, MapOperation.POLL_LAST_ENTRY)));

    /** Marks a sentence that describes the code because the Javadoc is silent. */
    private static final String CODE = "\0";

    private final Class<?> type;
    private final Map<MapOperation, String> clauses = new EnumMap<>(MapOperation.class);

    JdkMapContract(Class<?> type, Map<String, List<MapOperation>> clauses) {
        this.type = type;
        clauses.forEach((clause, operations) -> operations.forEach(op -> this.clauses.put(op, clause)));
    }

    /** The contract of a map of exactly {@code mapClass}, if it is one of these JDK classes. */
    public static Optional<JdkMapContract> of(Class<?> mapClass) {
        for (JdkMapContract contract : values()) {
            if (contract.type == mapClass) {
                return Optional.of(contract);
            }
        }
        return Optional.empty();
    }

    /**
     * The contract of the nearest of these JDK classes that {@code mapClass} is or extends: a subclass is
     * checked for atomicity, yet a failure its superclass's contract allows deserves a word.
     */
    public static Optional<JdkMapContract> inherited(Class<?> mapClass) {
        for (Class<?> type = mapClass; type != null; type = type.getSuperclass()) {
            Optional<JdkMapContract> contract = of(type);
            if (contract.isPresent()) {
                return contract;
            }
        }
        return Optional.empty();
    }

    /** The class, such as {@code ConcurrentHashMap}. */
    public Class<?> type() {
        return type;
    }

    /** The operations this class's Javadoc (or, where the Javadoc is silent, its code) makes non-atomic. */
    public Set<MapOperation> nonAtomic() {
        return clauses.keySet();
    }

    /**
     * The model that judges {@code spec}'s scenarios on this class: with the default operations, those this
     * class makes non-atomic are checked by its documented contract; with operations the test names, every
     * one is checked for atomicity.
     */
    public Model<?> model(MapScenarioSpec spec) {
        return spec.defaultOperations() ? documented(spec) : MapModel.of(spec.contract());
    }

    /** The model that checks {@code spec}'s operations this class makes non-atomic by its documented contract. */
    public Model<?> documented(MapScenarioSpec spec) {
        return documented(spec.contract(), spec.operations());
    }

    private Model<?> documented(dev.weft.models.model.MapContract contract, List<MapOperation> operations) {
        Set<String> weak = new LinkedHashSet<>();
        for (MapOperation op : operations) {
            if (clauses.containsKey(op)) {
                weak.add(op.methodName());
            }
        }
        return weak.isEmpty() ? MapModel.of(contract) : WeakMapModel.of(contract, weak);
    }

    /**
     * One line per sentence of the contract that covers an operation of {@code operations}: the class, the
     * operations, and the sentence quoted.
     */
    public List<String> contractLines(List<MapOperation> operations) {
        Map<String, Set<String>> byClause = new java.util.LinkedHashMap<>();
        for (MapOperation op : operations) {
            String clause = clauses.get(op);
            if (clause != null) {
                byClause.computeIfAbsent(clause, c -> new LinkedHashSet<>()).add(op.methodName() + "()");
            }
        }
        List<String> lines = new ArrayList<>();
        byClause.forEach((clause, names) -> lines.add(clause.startsWith(CODE)
                ? type.getSimpleName() + "'s Javadoc does not say " + clause.substring(CODE.length())
                : type.getSimpleName() + " documents " + String.join(", ", names) + " as not atomic: \"" + clause
                        + "\""));
        return lines;
    }
}
