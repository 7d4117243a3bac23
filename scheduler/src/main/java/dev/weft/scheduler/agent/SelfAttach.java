package dev.weft.scheduler.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Loads an agent jar into this very JVM through HotSpot's attach mechanism, without the separate JVM
 * that the JDK's attach API needs here (it refuses to attach a JVM to itself unless
 * {@code -Djdk.attach.allowAttachSelf=true} was given at start, so byte-buddy-agent starts a helper
 * JVM, about 0.4 s on two cores).
 *
 * <p>It speaks the attach protocol itself: an {@code .attach_pid<pid>} file and a {@code SIGQUIT}
 * (sent with the shell's {@code kill}) make the JVM open its attach socket ({@code /tmp/.java_pid<pid>}), and a {@code load instrument}
 * request on that socket loads the jar as {@code jcmd}'s agent loading would. Used only where that is
 * safe: Linux, a HotSpot JVM whose attach mechanism is on and which handles {@code SIGQUIT} itself (not
 * with {@code -Xrs}, where the signal would end the process). Anything unexpected returns
 * {@code false} and the caller attaches the usual way; {@code -Dweft.selfAttach=false} turns it off.
 */
final class SelfAttach {

    private static final long SOCKET_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private SelfAttach() {}

    /** Whether this JVM is one where {@link #load} may be tried. */
    static boolean possible() {
        if (!dev.weft.scheduler.runtime.RuntimeSettings.process().selfAttach()) {
            return false;
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return false;
        }
        try {
            com.sun.management.HotSpotDiagnosticMXBean vm =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return vm != null
                    && "false".equals(vm.getVMOption("ReduceSignalUsage").getValue())
                    && "false".equals(vm.getVMOption("DisableAttachMechanism").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or the options are unknown: attach the usual way
        }
    }

    /**
     * Loads {@code agentJar} (its {@code Agent-Class}'s {@code agentmain} runs before this returns).
     *
     * @return whether the JVM reported the agent loaded; {@code false} for any failure
     */
    static boolean load(Path agentJar) {
        long pid = ProcessHandle.current().pid();
        Path socket = Path.of("/tmp", ".java_pid" + pid);
        String jar = agentJar.toAbsolutePath().toString();
        try {
            if (Files.exists(socket)) {
                try {
                    return request(socket, jar);
                } catch (IOException stale) {
                    // left by an earlier process with the same pid (common in containers): not ours to serve
                    Files.deleteIfExists(socket);
                }
            }
            return openSocket(pid, socket) && request(socket, jar);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Asks the JVM to open its attach socket; waits for it. */
    private static boolean openSocket(long pid, Path socket) throws IOException {
        Path trigger = Path.of("/tmp", ".attach_pid" + pid);
        try {
            Files.createFile(trigger);
        } catch (IOException e) {
            // there already (another process's, with a recycled pid, perhaps of another user: the
            // JVM would then not take it as a trigger and print a thread dump instead) or not writable
            return false;
        }
        try {
            if (!sendQuit(pid)) {
                return false;
            }
            long deadline = System.nanoTime() + SOCKET_WAIT_NANOS;
            long sleepMillis = 1;
            while (!Files.exists(socket)) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                sleepMillis = Math.min(sleepMillis * 2, 50);
            }
            return true;
        } finally {
            Files.deleteIfExists(trigger);
        }
    }

    /**
     * Sends this JVM {@code SIGQUIT} ({@code sun.misc.Signal.raise} refuses a signal the JVM handles
     * itself): the shell's {@code kill}, a few milliseconds.
     */
    private static boolean sendQuit(long pid) throws IOException {
        // the JDK classes loaded before the agent name its rewrite cache (RewriteCache): these load
        // only when the helper process outlives a race inside ProcessBuilder, so load them always
        for (String name : new String[] {"java.util.concurrent.CompletableFuture$UniHandle", "java.util.concurrent.ForkJoinTask$Aux"}) {
            try {
                Class.forName(name, true, null);
            } catch (ClassNotFoundException | LinkageError absent) {
                // another JDK: nothing to load
            }
        }
        Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -QUIT " + pid)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends {@code load instrument false <jar>} (attach protocol version 1) and reads the answer. */
    private static boolean request(Path socket, String jar) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (String part : new String[] {"1", "load", "instrument", "false", jar}) {
                out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
            ByteBuffer request = ByteBuffer.wrap(out.toByteArray());
            while (request.hasRemaining()) {
                channel.write(request);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(256);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return loaded(answer.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Whether an answer to {@code load} says the agent loaded: status line {@code 0}, then the agent's
     * return code, as {@code return code: 0} (JDK 17 and later) or {@code 0}.
     */
    static boolean loaded(String answer) {
        String[] lines = answer.split("\n");
        if (lines.length < 2 || !lines[0].trim().equals("0")) {
            return false;
        }
        String code = lines[1].trim();
        if (code.startsWith("return code:")) {
            code = code.substring("return code:".length()).trim();
        }
        return code.equals("0");
    }
}
