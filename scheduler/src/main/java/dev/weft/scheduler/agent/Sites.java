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
        Offline offline = OFFLINE.get();
        if (offline != null) {
            offline.sites.add(site);
            return offline.next++;
        }
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
        Offline offline = OFFLINE.get();
        if (offline != null) {
            offline.owners.put(site, ownerClass);
            return;
        }
        FIELD_OWNERS.put(site, ownerClass);
    }

    /**
     * Sites registered by a rewrite made for a later JVM ({@link RewriteCache}): numbered from
     * {@code next} on, kept here, not in this JVM's registry.
     */
    static final class Offline {
        int next;
        final java.util.List<Site> sites = new java.util.ArrayList<>();
        final java.util.Map<Integer, String> owners = new java.util.TreeMap<>();

        Offline(int first) {
            this.next = first;
        }
    }

    private static final ThreadLocal<Offline> OFFLINE = new ThreadLocal<>();

    /** Runs {@code rewrite} on this thread with its sites registered in {@code offline} instead of this JVM's registry. */
    static void offline(Offline offline, Runnable rewrite) {
        OFFLINE.set(offline);
        try {
            rewrite.run();
        } finally {
            OFFLINE.remove();
        }
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
