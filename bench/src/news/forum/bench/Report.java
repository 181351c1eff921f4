package news.forum.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The person-readable table, the targets of issue 5 checked against the figures, and the read-latency chart. */
@SuppressWarnings("unchecked")
final class Report {

    private Report() {
    }

    static List<Map<String, Object>> targets(Map<String, Object> report) {
        List<Map<String, Object>> targets = new ArrayList<>();
        List<Map<String, Object>> reads = (List<Map<String, Object>>) report.get("reads");
        if (reads != null && !reads.isEmpty()) {
            int smallest = ((Number) reads.get(0).get("thread_size")).intValue();
            int largest = reads.stream().mapToInt(r -> ((Number) r.get("thread_size")).intValue()).max().orElse(smallest);
            double worstRatio = 0;
            String worst = "";
            for (Map<String, Object> run : reads) {
                if (((Number) run.get("thread_size")).intValue() != largest) {
                    continue;
                }
                Map<String, Object> small = find(reads, smallest, run.get("sort"), run.get("page"));
                double ratio = num(run, "p50") / num(small, "p50");
                if (ratio > worstRatio) {
                    worstRatio = ratio;
                    worst = run.get("sort") + " " + run.get("page");
                }
            }
            targets.add(target("1. p50 page latency at " + String.format(Locale.ROOT, "%,d", largest) + " / at "
                            + String.format(Locale.ROOT, "%,d", smallest) + " comments (worst of sorts and pages: " + worst + ")",
                    "<= 1.5", worstRatio, worstRatio <= 1.5));
            double minStatic = reads.stream().mapToDouble(r -> num(r, "rps_vs_static")).min().orElse(0);
            targets.add(target("1. page-read throughput / static-file throughput (lowest run)", ">= 0.5", minStatic,
                    minStatic >= 0.5));
        }
        Map<String, Object> whole = (Map<String, Object>) report.get("whole_thread");
        if (whole != null) {
            double worst = whole.values().stream().mapToDouble(v -> num((Map<String, Object>) v, "median_ms")).max().orElse(0);
            targets.add(target("2. whole thread of 1,000 by pages of 200, median ms (slowest sort)", "< 20", worst, worst < 20));
        }
        Map<String, Object> sequential = (Map<String, Object>) report.get("sequential");
        if (sequential != null) {
            double rate = num(sequential, "replies_per_second");
            targets.add(target("3. sequential replies per second", ">= 1000", rate, rate >= 1000));
        }
        Map<String, Object> concurrent = (Map<String, Object>) report.get("concurrent");
        if (concurrent != null) {
            for (Map.Entry<String, Object> entry : concurrent.entrySet()) {
                Map<String, Object> figures = (Map<String, Object>) entry.getValue();
                double rate = num(figures, "replies_per_second");
                targets.add(target("4. concurrent replies per second, 32 writers, " + entry.getKey().replace('_', ' '),
                        ">= 3000", rate, rate >= 3000));
                targets.add(target("4. every 201 stored exactly once, " + entry.getKey().replace('_', ' '), "true",
                        figures.get("counts_add_up"), Boolean.TRUE.equals(figures.get("counts_add_up"))));
            }
        }
        Map<String, Object> mixed = (Map<String, Object>) report.get("mixed");
        if (mixed != null) {
            double rss = num(mixed, "peak_rss_mib");
            targets.add(target("5. server peak resident memory, MiB (default java -jar)", "< 300", rss, rss < 300));
        }
        Map<String, Object> startup = (Map<String, Object>) report.get("startup");
        if (startup != null) {
            double ms = num(startup, "median_ms");
            targets.add(target("6. start-up to first 200 of /health, ms", "< 3000", ms, ms < 3000));
        }
        return targets;
    }

