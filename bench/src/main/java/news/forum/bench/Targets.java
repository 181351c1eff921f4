package news.forum.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets of issue 18 (and the ones of issue 5 that still stand) checked against a run's figures: for each,
 * what is wanted, what was measured (a ratio to a baseline of the same run wherever the target is one, with the
 * figures behind it) and whether it is met. A target whose workload did not run is "not measured".
 */
@SuppressWarnings("unchecked")
final class Targets {

    private Targets() {
    }

    static List<Map<String, Object>> of(Map<String, Object> report) {
        List<Map<String, Object>> targets = new ArrayList<>();
        Map<String, Object> baselines = map(report, "baselines");
        Map<String, Object> pgbench = map(baselines, "pgbench");
        Map<String, Object> sequential = map(report, "sequential");
        Map<String, Object> concurrent = map(report, "concurrent");
        Map<String, Object> spread = map(concurrent, "spread");
        Map<String, Object> hot = map(concurrent, "hot_thread");

        double seqRate = num(sequential, "replies_per_second");
        double seqFloor = num(pgbench, "reply_1_client_tps");
        targets.add(atLeast("1", "sequential replies / pgbench's one-client floor of the reply transaction", 0.6,
                sequential == null || seqFloor <= 0 ? null : seqRate / seqFloor,
                floorDetail(seqRate, seqFloor)));
        double spreadRate = num(spread, "replies_per_second");
        double spreadFloor = num(pgbench, "reply_32_clients_spread_tps");
        targets.add(atLeast("2", "concurrent replies over 1,000 threads (32 writers) / pgbench's 32-client floor", 0.6,
                spread == null || spreadFloor <= 0 ? null : spreadRate / spreadFloor,
                floorDetail(spreadRate, spreadFloor)));
        double hotRate = num(hot, "replies_per_second");
        targets.add(atLeast("3", "replies into one hot thread / over 1,000 threads (32 writers each)", 0.5,
                hot == null || spreadRate <= 0 ? null : hotRate / spreadRate,
                String.format(Locale.ROOT, "%,.0f / %,.0f a second (hot-thread floor %,.0f)", hotRate, spreadRate,
                        num(pgbench, "reply_32_clients_hot_tps"))));

        List<Map<String, Object>> reads = (List<Map<String, Object>>) report.get("reads");
        double warmStatic = warmStaticRps(baselines);
        Double lowest = null;
        String lowestRun = "";
        if (reads != null && !reads.isEmpty() && warmStatic > 0) {
            for (Map<String, Object> run : reads) {
                double ratio = num(run, "rps") / warmStatic;
                if (lowest == null || ratio < lowest) {
                    lowest = ratio;
                    lowestRun = String.format(Locale.ROOT, "%,.0f a second at %,d %s %s", num(run, "rps"),
                            ((Number) run.get("thread_size")).intValue(), run.get("sort"), run.get("page"));
                }
            }
        }
        targets.add(atLeast("4", "page reads / the static file, warm (the higher of the run's start and end baselines;"
                + " lowest read run)", 0.8, lowest, lowestRun + String.format(Locale.ROOT, "; static %,.0f", warmStatic)));
        targets.add(flatness(reads));

        Map<String, Object> whole = map(report, "whole_thread");
        Double slowest = null;
        String slowestSort = "";
        if (whole != null && !whole.isEmpty()) {
            for (Map.Entry<String, Object> entry : whole.entrySet()) {
                double median = num((Map<String, Object>) entry.getValue(), "median_ms");
                if (slowest == null || median > slowest) {
                    slowest = median;
                    slowestSort = entry.getKey();
                }
            }
        }
        targets.add(atMost("5", "whole thread of 1,000 by pages of 200, median ms (slowest sort)", 6, slowest,
                slowestSort));

        Map<String, Object> mixed = map(report, "mixed");
        targets.add(atMost("6", "server peak resident memory under the mixed workload, MiB (started as README's run"
                        + " command)", 200, mixed == null ? null : num(mixed, "peak_rss_mib"),
                mixed == null || mixed.get("postgres_peak_rss_mib") == null ? ""
                        : String.format(Locale.ROOT, "embedded PostgreSQL beside it: %.0f MiB in %s processes",
                        num(mixed, "postgres_peak_rss_mib"), mixed.get("postgres_processes"))));
        Map<String, Object> startup = map(report, "startup");
        targets.add(atMost("7", "start-up to the first 200 of /health with existing data, ms (median)", 1500,
                startup == null ? null : num(startup, "median_ms"),
                startup == null ? "" : "starts " + startup.get("starts")));

        Map<String, Object> flood = map(report, "login_flood");
        targets.add(atMost("8", "page-read p50 under the login flood / without it", 2,
                flood == null ? null : num(flood, "read_p50_ratio"), flood == null ? ""
                        : String.format(Locale.ROOT, "%.2f ms -> %.2f ms; %,.0f logins a second, login p50 %.0f ms",
                        num(map(flood, "reads_before"), "p50"), num(map(flood, "reads_during"), "p50"),
                        num(flood, "logins_per_second"), num(flood, "login_p50_ms"))));
        targets.add(atMost("8", "5xx answers under the login flood (logins and page reads)", 0,
                flood == null ? null : num(flood, "login_5xx") + num(flood, "read_5xx"), flood == null ? ""
                        : String.format(Locale.ROOT, "logins by status %s", flood.get("statuses"))));

        Boolean countsAddUp = null;
        for (Map<String, Object> posting : List.of(sequential == null ? Map.<String, Object>of() : sequential,
                spread == null ? Map.<String, Object>of() : spread, hot == null ? Map.<String, Object>of() : hot)) {
            if (posting.containsKey("counts_add_up")) {
                countsAddUp = (countsAddUp == null || countsAddUp) && Boolean.TRUE.equals(posting.get("counts_add_up"));
            }
        }
        targets.add(target("all", "every 201 stored exactly once, counters equal to rows (workloads 3 and 4)", "yes",
                countsAddUp == null ? null : countsAddUp ? "yes" : "no", "", countsAddUp));

        Map<String, Object> streams = map(report, "streams");
        if (streams != null && streams.get("streams") != null) {
            double toAll = num(map(streams, "all_streams"), "to_all_ms_median");
            targets.add(atLeast("issue 5", "idle event streams held by one instance", 10_000, num(streams, "streams"),
                    String.format(Locale.ROOT, "%.1f KiB of heap each", num(streams, "heap_kib_per_stream"))));
            targets.add(atMost("issue 5", "one event to every stream, median ms", 1000, toAll, ""));
        }
        Map<String, Object> imported = map(report, "import");
        if (imported != null && imported.get("comments_per_second") != null) {
            targets.add(atLeast("issue 15", "import disqus, comments a second (generated file, 256 MiB heap)", 20_000,
                    num(imported, "comments_per_second"), String.format(Locale.ROOT, "%,d comments in %.1f s",
                            ((Number) imported.get("comments")).longValue(), num(imported, "import_seconds"))));
            targets.add(atLeast("issue 15", "comments of one file imported whole with a 256 MiB heap (-Xmx256m)", 1_000_000,
                    num(imported, "comments"), imported.get("peak_rss_mib") == null ? ""
                            : String.format(Locale.ROOT, "peak resident memory %.0f MiB", num(imported, "peak_rss_mib"))));
        }
        return targets;
    }

