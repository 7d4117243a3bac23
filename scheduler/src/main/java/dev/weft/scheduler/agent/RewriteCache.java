package dev.weft.scheduler.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The JDK classes loaded before the agent, rewritten once and kept in a file in the temporary
 * directory that later JVMs read instead of running ASM at start-up, cold, on every one of them
 * (about 0.3 s on two cores). Attached at run time, the agent finds more classes loaded, and which
 * ones depends on the program; each list has a file of its own, and the {@value #KEPT} most
 * recently used files are kept.
 *
 * <p>Rewritten classes carry the ids of their sites, and ids are handed out in order. So the classes
 * are rewritten in name order, first of all (site 1 onwards), and a later JVM registers the same
 * sites before anything else, which gives them the same ids. The file is named by everything the
 * bytes depend on: the JDK (its home and version), Weft's rewriting code and ASM (their class files)
 * and the list of classes. Anything unexpected — no file, a file that does not read back whole, sites
 * already registered — and the classes are rewritten as without a cache.
 */
final class RewriteCache {

    private static final int MAGIC = 0x57465243; // "WFRC"
    private static final int FORMAT = 2;
    static final int KEPT = 8;

    private final Path file;
    /** What the file holds (or will): sites 1, 2, … with their field owners, the classes loaded before the agent, and those loaded later. */
    private List<Site> sites = List.of();
    private Map<Integer, String> owners = Map.of();
    private Map<String, byte[]> early = Map.of();
    private Map<String, byte[]> late = Map.of();

    private RewriteCache(Path file) {
        this.file = file;
    }

    /**
     * What the rewritten bytes depend on besides the list of classes: the JDK and Weft's rewriting
     * code; {@code null} when that cannot be told (then there is no cache).
     */
    static CRC32 identity() {
        if (!dev.weft.scheduler.runtime.RuntimeSettings.process().rewriteCache()) {
            return null;
        }
        try {
            CRC32 crc = new CRC32();
            update(crc, System.getProperty("java.home"));
            update(crc, System.getProperty("java.vm.version"));
            update(crc, System.getProperty("java.runtime.version"));
            if (!updateWithCode(crc, RewriteCache.class, "dev/weft/scheduler/agent/")) {
                return null;
            }
            for (String asm : new String[] {"org/objectweb/asm/ClassWriter.class", "org/objectweb/asm/MethodWriter.class",
                "org/objectweb/asm/ClassReader.class", "org/objectweb/asm/tree/MethodNode.class"}) {
                try (InputStream in = RewriteCache.class.getClassLoader().getResourceAsStream(asm)) {
                    if (in == null) {
                        return null;
                    }
                    crc.update(in.readAllBytes());
                }
            }
            return crc;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The cache for these boot classes (internal names, sorted) in this JVM, or {@code null} when none can be used. */
    static RewriteCache forClasses(CRC32 identity, List<String> names) {
        if (identity == null || names.isEmpty()) {
            return null;
        }
        for (String name : names) {
            update(identity, name);
        }
        Path directory = Path.of(System.getProperty("java.io.tmpdir"));
        return new RewriteCache(directory.resolve("weft-rewrites-" + Long.toHexString(identity.getValue()) + "-" + names.size() + ".bin"));
    }

    private static void update(CRC32 crc, String text) {
        crc.update(String.valueOf(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        crc.update(0);
    }

    /** Adds the class files of Weft's rewriting package, from its jar's directory or from a class directory. */
    private static boolean updateWithCode(CRC32 crc, Class<?> anchor, String packagePath) throws IOException {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return false;
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
        if (Files.isDirectory(location)) {
            // no streams or lambdas here: the first of them costs tens of milliseconds in a starting JVM
            TreeSet<Path> files = new TreeSet<>();
            try (java.nio.file.DirectoryStream<Path> listing = Files.newDirectoryStream(location.resolve(packagePath))) {
                for (Path path : listing) {
                    if (path.getFileName().toString().endsWith(".class")) {
                        files.add(path);
                    }
                }
            }
            for (Path classFile : files) {
                update(crc, classFile.getFileName().toString());
                crc.update(Files.readAllBytes(classFile));
            }
            return !files.isEmpty();
        }
        boolean any = false;
        try (JarFile jar = new JarFile(location.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(packagePath) && entry.getName().endsWith(".class")) {
                    update(crc, entry.getName());
                    update(crc, Long.toHexString(entry.getCrc()) + "/" + entry.getSize());
                    any = true;
                }
            }
        }
        return any;
    }

    /**
     * Reads the file and registers its sites; returns the rewritten classes by internal name, or
     * {@code null} (nothing registered) when there is no usable file.
     */
    Map<String, byte[]> load() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length < 8) {
                return null;
            }
            CRC32 crc = new CRC32();
            crc.update(content, 0, content.length - 8);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(content));
            in.skipBytes(content.length - 8);
            if (in.readLong() != crc.getValue()) {
                return null;
            }
            in = new DataInputStream(new ByteArrayInputStream(content, 0, content.length - 8));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return null;
            }
            int siteCount = in.readInt();
            List<Site> sites = new ArrayList<>(siteCount);
            Site.Kind[] kinds = Site.Kind.values();
            for (int i = 0; i < siteCount; i++) {
                Site.Kind kind = kinds[in.readUnsignedByte()];
                String className = in.readUTF();
                String methodName = in.readUTF();
                String fileName = in.readBoolean() ? in.readUTF() : null;
                sites.add(new Site(kind, className, methodName, fileName, in.readInt(), in.readUTF(), in.readInt()));
            }
            Map<Integer, String> owners = new LinkedHashMap<>();
            int ownerCount = in.readInt();
            for (int i = 0; i < ownerCount; i++) {
                owners.put(in.readInt(), in.readUTF());
            }
            Map<String, byte[]> classes = readClasses(in);
            Map<String, byte[]> later = readClasses(in);
            if (!Sites.restore(sites, owners)) {
                return null;
            }
            this.sites = sites;
            this.owners = owners;
            this.early = classes;
            this.late = later;
            PreparedRewrites.offerOnLoad(later);
            try {
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException e) {
                // only the order in which old files are removed depends on it
            }
            return classes;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, byte[]> readClasses(DataInputStream in) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        int classCount = in.readInt();
        for (int i = 0; i < classCount; i++) {
            String name = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            classes.put(name, bytes);
        }
        return classes;
    }

    /**
     * Adds to the file the JDK classes this JVM rewrote as they loaded: rewritten again, in name
     * order, with the site ids that follow the file's (a later JVM registers them all at start, so
     * the bytes hold the right ids when those classes load there). Called as the JVM exits.
     */
    void saveLoaded() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(PreparedRewrites.loaded());
        names.removeAll(early.keySet());
        names.removeAll(late.keySet());
        if (names.isEmpty() || sites.isEmpty()) {
            return;
        }
        Sites.Offline offline = new Sites.Offline(sites.size() + 1);
        Map<String, byte[]> added = new LinkedHashMap<>(late);
        Sites.offline(offline, () -> rewriteFromImage(names, false, added));
        List<Site> allSites = new ArrayList<>(sites);
        allSites.addAll(offline.sites);
        Map<Integer, String> allOwners = new java.util.TreeMap<>(owners);
        allOwners.putAll(offline.owners);
        try {
            write(allSites, allOwners, early, added);
        } catch (IOException | RuntimeException e) {
            // kept as it was
        }
    }

    /**
     * Rewrites the classes in name order while no other site is registered, and writes the file.
     * Returns the rewritten classes (empty when sites were already registered: then the transformer
     * rewrites them during retransformation, as without a cache).
     */
    Map<String, byte[]> create(List<String> names) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        synchronized (Sites.class) {
            if (Sites.count() != 0) {
                return classes;
            }
            rewriteFromImage(names, true, classes);
        }
        this.sites = Sites.registered();
        this.owners = Sites.fieldOwners();
        this.early = classes;
        try {
            write(sites, owners, classes, Map.of());
            removeOld();
        } catch (IOException | RuntimeException e) {
            // no cache this time; the next JVM tries again
        }
        return classes;
    }

    /**
     * Rewrites JDK classes from their class files in the JDK's image into {@code into}, as the
     * transformer would on retransformation or as they load. A class that cannot be read or rewritten
     * is left out: the transformer rewrites it when it gets it, and reports it if it cannot.
     */
    private static void rewriteFromImage(Iterable<String> names, boolean retransforming, Map<String, byte[]> into) {
        for (String name : names) {
            try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
                if (in != null) {
                    into.put(name, WeftTransformer.rewrite(in.readAllBytes(), null, InstrumentationScope.modeOf(name, null), retransforming));
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                // left to the transformer
            }
        }
    }

    /** Keeps the {@value #KEPT} most recently used files of this kind in the directory. */
    private void removeOld() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(file.getParent())) {
            files = new ArrayList<>(listing.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("weft-rewrites-") && name.endsWith(".bin");
            }).toList());
        }
        if (files.size() <= KEPT) {
            return;
        }
        Map<Path, Long> used = new LinkedHashMap<>();
        for (Path path : files) {
            used.put(path, Files.getLastModifiedTime(path).toMillis());
        }
        files.sort((a, b) -> Long.compare(used.get(b), used.get(a)));
        for (Path old : files.subList(KEPT, files.size())) {
            Files.deleteIfExists(old);
        }
    }

    private void write(List<Site> sites, Map<Integer, String> owners, Map<String, byte[]> classes, Map<String, byte[]> later)
            throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(sites.size());
        for (Site site : sites) {
            out.writeByte(site.kind().ordinal());
            out.writeUTF(site.className());
            out.writeUTF(site.methodName());
            out.writeBoolean(site.fileName() != null);
            if (site.fileName() != null) {
                out.writeUTF(site.fileName());
            }
            out.writeInt(site.line());
            out.writeUTF(site.member());
            out.writeInt(site.fieldFlags());
        }
        out.writeInt(owners.size());
        for (Map.Entry<Integer, String> owner : owners.entrySet()) {
            out.writeInt(owner.getKey());
            out.writeUTF(owner.getValue());
        }
        for (Map<String, byte[]> section : List.of(classes, later)) {
            out.writeInt(section.size());
            for (Map.Entry<String, byte[]> entry : section.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(buffer.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.write(partial, buffer.toByteArray());
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