    static String markdown(Map<String, Object> report) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        md.append("# Benchmark results (").append(report.get("plan")).append(" run, ").append(report.get("started"))
                .append(")\n\n");
        if (machine != null) {
            md.append(String.format(Locale.ROOT, "Machine: %s cores (%s), %s GiB, %s; %s; %s. Load average at start %s. "
                            + "Load from %s; server: %s.%n%n",
                    machine.get("cores"), machine.get("cpu"), machine.get("memory_gib"), machine.get("os"),
                    machine.get("jdk"), String.valueOf(machine.get("postgresql")).replaceAll(",.*", ""),
                    machine.get("load_average_at_start"), machine.get("wrk"), machine.get("server")));
        }
        md.append("## Targets\n\n| target | wanted | measured | met |\n|---|---|---|---|\n");
        for (Map<String, Object> t : (List<Map<String, Object>>) report.getOrDefault("targets", List.of())) {
            md.append("| ").append(t.get("target")).append(" | ").append(t.get("wanted")).append(" | ")
                    .append(fmt(t.get("measured"))).append(" | ").append(Boolean.TRUE.equals(t.get("met")) ? "yes" : "**no**")
                    .append(" |\n");
        }
        Map<String, Object> baselines = (Map<String, Object>) report.get("baselines");
        if (baselines != null) {
            md.append("\n## Baselines (same run)\n\n");
            for (String key : List.of("static_start", "static_end")) {
                Map<String, Object> b = (Map<String, Object>) baselines.get(key);
                if (b != null) {
                    md.append(String.format(Locale.ROOT, "- small static file (%s of the run), 64 connections: %,.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
                            key.endsWith("start") ? "start" : "end", num(b, "rps"), num(b, "p50"), num(b, "p99")));
                }
            }
            Map<String, Object> pg = (Map<String, Object>) baselines.get("pgbench");
            if (pg != null) {
                md.append("- pgbench on the same PostgreSQL: ");
                List<String> parts = new ArrayList<>();
                pg.forEach((k, v) -> parts.add(k.replace('_', ' ') + " " + fmt(v)));
                md.append(String.join("; ", parts)).append("\n");
            }
        }
        List<Map<String, Object>> reads = (List<Map<String, Object>>) report.get("reads");
        if (reads != null) {
            md.append("\n## 1. Page reads (limit 50, 64 connections)\n\n")
                    .append("| comments | sort | page | req/s | x static | p50 ms | p90 ms | p99 ms |\n|---:|---|---|---:|---:|---:|---:|---:|\n");
            for (Map<String, Object> r : reads) {
                md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %,.0f | %.2f | %.2f | %.2f | %.2f |%n",
                        ((Number) r.get("thread_size")).intValue(), r.get("sort"), r.get("page"), num(r, "rps"),
                        num(r, "rps_vs_static"), num(r, "p50"), num(r, "p90"), num(r, "p99")));
            }
            md.append("\n![read latency against thread size](").append("smoke".equals(report.get("plan")) ? "smoke" : "latest")
                    .append("-read-latency.svg)\n");
        }
        Map<String, Object> whole = (Map<String, Object>) report.get("whole_thread");
        if (whole != null) {
            md.append("\n## 2. Whole thread, pages of 200, one client\n\n| sort | pages | median ms | min ms | max ms |\n|---|---:|---:|---:|---:|\n");
            whole.forEach((sort, v) -> {
                Map<String, Object> f = (Map<String, Object>) v;
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.1f |%n", sort, f.get("pages"),
                        num(f, "median_ms"), num(f, "min_ms"), num(f, "max_ms")));
            });
        }
        md.append("\n## 3-4. Posting\n\n| workload | writers | replies/s | x pgbench floor | p50 ms | p99 ms | 201s | rows added | counts add up |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        Map<String, Object> pg = baselines == null ? null : (Map<String, Object>) baselines.get("pgbench");
        Map<String, Object> sequential = (Map<String, Object>) report.get("sequential");
        if (sequential != null) {
            md.append(postingRow("sequential, one connection", sequential, pg == null ? null : pg.get("reply_1_client_tps")));
        }
        Map<String, Object> concurrent = (Map<String, Object>) report.get("concurrent");
        if (concurrent != null) {
            concurrent.forEach((k, v) -> md.append(postingRow("concurrent, " + k.replace('_', ' '), (Map<String, Object>) v,
                    pg == null ? null : pg.get(k.equals("hot_thread") ? "reply_32_clients_hot_tps" : "reply_32_clients_spread_tps"))));
        }
        Map<String, Object> mixed = (Map<String, Object>) report.get("mixed");
        if (mixed != null) {
            md.append(String.format(Locale.ROOT, "%n## 5. Mixed (95 %% reads, 5 %% replies, 64 connections)%n%n"
                            + "%,.0f req/s (%.2f x static), p50 %.2f ms, p99 %.2f ms, %s replies stored; server peak RSS %.0f MiB%n",
                    num(mixed, "rps"), num(mixed, "rps_vs_static"), num(mixed, "p50"), num(mixed, "p99"),
                    mixed.get("rows_added"), num(mixed, "peak_rss_mib")));
        }
        Map<String, Object> startup = (Map<String, Object>) report.get("startup");
        if (startup != null) {
            md.append(String.format(Locale.ROOT, "%n## 6. Start-up%n%n%s: median %.0f ms (runs %s)%n",
                    startup.get("what"), num(startup, "median_ms"), startup.get("starts")));
        }
        Map<String, Object> words = (Map<String, Object>) report.get("word_rules");
        if (words != null && words.get("check_us") != null) {
            md.append(String.format(Locale.ROOT, "%n## 7. Word rules%n%n%s.%n%n"
                            + "| measure | microseconds |%n|---|---:|%n"
                            + "| check: fold, then one pass over the text (no rule in it) | %.0f |%n"
                            + "| check of the same text with one rule in it | %.0f |%n"
                            + "| baseline: fold alone (NFKC case folding, accents removed) | %.0f |%n"
                            + "| baseline: plain scan, one pass reading every character | %.1f |%n"
                            + "| naive: one search of the folded text per rule | %,.0f |%n%n"
                            + "The check costs %.1f plain scans; compiling the 10,000 rules takes %.0f ms (once per change, per instance).%n",
                    words.get("what"), num(words, "check_us"), num(words, "check_with_a_hit_us"), num(words, "fold_only_us"),
                    num(words, "plain_scan_us"), num(words, "naive_one_search_per_rule_us"),
                    num(words, "check_vs_plain_scan"), num(words, "compile_ms")));
        } else {
            md.append("\n## 7. Word rules\n\nNot measured in this run.\n");
        }
        List<String> failures = (List<String>) report.get("failures");
        if (failures != null && !failures.isEmpty()) {
            md.append("\n## Failures\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        md.append(String.format(Locale.ROOT, "%nSuite time: %.0f s.%n", num(report, "suite_seconds")));
        return md.toString();
    }

    private static String postingRow(String name, Map<String, Object> f, Object floor) {
        double rate = num(f, "replies_per_second");
        String ratio = floor instanceof Number n && n.doubleValue() > 0
                ? String.format(Locale.ROOT, "%.2f (floor %,.0f)", rate / n.doubleValue(), n.doubleValue()) : "-";
        return String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %.2f | %.2f | %s | %s | %s |%n", name, f.get("writers"),
                rate, ratio, num(f, "p50_ms"), num(f, "p99_ms"), f.get("created_201"), f.get("rows_added"),
                f.get("counts_add_up"));
    }

    /** p50 latency of the page reads against thread size (log scale), one line per sort and page position. */
    static String svg(Map<String, Object> report) {
        List<Map<String, Object>> reads = (List<Map<String, Object>>) report.getOrDefault("reads", List.of());
        int width = 760;
        int height = 440;
        int left = 70;
        int right = 200;
        int top = 40;
        int bottom = 60;
        List<Integer> sizes = reads.stream().map(r -> ((Number) r.get("thread_size")).intValue()).distinct().sorted().toList();
        double maxLatency = reads.stream().mapToDouble(r -> num(r, "p50")).max().orElse(1) * 1.15;
        Map<String, Object> baselines = (Map<String, Object>) report.get("baselines");
        double staticP50 = baselines == null || baselines.get("static_start") == null ? 0
                : num((Map<String, Object>) baselines.get("static_start"), "p50");
        maxLatency = Math.max(maxLatency, staticP50 * 1.15);
        double minLog = Math.log10(sizes.isEmpty() ? 1 : sizes.get(0));
        double maxLog = Math.log10(sizes.isEmpty() ? 10 : sizes.get(sizes.size() - 1));
        if (maxLog == minLog) {
            maxLog = minLog + 1;
        }
        double plotW = width - left - right;
        double plotH = height - top - bottom;
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
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">comments in the thread (log scale)</text>%n", left + plotW / 2, height - 18));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">ms</text>%n", top + plotH / 2));
        String[] colours = {"#1f77b4", "#ff7f0e", "#2ca02c"};
        int legend = 0;
        for (int s = 0; s < Bench.SORTS.length; s++) {
            for (String page : List.of("first", "deep")) {
                StringBuilder points = new StringBuilder();
                for (int size : sizes) {
                    Map<String, Object> run = find(reads, size, Bench.SORTS[s], page);
                    if (run != null) {
                        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(size), y.applyAsDouble(num(run, "p50"))));
                    }
                }
                String dash = page.equals("deep") ? " stroke-dasharray=\"6 4\"" : "";
                svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n",
                        colours[s], dash, points.toString().trim()));
                double ly = top + 14 + legend * 20;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                        + "<text x=\"%.1f\" y=\"%.1f\">%s, %s page</text>%n", left + plotW + 16, ly, left + plotW + 46, ly,
                        colours[s], dash, left + plotW + 52, ly + 4, Bench.SORTS[s], page));
                legend++;
            }
        }
        if (staticP50 > 0) {
            double yy = y.applyAsDouble(staticP50);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"2 3\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555\">static file p50</text>%n", left, yy, left + plotW, yy, left + plotW + 16, yy + 4));
        }
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        if (machine != null) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555\" font-size=\"10\">%s cores, %s GiB, %s</text>%n",
                    left, height - 4, machine.get("cores"), machine.get("memory_gib"), report.get("started")));
        }
        return svg.append("</svg>\n").toString();
    }

    private static Map<String, Object> find(List<Map<String, Object>> reads, int size, Object sort, Object page) {
        return reads.stream().filter(r -> ((Number) r.get("thread_size")).intValue() == size && r.get("sort").equals(sort)
                && r.get("page").equals(page)).findFirst().orElse(null);
    }

    private static Map<String, Object> target(String name, String wanted, Object measured, boolean met) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", name);
        t.put("wanted", wanted);
        t.put("measured", measured);
        t.put("met", met);
        return t;
    }

    static double num(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static String fmt(Object value) {
        if (value instanceof Double d) {
            return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(value);
    }
}
