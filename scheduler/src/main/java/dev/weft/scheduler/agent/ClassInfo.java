package dev.weft.scheduler.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the instrumenter needs to know about classes other than the one it rewrites: field flags
 * (final fields need no scheduling point; volatile ones matter to the race detector) and
 * superclasses. Read from class-file bytes, never by loading classes, which a transformer must not.
 */
final class ClassInfo {

    /** Field flags when the field cannot be found: treated as a plain, mutable field. */
    static final int UNKNOWN_FIELD = 0;

    private static final Map<String, ClassInfo> CACHE = new ConcurrentHashMap<>();
    private static final ClassInfo MISSING = new ClassInfo(null, Map.of());

    private final String superName;
    private final Map<String, Integer> fields;

    private ClassInfo(String superName, Map<String, Integer> fields) {
        this.superName = superName;
        this.fields = fields;
    }

    /** Flags of field {@code name} as seen from {@code owner}, searching superclasses. */
    static int fieldFlags(ClassLoader loader, String owner, String name) {
        for (int depth = 0; owner != null && depth < 32; depth++) {
            ClassInfo info = of(loader, owner);
            Integer flags = info.fields.get(name);
            if (flags != null) {
                return flags;
            }
            owner = info.superName;
        }
        return UNKNOWN_FIELD;
    }

    /** Whether {@code owner} is {@code java/lang/Thread} or a subclass of it. */
    static boolean isThread(ClassLoader loader, String owner) {
        for (int depth = 0; owner != null && depth < 32; depth++) {
            if (owner.equals("java/lang/Thread")) {
                return true;
            }
            if (owner.equals("java/lang/Object") || owner.startsWith("[")) {
                return false;
            }
            owner = of(loader, owner).superName;
        }
        return false;
    }

    static void remember(ClassLoader loader, String name, byte[] bytes) {
        CACHE.putIfAbsent(key(loader, name), parse(bytes));
    }

    private static String key(ClassLoader loader, String name) {
        return (loader == null ? "" : Integer.toHexString(System.identityHashCode(loader))) + "/" + name;
    }

    private static ClassInfo of(ClassLoader loader, String name) {
        String key = key(loader, name);
        ClassInfo info = CACHE.get(key);
        if (info == null) {
            info = read(loader, name);
            CACHE.put(key, info);
        }
        return info;
    }

    private static ClassInfo read(ClassLoader loader, String name) {
        String resource = name + ".class";
        try (InputStream in = loader == null
                ? ClassLoader.getSystemClassLoader().getResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            if (in == null) {
                return MISSING;
            }
            return parse(in.readAllBytes());
        } catch (IOException | RuntimeException e) {
            return MISSING;
        }
    }

    private static ClassInfo parse(byte[] bytes) {
        Map<String, Integer> fields = new HashMap<>();
        String[] superName = new String[1];
        try {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String name, String signature, String superClass, String[] interfaces) {
                    superName[0] = superClass;
                }

                @Override
                public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                    fields.put(name, access);
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return MISSING;
        }
        return new ClassInfo(superName[0], fields);
    }
}
