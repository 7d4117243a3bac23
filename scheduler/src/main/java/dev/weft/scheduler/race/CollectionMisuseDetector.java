package dev.weft.scheduler.race;

import dev.weft.scheduler.agent.Site;
import dev.weft.scheduler.agent.Sites;
import dev.weft.scheduler.runtime.ExecutionControl;
import dev.weft.scheduler.runtime.ExecutionListener;
import dev.weft.scheduler.runtime.Outcome;
import java.util.Arrays;

/**
 * Reports two managed threads inside methods of the same instance of a non-thread-safe
 * {@code java.util} collection at once, at least one of them changing it — the moment the second
 * one enters, before any exception or wrong result. Nested calls on the same collection by the same
 * thread ({@code putAll} calling {@code put}) count as one region; iterators and views count as
 * their collection. Which methods change a collection is decided by name ({@code put*},
 * {@code remove*}, {@code add*}, {@code clear}, …).
 *
 * <p>Limits: only the collections the agent wraps (HashMap, LinkedHashMap, TreeMap, WeakHashMap,
 * IdentityHashMap, ArrayList, LinkedList, HashSet, LinkedHashSet, TreeSet, ArrayDeque, PriorityQueue,
 * their inner iterators and views); methods inherited from abstract base classes and views that are
 * static nested classes (TreeMap's key set, sub-lists) are not watched. Only the executions Weft
 * runs are seen: two threads whose calls never overlap in any explored interleaving are not
 * reported here (the race detector still sees their unordered accesses).
 */
final class CollectionMisuseDetector implements ExecutionListener {

    private static final int STACK_FRAMES = 8;

    private ExecutionControl control;
    private final IdentityTable<Occupancy> collections = new IdentityTable<>();
    /** Pairs of sites already reported in this execution (WARN mode goes on after a report). */
    private final java.util.Set<Long> reported = new java.util.HashSet<>();

    @Override
    public void executionStarted(ExecutionControl control) {
        this.control = control;
    }

    @Override
    public void collectionEntered(int thread, Object collection, int site) {
        Occupancy inside = collections.get(collection);
        if (inside == null) {
            inside = new Occupancy();
            collections.put(collection, inside);
        }
        if (inside.depth(thread) > 0) {
            inside.enter(thread, site);
            return;
        }
        Site entering = Sites.get(site);
        for (int other = 0; other < inside.depths.length; other++) {
            if (other != thread && inside.depths[other] > 0) {
                Site theirs = Sites.get(inside.sites[other]);
                if ((entering.isMutating() || theirs.isMutating()) && reported.add(((long) site << 32) | inside.sites[other])) {
                    report(collection, other, inside.sites[other], thread, site);
                    break;
                }
            }
        }
        inside.enter(thread, site);
    }

    @Override
    public void collectionExited(int thread, Object collection, int site) {
        Occupancy inside = collections.get(collection);
        if (inside != null && inside.depth(thread) > 0) {
            inside.depths[thread]--;
        }
    }

    private void report(Object collection, int other, int theirSite, int thread, int site) {
        Site theirs = Sites.get(theirSite);
        Site entering = Sites.get(site);
        String type = entering.member().substring(0, entering.member().indexOf('.'));
        // both threads are inside the collection now: their current stacks are the stacks of the finding
        Outcome.Access first = new Outcome.Access(other, method(theirs), theirs.shortLocation(), theirs.location(),
                control.stack(other, STACK_FRAMES), true, theirSite);
        Outcome.Access second = new Outcome.Access(thread, method(entering), entering.shortLocation(), entering.location(),
                control.stack(thread, STACK_FRAMES), true, site);
        control.report(new Outcome.CollectionMisuse(control.objectName(collection), type, first, second));
    }

    /** {@code put}, or for an iterator or view {@code KeyIterator.next}. */
    private static String method(Site site) {
        String className = site.className();
        int nested = className.indexOf('$');
        return nested < 0 ? site.methodName() : className.substring(nested + 1) + "." + site.methodName();
    }

    /** Which threads are inside one collection, how deeply, and in which outermost method. */
    private static final class Occupancy {
        int[] depths = new int[4];
        int[] sites = new int[4];

        int depth(int thread) {
            return thread < depths.length ? depths[thread] : 0;
        }

        void enter(int thread, int site) {
            if (thread >= depths.length) {
                int length = Math.max(thread + 1, depths.length * 2);
                depths = Arrays.copyOf(depths, length);
                sites = Arrays.copyOf(sites, length);
            }
            if (depths[thread]++ == 0) {
                sites[thread] = site;
            }
        }
    }
}
