package dev.weft.scheduler.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/** Writes the hook classes to a small jar and appends it to the bootstrap class path. */
final class BootstrapJar {

    /** Every class of {@code dev.weft.boot}; they must reach the bootstrap loader before anyone loads them. */
    static final String[] CLASSES = {"Hooks", "WorkerState", "RuntimeHooks"};

    private BootstrapJar() {}

    static void append(Instrumentation instrumentation) throws IOException {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getName().startsWith("dev.weft.boot.") && loaded.getClassLoader() != null) {
                throw new IllegalStateException("class " + loaded.getName() + " was loaded by " + loaded.getClassLoader()
                        + " before the weft agent started; start the agent first (-javaagent) or do not touch dev.weft.boot");
            }
        }
        Path jar = Files.createTempFile("weft-boot-", ".jar");
        jar.toFile().deleteOnExit();
        ClassLoader source = BootstrapJar.class.getClassLoader();
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (String name : CLASSES) {
                String resource = "dev/weft/boot/" + name + ".class";
                try (InputStream in = source.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("weft agent is incomplete: " + resource + " is missing from its jar");
                    }
                    jarOut.putNextEntry(new JarEntry(resource));
                    jarOut.write(in.readAllBytes());
                    jarOut.closeEntry();
                }
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }
}
