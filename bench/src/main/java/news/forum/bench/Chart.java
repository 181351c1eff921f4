package news.forum.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's picture (bench/results/latest-read-latency.svg): p50 page latency against thread size, one line per
 * sort and page position with the static file's p50 beside them, and under it the targets with wanted, measured
 * and met, the machine, its load and the server's JVM options.
 */
@SuppressWarnings("unchecked")
final class Chart {

    private static final int ROW = 18;

    private Chart() {
    }

    /** p50 latency of the page reads against thread size (log scale), one line per sort and page position. */
    static String svg(Map<String, Object> report) {
        List<Map<String, Object>> reads = (List<Map<String, Object>>) report.getOrDefault("reads", List.of());
        int width = 900;
        int chartHeight = 440;
        int height = chartHeight + tableHeight(report);
        int left = 70;
        int right = 200;
        int top = 40;
        int bottom = 60;
        List<Integer> sizes = reads.stream().map(r -> ((Number) r.get("thread_size")).intValue()).distinct().sorted().toList();
        double maxLatency = reads.stream().mapToDouble(r -> Report.num(r, "p50")).max().orElse(1) * 1.15;
        Map<String, Object> baselines = (Map<String, Object>) report.get("baselines");
        double staticP50 = baselines == null || baselines.get("static_start") == null ? 0
                : Report.num((Map<String, Object>) baselines.get("static_start"), "p50");
        maxLatency = Math.max(maxLatency, staticP50 * 1.15);
        double minLog = Math.log10(sizes.isEmpty() ? 1 : sizes.get(0));
        double maxLog = Math.log10(sizes.isEmpty() ? 10 : sizes.get(sizes.size() - 1));
        if (maxLog == minLog) {
            maxLog = minLog + 1;
        }
        double plotW = width - left - right;
        double plotH = chartHeight - top - bottom;
        double fMinLog = minLog;
        double fMaxLog = maxLog;
        double fMax = maxLatency;
        java.util.function.DoubleUnaryOperator x = size -> left + (Math.log10(size) - fMinLog) / (fMaxLog - fMinLog) * plotW;
        java.util.function.DoubleUnaryOperator y = ms -> top + plotH - ms / fMax * plotH;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">Page read latency (p50, limit 50, 64 connections) against thread size</text>%n", left));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>%n", left, top + plotH, left + plotW, top + plotH));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"black\"/>%n", left, top, left, top + plotH));
        for (int i = 0; i <= 5; i++) {
            double ms = fMax * i / 5;
            double yy = y.applyAsDouble(ms);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n", left, yy, left + plotW, yy, left - 6, yy + 4, ms));
        }
        for (int size : sizes) {
            double xx = x.applyAsDouble(size);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%,d</text>%n", xx, top + plotH + 18, size));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">comments in the thread (log scale)</text>%n", left + plotW / 2, chartHeight - 18));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">ms</text>%n", top + plotH / 2));
        String[] colours = {"#1f77b4", "#ff7f0e", "#2ca02c"};
        int legend = 0;
        for (int s = 0; s < Plan.SORTS.length; s++) {
            for (String page : List.of("first", "deep")) {
                StringBuilder points = new StringBuilder();
                for (int size : sizes) {
                    Map<String, Object> run = Report.find(reads, size, Plan.SORTS[s], page);
                    if (run != null) {
                        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(size), y.applyAsDouble(Report.num(run, "p50"))));
                    }
                }
                String dash = page.equals("deep") ? " stroke-dasharray=\"6 4\"" : "";
                svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                        colours[s], dash, points.toString().trim()));
                double ly = top + 14 + legend * 20;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                        + "<text x=\"%.1f\" y=\"%.1f\">%s, %s page</text>%n", left + plotW + 16, ly, left + plotW + 46, ly,
                        colours[s], dash, left + plotW + 52, ly + 4, Plan.SORTS[s], page));
                legend++;
            }
        }
        if (staticP50 > 0) {
            double yy = y.applyAsDouble(staticP50);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"2 3\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555\">static file p50</text>%n", left, yy, left + plotW, yy, left + plotW + 16, yy + 4));
        }
        targets(svg, report, left, chartHeight);
        return svg.append("</svg>\n").toString();
    }

    /** Below the chart: the targets (wanted, measured, met), then the machine, its load and the JVM options. */
    private static void targets(StringBuilder svg, Map<String, Object> report, int left, int top) {
        List<Map<String, Object>> targets = (List<Map<String, Object>>) report.getOrDefault("targets", List.of());
        boolean smoke = "smoke".equals(report.get("plan"));
        int[] columns = {left - 50, left - 20, 650, 730, 840};
        double y = top + 10;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"14\">Targets (issue 18)%s</text>%n",
                columns[0], y, smoke ? ": smoke run, not judged" : ""));
        y += ROW;
        String[] heads = {"#", "target", "wanted", "measured", "met"};
        for (int c = 0; c < heads.length; c++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-weight=\"bold\">%s</text>", columns[c], y,
                    heads[c]));
        }
        svg.append('\n');
        for (Map<String, Object> t : targets) {
            y += ROW;
            String met = Report.met(t, smoke).replace("*", "");
            String colour = "yes".equals(met) ? "#2ca02c" : "no".equals(met) ? "#d62728" : "#555";
            String[] cells = {String.valueOf(t.get("number")), shorten(String.valueOf(t.get("target")), 100),
                    String.valueOf(t.get("wanted")), t.get("measured") == null ? "-" : Report.fmt(t.get("measured")), met};
            for (int c = 0; c < cells.length; c++) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\"%s>%s</text>", columns[c], y,
                        c == 4 ? " fill=\"" + colour + "\"" : "", escape(cells[c])));
            }
            svg.append('\n');
        }
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        Map<String, Object> server = (Map<String, Object>) report.get("server");
        y += ROW * 1.5;
        if (machine != null) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#555\" font-size=\"10\">%s</text>%n",
                    columns[0], y, escape(String.format(Locale.ROOT, "%s, %s cores, %s GiB, %s; load average %s at the "
                                    + "start, %s at the end; %s", report.get("started"), machine.get("cores"),
                            machine.get("memory_gib"), machine.get("cpu"), machine.get("load_averages_at_start"),
                            machine.getOrDefault("load_averages_at_end", "?"), machine.get("jdk")))));
            y += ROW;
        }
        if (server != null) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"#555\" font-size=\"10\">%s</text>%n",
                    columns[0], y, escape(shorten("server JVM options: " + server.get("jvm_options_shown") + "; "
                            + server.get("vm_flags"), 160))));
        }
    }

    /** Height of the targets table and the lines under it. */
    static int tableHeight(Map<String, Object> report) {
        return (int) (ROW * (((List<?>) report.getOrDefault("targets", List.of())).size() + 5.5));
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
