package dev.weft.engine.report;

import dev.weft.engine.report.FailureView.Highlight;
import dev.weft.engine.scenario.Scenario;
import dev.weft.scheduler.runtime.TraceEvent;
import dev.weft.scheduler.runtime.TraceRenderer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A failure as one self-contained HTML page: no network, no external script, style or font. It shows
 * what the text report shows, drawn from the report's {@link FailureView}: the verdict, the scenario
 * with the call the checker could not place, the explanation and stacks, the interleaving as a lane
 * per thread (switches marked, racing and failing steps highlighted, the user's line first, runs of
 * steps inside the JDK folded until opened), the seed and the replay line with a copy button, and the
 * text report itself. Every string from the test or the program is escaped.
 */
public final class FailurePage {

    /** Fewest consecutive JDK steps of one thread that fold into one row. */
    static final int FOLD_MIN = 2;
    /** Steps shown at each end of a longer interleaving (the page stays a few megabytes at most). */
    static final int SHOWN_AT_EACH_END = 2_500;

    private FailurePage() {
    }

    /** The page of {@code report}; {@code indexLink} is the relative link to the run's index page, if any. */
    public static String render(FailureReport report, Optional<String> indexLink) {
        StringBuilder html = new StringBuilder(16_384);
        String title = "Weft: " + report.verdict() + " — " + report.testName();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"weft:test\" content=\"").append(esc(report.testName())).append("\">\n")
                .append("<meta name=\"weft:verdict\" content=\"").append(esc(report.verdict())).append("\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        html.append("<header>\n<h1><span class=\"verdict\">").append(esc(report.verdict())).append("</span> <span class=\"dash\">—</span> ")
                .append("<span class=\"test\">").append(esc(report.testName())).append("</span></h1>\n");
        if (!report.location().isEmpty()) {
            html.append("<p class=\"where\">").append(esc(report.location())).append("</p>\n");
        }
        report.view().filter(view -> !view.headline().equals(report.verdict()))
                .ifPresent(view -> html.append("<p class=\"headline\">").append(esc(view.headline())).append("</p>\n"));
        html.append("<nav>");
        List<String> links = new ArrayList<>();
        for (FailureReport.Section section : report.sections()) {
            links.add("<a href=\"#" + anchor(section) + "\">" + esc(shortTitle(section.title())) + "</a>");
        }
        links.add("<a href=\"#replay\">Replay</a>");
        links.add("<a href=\"#text\">Text report</a>");
        indexLink.ifPresent(link -> links.add("<a href=\"" + esc(link) + "\">All failures of the run</a>"));
        html.append(String.join(" · ", links)).append("</nav>\n</header>\n<main>\n");

        for (FailureReport.Section section : report.sections()) {
            html.append("<section id=\"").append(anchor(section)).append("\">\n<h2>").append(esc(section.title())).append("</h2>\n");
            Optional<FailureView> view = report.view();
            if (section.kind() == FailureReport.Kind.SCENARIO && view.isPresent() && view.get().scenario().isPresent()) {
                scenario(html, view.get().scenario().get(), view.get().culpritCall());
            } else if (section.kind() == FailureReport.Kind.INTERLEAVING && view.isPresent() && !view.get().trace().isEmpty()) {
                interleaving(html, view.get());
            } else if (section.kind() == FailureReport.Kind.DETAILS) {
                details(html, section.body());
            } else {
                html.append("<pre>").append(esc(section.body())).append("</pre>\n");
            }
            html.append("</section>\n");
        }

        html.append("<section id=\"replay\">\n<h2>Replay</h2>\n<p class=\"seed\">")
                .append(esc(ReplayLines.seedLine(report.seed()))).append("</p>\n");
        if (report.replayToken().isPresent()) {
            String token = report.replayToken().get();
            html.append("<p>Paste the token into the test, or give it to the next run:</p>\n")
                    .append("<div class=\"replay\"><code id=\"replay-line\">").append(esc(ReplayLines.replayLine(token)))
                    .append("</code> <button type=\"button\" class=\"copy\" data-copy=\"").append(esc(token))
                    .append("\" id=\"copy-token\">Copy token</button></div>\n");
        } else {
            html.append("<p>replay: no token could be made for this failure</p>\n");
        }
        html.append("</section>\n<section id=\"text\">\n<h2>Text report</h2>\n<details><summary>As printed by the test</summary>\n<pre>")
                .append(esc(report.render())).append("</pre>\n</details>\n</section>\n</main>\n<script>")
                .append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    // ------------------------------------------------------------ scenario