    /** The latency target of reads: p50 at the largest thread within 1.5 times the smallest's, worst sort/page. */
    private static Map<String, Object> flatness(List<Map<String, Object>> reads) {
        if (reads == null || reads.isEmpty()) {
            return atMost("4", "p50 page latency at the largest / at the smallest thread (worst sort and page)", 1.5,
                    null, "");
        }
        int smallest = reads.stream().mapToInt(r -> ((Number) r.get("thread_size")).intValue()).min().orElse(0);
        int largest = reads.stream().mapToInt(r -> ((Number) r.get("thread_size")).intValue()).max().orElse(0);
        double worst = 0;
        String where = "";
        for (Map<String, Object> run : reads) {
            if (((Number) run.get("thread_size")).intValue() != largest) {
                continue;
            }
            Map<String, Object> small = Report.find(reads, smallest, run.get("sort"), run.get("page"));
            double ratio = num(run, "p50") / num(small, "p50");
            if (ratio > worst) {
                worst = ratio;
                where = run.get("sort") + " " + run.get("page") + String.format(Locale.ROOT, ": %.2f ms / %.2f ms",
                        num(run, "p50"), num(small, "p50"));
            }
        }
        return atMost("4", String.format(Locale.ROOT, "p50 page latency at %,d / at %,d comments (worst sort and page)",
                largest, smallest), 1.5, worst, where);
    }

    private static String floorDetail(double rate, double floor) {
        return floor > 0 ? String.format(Locale.ROOT, "%,.0f a second; floor %,.0f", rate, floor)
                : String.format(Locale.ROOT, "%,.0f a second; no pgbench floor in this run", rate);
    }

    /** The static file's throughput once warm: the higher of the start and end baselines of the run. */
    static double warmStaticRps(Map<String, Object> baselines) {
        return Math.max(num(map(baselines, "static_start"), "rps"), num(map(baselines, "static_end"), "rps"));
    }

    private static Map<String, Object> atLeast(String number, String name, double wanted, Double measured,
                                               String detail) {
        return target(number, name, ">= " + plain(wanted), measured, detail,
                measured == null ? null : measured >= wanted);
    }

    private static Map<String, Object> atMost(String number, String name, double wanted, Double measured,
                                              String detail) {
        return target(number, name, "<= " + plain(wanted), measured, detail,
                measured == null ? null : measured <= wanted);
    }

    private static Map<String, Object> target(String number, String name, String wanted, Object measured,
                                              String detail, Boolean met) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("number", number);
        t.put("target", name);
        t.put("wanted", wanted);
        t.put("measured", measured);
        t.put("detail", measured != null ? detail : detail.isBlank() ? "not measured in this run"
                : "not measured in this run: " + detail);
        t.put("met", met);
        return t;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value) : String.valueOf(value);
    }

    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    static double num(Map<String, Object> map, String key) {
        Object value = map == null ? null : map.get(key);
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
