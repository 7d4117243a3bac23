package dev.weft.engine.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML pages of failed tests: one per test, {@code <directory>/<test class>.<method>.html}, and
 * {@code index.html} linking every page in the directory, newest first. A test that passes removes its
 * page, so the directory holds the failures of the latest run of each test. Several test JVMs may
 * share the directory: each page is written whole (a temporary file moved into place) and the index
 * is rebuilt from the pages themselves. A page that cannot be written is logged, never fails a test.
 */
public final class ReportPages {

    /** The index page's file name. */
    public static final String INDEX = "index.html";

    private static final System.Logger LOGGER = System.getLogger(ReportPages.class.getPackageName());
    private static final Pattern META = Pattern.compile("<meta name=\"weft:(test|verdict)\" content=\"([^\"]*)\">");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Optional<Path> directory;

    private ReportPages(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Pages in the given directory, created with the first page. */
    public static ReportPages in(Path directory) {
        return new ReportPages(Optional.of(directory));
    }

    /** No pages (key {@code weft.reports} set empty). */
    public static ReportPages off() {
        return new ReportPages(Optional.empty());
    }

    /**
     * Writes the page of a failed test and rebuilds the index; returns the page's path as the failure
     * message prints it (relative to the working directory when inside it), or empty when pages are
     * off or the page could not be written.
     */
    public Optional<String> write(String className, String methodName, FailureReport report) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path dir = directory.get();
        Path page = dir.resolve(fileName(className, methodName));
        try {
            Files.createDirectories(dir);
            writeAtomically(page, FailurePage.render(report, Optional.of(INDEX)));
            writeIndex(dir);
        } catch (IOException | UncheckedIOException e) {
            LOGGER.log(Level.WARNING, "could not write the report page " + page + ": " + e);
            return Optional.empty();
        }
        return Optional.of(shown(page));
    }

    /** Removes the page of a test that passed, and rebuilds the index if there was one. */
    public void remove(String className, String methodName) {
        if (directory.isEmpty()) {
            return;
        }
        Path page = directory.get().resolve(fileName(className, methodName));
        try {
            if (Files.deleteIfExists(page)) {
                writeIndex(directory.get());
            }
        } catch (IOException | UncheckedIOException e) {
            LOGGER.log(Level.WARNING, "could not remove the report page " + page + ": " + e);
        }
    }

    /** {@code com.example.CacheTest.evicts.html}: the class's binary name, then the method. */
    static String fileName(String className, String methodName) {
        return className + "." + methodName + ".html";
    }

    /** The path as printed: relative to the working directory when inside it, else absolute. */
    static String shown(Path page) {
        Path absolute = page.toAbsolutePath().normalize();
        Path cwd = Paths.get("").toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }

    private static void writeIndex(Path dir) throws IOException {
        record Entry(String file, String test, String verdict, Instant written) {
        }
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> pages = Files.newDirectoryStream(dir, "*.html")) {
            for (Path page : pages) {
                String file = page.getFileName().toString();
                if (file.equals(INDEX)) {
                    continue;
                }
                String head;
                try {
                    head = readHead(page);
                } catch (IOException gone) {
                    continue; // removed by another JVM meanwhile
                }
                String test = file;
                String verdict = "";
                Matcher matcher = META.matcher(head);
                while (matcher.find()) {
                    if (matcher.group(1).equals("test")) {
                        test = unescape(matcher.group(2));
                    } else {
                        verdict = unescape(matcher.group(2));
                    }
                }
                Instant written;
                try {
                    written = Files.getLastModifiedTime(page).toInstant().truncatedTo(ChronoUnit.SECONDS);
                } catch (IOException gone) {
                    continue;
                }
                entries.add(new Entry(file, test, verdict, written));
            }
        }
        entries.sort(Comparator.comparing(Entry::written).reversed().thenComparing(Entry::test));
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Weft: ")
                .append(entries.size()).append(entries.size() == 1 ? " failure" : " failures")
                .append("</title>\n<style>").append(FailurePage.CSS)
                .append(".index td,.index th{border-bottom:1px solid var(--line);padding:4px 12px 4px 0;text-align:left}</style>\n")
                .append("</head>\n<body>\n<header><h1>Weft: ").append(entries.size())
                .append(entries.size() == 1 ? " failed test" : " failed tests").append("</h1>\n")
                .append("<p class=\"where\">the latest failure of each test; a test that passes removes its page</p></header>\n<main>\n")
                .append("<table class=\"index\">\n<thead><tr><th>test</th><th>verdict</th><th>written</th></tr></thead>\n<tbody>\n");
        for (Entry entry : entries) {
            html.append("<tr><td><a href=\"").append(FailurePage.esc(entry.file())).append("\">")
                    .append(FailurePage.esc(entry.test())).append("</a></td><td>").append(FailurePage.esc(entry.verdict()))
                    .append("</td><td>").append(TIME.format(entry.written())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
        writeAtomically(dir.resolve(INDEX), html.toString());
    }

    private static String readHead(Path page) throws IOException {
        byte[] bytes = Files.readAllBytes(page);
        return new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), ".weft-", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
