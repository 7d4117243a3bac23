package dev.weft.scheduler.agent;

import java.util.regex.Pattern;

/**
 * Class names with the parts that code generators make up at run time taken out: cglib's
 * {@code Connection$$EnhancerByMockitoWithCGLIB$$1638b27b} reads {@code Connection$$EnhancerByMockitoWithCGLIB$$},
 * byte-buddy's {@code List$MockitoMock$ZIedyaYg} reads {@code List$MockitoMock$}, a JDK proxy {@code $Proxy12}
 * reads {@code $Proxy}, a lambda {@code Task$$Lambda$14/0x0000000800c03000} reads {@code Task$$Lambda}. Those
 * parts differ from one JVM to the next (a random suffix, a counter of classes generated so far, an
 * address); sites, replay tokens and traces name classes this way, so that a token recorded in one JVM
 * replays in another.
 */
public final class GeneratedNames {

    private static final Pattern[] SUFFIXES = {
        Pattern.compile("(\\$\\$[A-Za-z]*CGLIB\\$\\$)[0-9a-fA-F]+"),
        Pattern.compile("(\\$(?:ByteBuddy|MockitoMock|auxiliary|[A-Za-z]*Proxy)\\$)[A-Za-z0-9]{8}(?![A-Za-z0-9])"),
        Pattern.compile("(\\$Proxy)\\d+"),
        Pattern.compile("(_\\$\\$_javassist_)\\d+"),
        Pattern.compile("(\\$\\$Lambda)(?:\\$\\d+)?(?:/0x[0-9a-fA-F]+)?"),
        Pattern.compile("()/0x[0-9a-fA-F]+"),
    };

    private GeneratedNames() {}

    /** {@code name} (a class name, or text that holds one) without the made-up parts of generated class names. */
    public static String stable(String name) {
        if (name == null || (name.indexOf('$') < 0 && name.indexOf('/') < 0)) {
            return name;
        }
        String stable = name;
        for (Pattern suffix : SUFFIXES) {
            stable = suffix.matcher(stable).replaceAll("$1");
        }
        return stable;
    }
}
