package dev.weft.scheduler.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;

/**
 * The agent jar whose {@code Agent-Class} is byte-buddy-agent's {@code Installer}, for {@link SelfAttach}:
 * byte-buddy-agent's own jar when it is on the class path as itself, else (it is relocated inside
 * Weft's jar, whose {@code Agent-Class} is {@link WeftAgent}) a jar of that one class, written once to
 * the temporary directory and named by its content, shared by every JVM that runs this version of Weft.
 */
final class InstallerJar {

    private InstallerJar() {}

    /** The jar, or {@code null} when none can be had (the caller then attaches through a helper JVM). */
    static Path find() {
        Class<?> installer = net.bytebuddy.agent.Installer.class;
        try {
            CodeSource source = installer.getProtectionDomain().getCodeSource();
            Path location = source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
            if (location != null && Files.isRegularFile(location) && agentClassOf(location).equals(installer.getName())) {
                return location;
            }
            return written(installer);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String agentClassOf(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String agentClass = manifest == null ? null : manifest.getMainAttributes().getValue("Agent-Class");
            return agentClass == null ? "" : agentClass;
        }
    }

    private static Path written(Class<?> installer) throws IOException {
        String resource = installer.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = installer.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            bytes = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Path directory = Path.of(System.getProperty("java.io.tmpdir"));
        Path jar = directory.resolve("weft-installer-" + Long.toHexString(crc.getValue()) + "-" + bytes.length + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Agent-Class", installer.getName());
        attributes.putValue("Can-Redefine-Classes", "true");
        attributes.putValue("Can-Retransform-Classes", "true");
        attributes.putValue("Can-Set-Native-Method-Prefix", "true");
        Path partial = directory.resolve(jar.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry(resource));
            jarOut.write(bytes);
            jarOut.closeEntry();
        }
        try {
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }
}