    private static void scenario(StringBuilder html, Scenario<String> cells, Optional<FailureView.Cell> culprit) {
        if (!cells.before().isEmpty()) {
            column(html, "before", cells.before(), culprit.filter(c -> c.thread() == 0).map(FailureView.Cell::index));
        }
        html.append("<table class=\"scenario\">\n<thead><tr>");
        int height = 0;
        for (int t = 0; t < cells.threads().size(); t++) {
            html.append("<th>thread ").append(t + 1).append("</th>");
            height = Math.max(height, cells.threads().get(t).size());
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < height; row++) {
            html.append("<tr>");
            for (int t = 0; t < cells.threads().size(); t++) {
                List<String> thread = cells.threads().get(t);
                boolean mark = culprit.isPresent() && culprit.get().thread() == t + 1 && culprit.get().index() == row;
                html.append(mark ? "<td class=\"culprit\" title=\"the call no sequential order explains\">" : "<td>")
                        .append(row < thread.size() ? esc(thread.get(row)) : "").append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (!cells.after().isEmpty()) {
            int offset = cells.before().size();
            column(html, "after", cells.after(), culprit.filter(c -> c.thread() == 0 && c.index() >= offset)
                    .map(c -> c.index() - offset));
        }
    }

    private static void column(StringBuilder html, String header, List<String> calls, Optional<Integer> culprit) {
        html.append("<table class=\"scenario sequential\">\n<thead><tr><th>").append(header).append("</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < calls.size(); i++) {
            html.append(culprit.isPresent() && culprit.get() == i ? "<tr><td class=\"culprit\">" : "<tr><td>")
                    .append(esc(calls.get(i))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    // ------------------------------------------------------------ details (stacks)

    /** Stacks and other details: frames of the JDK dimmed, so that the user's own lines stand out. */
    private static void details(StringBuilder html, String body) {
        html.append("<pre class=\"details\">");
        for (String line : body.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("at ")) {
                String frame = trimmed.substring(3);
                boolean jdk = frame.startsWith("java.") || frame.startsWith("javax.") || frame.startsWith("jdk.")
                        || frame.startsWith("sun.");
                html.append(esc(line.substring(0, line.indexOf("at "))))
                        .append(jdk ? "<span class=\"frame jdk\">" : "<span class=\"frame user\">")
                        .append(esc(trimmed)).append("</span>\n");
            } else {
                html.append(esc(line)).append('\n');
            }
        }
        html.append("</pre>\n");
    }

    // ------------------------------------------------------------ interleaving

    private static void interleaving(StringBuilder html, FailureView view) {
        List<TraceEvent> trace = view.trace();
        int threads = view.threads();
        html.append("<p class=\"legend\"><span class=\"key race\">racing access</span> <span class=\"key culprit\" title=\"the step that failed, or the call no sequential order explains\">culprit</span> ")
                .append("<span class=\"key switch\">switch</span> <span class=\"key user\">your line</span> ")
                .append("<span class=\"key jdk\">line in the JDK</span> ")
                .append("<button type=\"button\" id=\"open-all\">Open all steps</button> ")
                .append("<button type=\"button\" id=\"close-all\">Fold JDK steps</button></p>\n");
        html.append("<table class=\"lanes\" data-threads=\"").append(threads).append("\">\n<thead><tr><th class=\"n\">#</th>");
        for (int t = 0; t < threads; t++) {
            html.append("<th class=\"lane-head\">thread ").append(t).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int folds = 0;
        int previousThread = -1;
        int i = 0;
        while (i < trace.size()) {
            if (i == SHOWN_AT_EACH_END && trace.size() > 2 * SHOWN_AT_EACH_END) {
                int skipped = trace.size() - 2 * SHOWN_AT_EACH_END;
                html.append("<tr class=\"omitted\"><td class=\"n\"></td><td colspan=\"").append(threads).append("\">… ")
                        .append(skipped).append(" steps not shown (steps ").append(i + 1).append("–").append(i + skipped)
                        .append(")</td></tr>\n");
                i += skipped;
                previousThread = -1;
                continue;
            }
            TraceEvent event = trace.get(i);
            if (previousThread >= 0 && event.thread() != previousThread) {
                html.append("<tr class=\"switch\"><td class=\"n\"></td><td colspan=\"").append(threads)
                        .append("\">switch: thread ").append(previousThread).append(" → thread ").append(event.thread())
                        .append("</td></tr>\n");
            }
            previousThread = event.thread();
            int end = foldEnd(trace, view, i);
            if (end - i >= FOLD_MIN) {
                folds++;
                String label;
                if (event.inLibrary()) {
                    label = TraceRenderer.libraryRunLabel(trace.subList(i, end));
                } else {
                    Set<String> classes = new LinkedHashSet<>();
                    for (int j = i; j < end; j++) {
                        classes.add(trace.get(j).className());
                    }
                    label = end - i + " steps inside " + String.join(", ", classes)
                            + (event.userFrame().isEmpty() ? "" : ", from " + event.userFrame());
                }
                html.append("<tr class=\"fold").append(event.inLibrary() ? " library" : "").append("\" data-fold=\"")
                        .append(folds).append("\"><td class=\"n\"></td>");
                lanePad(html, event.thread());
                html.append("<td class=\"lane t").append(event.thread()).append("\"><button type=\"button\" class=\"fold-toggle\" ")
                        .append("aria-expanded=\"false\" data-fold=\"").append(folds).append("\">▸ ").append(esc(label))
                        .append("</button></td>");
                lanePad(html, threads - event.thread() - 1);
                html.append("</tr>\n");
                for (int j = i; j < end; j++) {
                    row(html, trace.get(j), j, threads, view.highlights().get(j), folds);
                }
                i = end;
            } else {
                row(html, event, i, threads, view.highlights().get(i), 0);
                i++;
            }
        }
        html.append("</tbody>\n</table>\n");
    }

    /**
     * The end (exclusive) of the run of unhighlighted JDK steps of one thread that starts at {@code start}:
     * the steps one call of a library made (as the text folds them), or the JDK steps of the user's own code.
     */
    private static int foldEnd(List<TraceEvent> trace, FailureView view, int start) {
        int thread = trace.get(start).thread();
        int limit = trace.size() > 2 * SHOWN_AT_EACH_END && start < SHOWN_AT_EACH_END ? SHOWN_AT_EACH_END : trace.size();
        if (trace.get(start).inLibrary()) {
            return TraceRenderer.libraryRunEnd(trace, start, limit, view.highlights().keySet());
        }
        int end = start;
        while (end < limit && trace.get(end).thread() == thread && trace.get(end).inJdk() && !trace.get(end).inLibrary()
                && !view.highlights().containsKey(end)) {
            end++;
        }
        return end;
    }

    private static void row(StringBuilder html, TraceEvent event, int index, int threads, Highlight highlight, int fold) {
        html.append("<tr class=\"event");
        if (highlight != null) {
            html.append(highlight == Highlight.RACE ? " race" : " culprit");
        }
        if (event.inJdk()) {
            html.append(" in-jdk");
        }
        html.append('"');
        if (fold > 0) {
            html.append(" data-fold-member=\"").append(fold).append("\" hidden");
        }
        html.append(" data-thread=\"").append(event.thread()).append("\"><td class=\"n\">").append(index + 1).append("</td>");
        lanePad(html, event.thread());
        html.append("<td class=\"lane t").append(event.thread()).append("\">");
        if (highlight != null) {
            html.append("<span class=\"badge\">").append(highlight == Highlight.RACE ? "race" : "culprit").append("</span> ");
        }
        html.append("<span class=\"step\">").append(esc(event.text())).append("</span>");
        if (!event.userFrame().isEmpty() && event.inJdk()) {
            html.append(" <span class=\"src user\">").append(esc(event.userFrame())).append("</span>");
        }
        if (!event.location().isEmpty()) {
            html.append(" <span class=\"src ").append(event.inJdk() ? "jdk" : "user").append("\">")
                    .append(esc(event.location())).append("</span>");
        }
        html.append("</td>");
        lanePad(html, threads - event.thread() - 1);
        html.append("</tr>\n");
    }

    private static void lanePad(StringBuilder html, int cells) {
        for (int c = 0; c < cells; c++) {
            html.append("<td class=\"lane\"></td>");
        }
    }

    // ------------------------------------------------------------ text

    private static String anchor(FailureReport.Section section) {
        return switch (section.kind()) {
            case SCENARIO -> "scenario";
            case EXPLANATION -> "why";
            case INTERLEAVING -> "interleaving";
            case DETAILS -> "details";
        };
    }

    private static String shortTitle(String title) {
        int paren = title.indexOf(" (");
        return paren < 0 ? title : title.substring(0, paren);
    }

    /** Escapes text for HTML content and attribute values. */
    public static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static final String CSS = """
            :root{--bg:#fff;--fg:#1d2330;--muted:#5f6b7a;--line:#d9dee5;--race:#ffe1e1;--race-edge:#d33;\
            --culprit:#fff1cc;--culprit-edge:#c98a00;--switch:#eef3fb;--user:#0b57d0;--jdk:#8a94a3}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
            header{padding:16px 24px;border-bottom:1px solid var(--line);background:#f7f9fc}
            h1{margin:0 0 4px;font-size:20px}
            h1 .verdict{color:#b3261e}
            h2{font-size:16px;margin:20px 0 8px}
            .where,.headline{margin:2px 0;color:var(--muted)}
            .headline{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;color:var(--fg)}
            nav{margin-top:8px}
            nav a{color:var(--user);text-decoration:none}
            main{padding:0 24px 32px}
            pre,code,.lanes,.scenario{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
            pre{background:#f7f9fc;border:1px solid var(--line);padding:8px 12px;overflow:auto}
            .frame.jdk{color:var(--jdk)}
            .frame.user{color:var(--user);font-weight:600}
            table{border-collapse:collapse}
            .scenario{margin:0 12px 12px 0;display:inline-table;vertical-align:top}
            .scenario th,.scenario td{border:1px solid var(--line);padding:3px 10px;text-align:left}
            .scenario th{background:#f0f3f8}
            td.culprit{background:var(--culprit);outline:2px solid var(--culprit-edge)}
            .lanes{width:100%;table-layout:fixed}
            .lanes th{position:sticky;top:0;background:#f0f3f8;border-bottom:2px solid var(--line);padding:4px 8px;text-align:left}
            .lanes th.n,.lanes td.n{width:44px;color:var(--jdk);text-align:right;padding-right:8px}
            .lanes td{padding:2px 8px;vertical-align:top;word-break:break-word}
            .lanes td.lane{border-left:1px solid var(--line)}
            tr.event.in-jdk .step{color:#3c4350}
            tr.omitted td{color:var(--muted);font-style:italic;padding:4px 8px}
            tr.switch td{background:var(--switch);color:var(--muted);font-size:11.5px;padding:1px 8px;border-top:1px solid #c6d3ea}
            tr.race td.lane:not(:empty){background:var(--race);box-shadow:inset 3px 0 var(--race-edge)}
            tr.culprit td.lane:not(:empty){background:var(--culprit);box-shadow:inset 3px 0 var(--culprit-edge)}
            .badge{display:inline-block;font-size:10.5px;font-weight:700;text-transform:uppercase;padding:0 5px;border-radius:3px;color:#fff;background:var(--race-edge)}
            tr.culprit .badge{background:var(--culprit-edge)}
            .src{margin-left:6px;font-size:11.5px}
            .src.user{color:var(--user);font-weight:600}
            .src.jdk{color:var(--jdk)}
            .fold-toggle{font:inherit;font-size:11.5px;color:var(--muted);background:none;border:1px dashed var(--line);border-radius:3px;padding:0 6px;cursor:pointer}
            .fold-toggle[aria-expanded=true]{border-style:solid}
            .legend .key{display:inline-block;padding:0 6px;margin-right:4px;border-radius:3px;font-size:12px}
            .key.race{background:var(--race);box-shadow:inset 3px 0 var(--race-edge)}
            .key.culprit{background:var(--culprit);box-shadow:inset 3px 0 var(--culprit-edge)}
            .key.switch{background:var(--switch)}
            .key.user{color:var(--user);font-weight:600}
            .key.jdk{color:var(--jdk)}
            .replay code{background:#f7f9fc;border:1px solid var(--line);padding:4px 8px;display:inline-block;word-break:break-all}
            button{cursor:pointer}
            """;

    static final String SCRIPT = """
            (function(){
              function setFold(button, open){
                var id = button.getAttribute('data-fold');
                button.setAttribute('aria-expanded', open ? 'true' : 'false');
                button.textContent = (open ? '\\u25be' : '\\u25b8') + button.textContent.substring(1);
                document.querySelectorAll('tr[data-fold-member="' + id + '"]').forEach(function(row){ row.hidden = !open; });
              }
              document.querySelectorAll('.fold-toggle').forEach(function(button){
                button.addEventListener('click', function(){ setFold(button, button.getAttribute('aria-expanded') !== 'true'); });
              });
              var openAll = document.getElementById('open-all');
              if (openAll) openAll.addEventListener('click', function(){
                document.querySelectorAll('.fold-toggle').forEach(function(b){ setFold(b, true); });
              });
              var closeAll = document.getElementById('close-all');
              if (closeAll) closeAll.addEventListener('click', function(){
                document.querySelectorAll('.fold-toggle').forEach(function(b){ setFold(b, false); });
              });
              document.querySelectorAll('button.copy').forEach(function(button){
                button.addEventListener('click', function(){
                  var text = button.getAttribute('data-copy');
                  function done(){ button.textContent = 'Copied'; setTimeout(function(){ button.textContent = 'Copy token'; }, 1500); }
                  function fallback(){
                    var area = document.createElement('textarea');
                    area.value = text; document.body.appendChild(area); area.select();
                    try { document.execCommand('copy'); done(); } catch (e) { button.textContent = 'Select and copy the line'; }
                    document.body.removeChild(area);
                  }
                  if (navigator.clipboard && window.isSecureContext) {
                    navigator.clipboard.writeText(text).then(done, fallback);
                  } else {
                    fallback();
                  }
                });
              });
            })();
            """;
}
