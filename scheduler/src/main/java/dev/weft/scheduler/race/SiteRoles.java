package dev.weft.scheduler.race;

import dev.weft.scheduler.agent.Site;
import dev.weft.scheduler.agent.Sites;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the race detector does with an access at a site, decided once per site: track it, treat it
 * as a synchronization action (volatile), or ignore it (inside a JDK class that is thread-safe by
 * design, or a JDK benign-race cache). Also interns field names as small numbers. Used by one
 * execution at a time (the controller runs executions one after the other).
 */
final class SiteRoles {

    static final byte TRACK = 1;
    static final byte VOLATILE = 2;
    static final byte IGNORE = 3;

    /** Lazily cached views of {@code java.util} collections: written racily by design (idempotent). */
    private static final Set<String> BENIGN_CACHES = Set.of("keySet", "values", "entrySet", "navigableKeySet",
            "descendingMap", "descendingKeySet");

    private static byte[] roles = new byte[4096];
    private static int[] fieldIds = new int[4096];
    private static final Map<String, Integer> FIELD_NUMBERS = new HashMap<>();

    private SiteRoles() {}

    static byte role(int site) {
        if (site >= roles.length) {
            int length = Math.max(site + 1, roles.length * 2);
            roles = Arrays.copyOf(roles, length);
            fieldIds = Arrays.copyOf(fieldIds, length);
        }
        byte role = roles[site];
        if (role == 0) {
            role = classify(Sites.get(site));
            roles[site] = role;
        }
        return role;
    }

    /** A small number per field ({@code Owner.field}); call {@link #role} for the site first. */
    static int fieldId(int site) {
        int id = fieldIds[site];
        if (id == 0) {
            String member = Sites.get(site).member();
            Integer known = FIELD_NUMBERS.get(member);
            if (known == null) {
                known = FIELD_NUMBERS.size() + 1;
                FIELD_NUMBERS.put(member, known);
            }
            id = known;
            fieldIds[site] = id;
        }
        return id;
    }

    private static byte classify(Site site) {
        if (site.isVolatile()) {
            return VOLATILE;
        }
        if (isThreadSafeJdk(site.className())) {
            return IGNORE;
        }
        if (site.className().startsWith("java.util.")) {
            String member = site.member();
            String field = member.substring(member.indexOf('.') + 1);
            if (BENIGN_CACHES.contains(field)) {
                return IGNORE;
            }
        }
        return TRACK;
    }

    /** {@code java.util.concurrent} and the core runtime: their plain accesses are ordered by design. */
    static boolean isThreadSafeJdk(String className) {
        return className.startsWith("java.util.concurrent.") || className.startsWith("java.lang.")
                || className.startsWith("jdk.") || className.startsWith("sun.");
    }
}
