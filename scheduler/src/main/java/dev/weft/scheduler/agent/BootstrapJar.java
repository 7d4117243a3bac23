package dev.weft.scheduler.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;

/**
 * Writes the hook classes to a small jar in the temporary directory (named by its content, shared by
 * every JVM that runs this version of Weft) and appends it to the bootstrap class path.
 */
final class BootstrapJar {

    /**
     * Every class of {@code dev.weft.boot} (internal names): the hook classes and what they use. They must
     * reach the bootstrap loader before anyone loads them.
     */
    static final String[] CLASSES = classes();

    private BootstrapJar() {}

    static void append(Instrumentation instrumentation) throws IOException {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getName().startsWith("dev.weft.boot.") && loaded.getClassLoader() != null) {
                throw new IllegalStateException("class " + loaded.getName() + " was loaded by " + loaded.getClassLoader()
                        + " before the weft agent started; start the agent first (-javaagent) or do not touch dev.weft.boot");
            }
        }
        ClassLoader source = BootstrapJar.class.getClassLoader();
        byte[][] classes = new byte[CLASSES.length][];
        CRC32 crc = new CRC32();
        for (int i = 0; i < CLASSES.length; i++) {
            classes[i] = resource(source, CLASSES[i] + ".class");
            crc.update(classes[i]);
        }
        crc.update(resource(source, HookTrampolines.class.getName().replace('.', '/') + ".class"));
        // named by the classes as they are in Weft's jar and by the class that rewrites them, so
        // that JVMs share one file: only the first pays for rewriting the hooks with ASM, and none for a
        // random temp-file name (seeding the random generator behind Files.createTempFile costs tens
        // of milliseconds)
        Path directory = Path.of(System.getProperty("java.io.tmpdir"));
        Path jar = directory.resolve("weft-boot-" + Long.toHexString(crc.getValue()) + "-" + sizeOf(classes) + ".jar");
        if (!Files.isRegularFile(jar)) {
            for (int i = 0; i < CLASSES.length; i++) {
                if (HookClasses.ALL.contains(CLASSES[i])) {
                    classes[i] = HookTrampolines.rewrite(classes[i]);
                }
            }
            Path partial = directory.resolve(jar.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            try (OutputStream out = Files.newOutputStream(partial); JarOutputStream jarOut = new JarOutputStream(out)) {
                for (int i = 0; i < CLASSES.length; i++) {
                    jarOut.putNextEntry(new JarEntry(CLASSES[i] + ".class"));
                    jarOut.write(classes[i]);
                    jarOut.closeEntry();
                }
            }
            try {
                Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }

    private static String[] classes() {
        List<String> classes = new ArrayList<>(HookClasses.ALL);
        classes.addAll(List.of("dev/weft/boot/LiveWorker", "dev/weft/boot/WorkerState", "dev/weft/boot/RuntimeHooks"));
        return classes.toArray(String[]::new);
    }

    private static byte[] resource(ClassLoader source, String resource) throws IOException {
        try (InputStream in = source.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("weft agent is incomplete: " + resource + " is missing from its jar");
            }
            return in.readAllBytes();
        }
    }

    private static long sizeOf(byte[][] classes) {
        long size = 0;
        for (byte[] bytes : classes) {
            size += bytes.length;
        }
        return size;
    }
}
