import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Turns the CSV of FixCostBenchmark (JMH -rf csv) into the "Cost of each fix" table (Markdown, on
 * standard output) and a bar chart (PNG): one panel per read share, a group of bars per thread count,
 * one bar per variant, throughput on a logarithmic axis. Needs only the JDK (headless AWT):
 *
 *   java examples/scripts/PlotFixCosts.java examples/target/fix-costs.csv docs/fix-costs.png
 */
public class PlotFixCosts {

    static final String[] VARIANTS = {"synchronizedMap", "readWriteLock", "concurrentHashMap", "stripedMap", "copyOnWrite"};
    static final String[] LABELS = {"synchronizedMap", "ReentrantReadWriteLock", "ConcurrentHashMap", "StripedMap (16)", "copy-on-write"};
    static final Color[] COLORS = {new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868), new Color(0xC44E52), new Color(0x8172B3)};
    static final int[] READ_PERCENTS = {95, 50, 5};
    static final int[] THREADS = {1, 2, 4};

    record Score(double value, double error) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PlotFixCosts <jmh csv> <png>, was " + args.length + " arguments");
        }
        Map<String, Score> scores = read(Path.of(args[0]));
        printTable(scores);
        draw(scores, Path.of(args[1]));
    }

    static String key(String variant, int readPercent, int threads) {
        return variant + "/" + readPercent + "/" + threads;
    }

    static Map<String, Score> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = split(lines.get(0));
        int benchmark = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int error = header.indexOf("Score Error (99.9%)");
        int variant = header.indexOf("Param: variant");
        int readPercent = header.indexOf("Param: readPercent");
        if (benchmark < 0 || score < 0 || error < 0 || variant < 0 || readPercent < 0) {
            throw new IllegalArgumentException("not a FixCostBenchmark csv, header was " + header);
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = split(line);
            String method = cells.get(benchmark).substring(cells.get(benchmark).lastIndexOf('.') + 1);
            int threads = Integer.parseInt(method.replace("threads", ""));
            double errorValue = cells.get(error).equals("NaN") ? 0 : Double.parseDouble(cells.get(error));
            scores.put(key(cells.get(variant), Integer.parseInt(cells.get(readPercent)), threads),
                    new Score(Double.parseDouble(cells.get(score)), errorValue));
        }
        return scores;
    }

    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    static String format(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : value >= 0.1 ? String.format(Locale.ROOT, "%.2f", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    static void printTable(Map<String, Score> scores) {
        System.out.println("| variant | threads | read-heavy 95/5 | mixed 50/50 | write-heavy 5/95 |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (int v = 0; v < VARIANTS.length; v++) {
            for (int threads : THREADS) {
                StringBuilder row = new StringBuilder("| " + LABELS[v] + " | " + threads + " |");
                for (int readPercent : READ_PERCENTS) {
                    Score s = scores.get(key(VARIANTS[v], readPercent, threads));
                    row.append(s == null ? " – |" : " " + format(s.value()) + " ± " + format(s.error()) + " |");
                }
                System.out.println(row);
            }
        }
    }

    static void draw(Map<String, Score> scores, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int panelWidth = 420;
        int width = 60 + panelWidth * READ_PERCENTS.length + 20;
        int height = 520;
        int top = 70;
        int bottom = height - 110;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        double max = scores.values().stream().mapToDouble(Score::value).max().orElse(1);
        double min = scores.values().stream().mapToDouble(Score::value).filter(v -> v > 0).min().orElse(0.01);
        int lowExponent = (int) Math.floor(Math.log10(min));
        int highExponent = (int) Math.ceil(Math.log10(max));
        if (highExponent == lowExponent) {
            highExponent++;
        }
        double span = highExponent - lowExponent;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
        g.drawString("Cost of each fix: throughput of the shared map (operations per microsecond, all threads; log scale)", 60, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("FixCostBenchmark, 1024 keys, get/put on random keys; 2-core shared machine: 4 threads oversubscribe the cores", 60, 48);

        for (int p = 0; p < READ_PERCENTS.length; p++) {
            int left = 60 + p * panelWidth;
            int right = left + panelWidth - 30;
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.setColor(Color.BLACK);
            String title = READ_PERCENTS[p] + "% reads / " + (100 - READ_PERCENTS[p]) + "% writes";
            g.drawString(title, left + (right - left - g.getFontMetrics().stringWidth(title)) / 2, top - 6);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int e = lowExponent; e <= highExponent; e++) {
                int y = (int) (bottom - (e - lowExponent) / span * (bottom - top));
                g.setColor(new Color(0xDDDDDD));
                g.drawLine(left, y, right, y);
                if (p == 0) {
                    g.setColor(Color.DARK_GRAY);
                    String label = e >= 0 ? String.valueOf((long) Math.pow(10, e)) : String.valueOf(Math.pow(10, e));
                    g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
                }
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1));
            g.drawLine(left, bottom, right, bottom);
            g.drawLine(left, top, left, bottom);
            int groupWidth = (right - left) / THREADS.length;
            int barWidth = (groupWidth - 16) / VARIANTS.length;
            for (int t = 0; t < THREADS.length; t++) {
                int groupLeft = left + t * groupWidth + 8;
                for (int v = 0; v < VARIANTS.length; v++) {
                    Score s = scores.get(key(VARIANTS[v], READ_PERCENTS[p], THREADS[t]));
                    if (s == null || s.value() <= 0) {
                        continue;
                    }
                    double fraction = (Math.log10(s.value()) - lowExponent) / span;
                    int barTop = (int) (bottom - fraction * (bottom - top));
                    g.setColor(COLORS[v]);
                    g.fillRect(groupLeft + v * barWidth, barTop, barWidth - 2, bottom - barTop);
                }
                g.setColor(Color.BLACK);
                String label = THREADS[t] + (THREADS[t] == 1 ? " thread" : " threads");
                FontMetrics metrics = g.getFontMetrics();
                g.drawString(label, groupLeft + (groupWidth - 16 - metrics.stringWidth(label)) / 2, bottom + 16);
            }
        }

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int x = 60;
        int y = height - 50;
        for (int v = 0; v < VARIANTS.length; v++) {
            g.setColor(COLORS[v]);
            g.fillRect(x, y - 11, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(LABELS[v], x + 20, y);
            x += 40 + g.getFontMetrics().stringWidth(LABELS[v]);
        }
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }
}
