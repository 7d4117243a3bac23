package dev.weft.scheduler.agent;

import java.util.Arrays;

/**
 * The registry of instrumented sites. Ids are assigned in class-loading order, so they differ from
 * one JVM to the next: anything that must survive a JVM (replay tokens) stores locations, not ids.
 */
public final class Sites {

    private static final Site UNKNOWN = new Site(Site.Kind.CALL, "weft", "runtime", null, -1, "", 0);
    private static volatile Site[] sites = new Site[4096];
    private static int count = 1; // 0 = no site

    private Sites() {}

    static synchronized int register(Site site) {
        Site[] current = sites;
        if (count == current.length) {
            current = Arrays.copyOf(current, current.length * 2);
        }
        current[count] = site;
        sites = current; // volatile write publishes the element
        return count++;
    }

    /** The site with this id; a placeholder for 0 or an unknown id. */
    public static Site get(int id) {
        Site[] snapshot = sites;
        Site site = id > 0 && id < snapshot.length ? snapshot[id] : null;
        return site == null ? UNKNOWN : site;
    }

    private static final java.util.Map<Integer, String> FIELD_OWNERS = new java.util.HashMap<>();

    /** Records the fully qualified class that declares (or is named by) a field site's field. */
    static synchronized void fieldOwner(int site, String ownerClass) {
        FIELD_OWNERS.put(site, ownerClass);
    }

    /** The fully qualified class named by a field site, or {@code null} for other sites. */
    public static synchronized String fieldOwner(int site) {
        return FIELD_OWNERS.get(site);
    }

    /** Every site registered so far, in id order (id 1 first). */
    static synchronized java.util.List<Site> registered() {
        return java.util.List.of(Arrays.copyOfRange(sites, 1, count));
    }

    /** The field owners recorded so far, by site id. */
    static synchronized java.util.Map<Integer, String> fieldOwners() {
        return new java.util.TreeMap<>(FIELD_OWNERS);
    }

    /**
     * Registers {@code restored} as sites 1, 2, … with their field owners, as {@link RewriteCache}
     * read them back; only while no site is registered (else the ids would differ). Returns whether it did.
     */
    static synchronized boolean restore(java.util.List<Site> restored, java.util.Map<Integer, String> owners) {
        if (count != 1) {
            return false;
        }
        for (Site site : restored) {
            register(site);
        }
        FIELD_OWNERS.putAll(owners);
        return true;
    }

    /** Number of sites registered so far. */
    public static synchronized int count() {
        return count - 1;
    }
}
