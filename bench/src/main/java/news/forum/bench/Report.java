package news.forum.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The person-readable report (bench/results/latest.md): the machine, its load and the server's JVM options, the
 * targets with wanted, measured and met, then every workload's figures beside its baselines.
 */
@SuppressWarnings("unchecked")
final class Report {

    private Report() {
    }

    static String markdown(Map<String, Object> report, String base) {
        StringBuilder md = new StringBuilder();
        boolean smoke = "smoke".equals(report.get("plan"));
        md.append("# Benchmark results (").append(report.get("plan")).append(" run, ").append(report.get("started"))
                .append(")\n\n");
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        if (machine != null) {
            md.append(String.format(Locale.ROOT, "Machine: %s cores (%s), %s GiB, %s; %s; %s. Load average (1, 5, 15 "
                            + "minutes) at the start %s, at the end %s. Load from %s.%n%n",
                    machine.get("cores"), machine.get("cpu"), machine.get("memory_gib"), machine.get("os"),
                    machine.get("jdk"), String.valueOf(machine.get("postgresql")).replaceAll(",.*", ""),
                    machine.get("load_averages_at_start"), machine.getOrDefault("load_averages_at_end", "?"),
                    machine.get("wrk")));
        }
        Map<String, Object> server = (Map<String, Object>) report.get("server");
        if (server != null) {
            md.append(String.format(Locale.ROOT, "Server: `%s`; JVM options %s; %s; in effect: %s.%n%n",
                    server.get("command"), server.get("jvm_options_shown"), server.get("java"), server.get("vm_flags")));
        }
        md.append(smoke ? "Smoke run: every workload small and short, counts checked, never a speed; the targets are "
                + "not judged.\n\n" : "");
        md.append("## Targets (issue 18)\n\n| # | target | wanted | measured | met |\n|---|---|---|---|---|\n");
        for (Map<String, Object> t : (List<Map<String, Object>>) report.getOrDefault("targets", List.of())) {
            String detail = String.valueOf(t.get("detail"));
            md.append("| ").append(t.get("number")).append(" | ").append(t.get("target")).append(" | ")
                    .append(t.get("wanted")).append(" | ")
                    .append(t.get("measured") == null ? detail : fmt(t.get("measured"))
                            + (detail.isBlank() ? "" : " (" + detail + ")"))
                    .append(" | ").append(met(t, smoke)).append(" |\n");
        }
        Map<String, Object> baselines = (Map<String, Object>) report.get("baselines");
        if (baselines != null) {
            md.append("\n## Baselines (same run)\n\n");
            for (String key : List.of("static_start", "static_end")) {
                Map<String, Object> b = (Map<String, Object>) baselines.get(key);
                if (b != null) {
                    md.append(String.format(Locale.ROOT, "- small static file (%s of the run), 64 connections: %,.0f req/s,"
                                    + " p50 %.2f ms, p99 %.2f ms%n",
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
            double warm = Targets.warmStaticRps(baselines);
            md.append("\n## 1. Page reads (limit 50, 64 connections)\n\n")
                    .append("| comments | sort | page | req/s | x static (warm) | x static (start) | p50 ms | p90 ms | p99 ms |\n"
                            + "|---:|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (Map<String, Object> r : reads) {
                md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %,.0f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                        ((Number) r.get("thread_size")).intValue(), r.get("sort"), r.get("page"), num(r, "rps"),
                        num(r, "rps") / warm, num(r, "rps_vs_static_start"), num(r, "p50"), num(r, "p90"), num(r, "p99")));
            }
            md.append("\n![read latency against thread size and the targets](").append(base)
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
        if (report.get("sequential") != null || report.get("concurrent") != null) {
            md.append("\n## 3-4. Posting\n\n| workload | writers | replies/s | x pgbench floor | p50 ms | p99 ms | 201s | rows added | counts add up |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        }
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
            if (mixed.get("postgres_peak_rss_mib") != null) {
                md.append(String.format(Locale.ROOT, "%nBeside it, the embedded PostgreSQL: %s processes, peak %.0f MiB "
                                + "resident in all (%.0f MiB proportional share, shared memory counted once); the server's"
                                + " heap in use after a full GC at the end: %.1f MiB.%n",
                        mixed.get("postgres_processes"), num(mixed, "postgres_peak_rss_mib"),
                        num(mixed, "postgres_peak_pss_mib"), num(mixed, "heap_after_gc_mib")));
            }
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
        Map<String, Object> streams = (Map<String, Object>) report.get("streams");
        if (streams != null && streams.get("streams") != null) {
            Map<String, Object> one = (Map<String, Object>) streams.get("one_stream");
            Map<String, Object> all = (Map<String, Object>) streams.get("all_streams");
            Map<String, Object> before = (Map<String, Object>) streams.get("reads_without_streams");
            Map<String, Object> during = (Map<String, Object>) streams.get("reads_with_streams");
            md.append(String.format(Locale.ROOT, "%n## 8. Live event streams (GET /api/v1/threads/{id}/events), one instance%n%n"
                            + "| measure | without the streams (baseline) | with %,.0f idle streams |%n|---|---:|---:|%n"
                            + "| server resident memory, MiB (after a full GC) | %.0f | %.0f |%n"
                            + "| server heap in use, MiB (after a full GC) | %.1f | %.1f |%n"
                            + "| one event to every stream, median of %s rounds, ms | %.1f (one stream) | %.1f (max %.1f; half of them %.1f) |%n"
                            + "| page reads (limit 50, 64 connections), req/s | %,.0f before, %,.0f after | %,.0f (%.2f x their mean) |%n"
                            + "| page reads p99, ms | %.2f before, %.2f after | %.2f |%n%n"
                            + "Per stream: %.1f KiB resident, %.1f KiB of heap. Opening and joining them took %.1f s "
                            + "(500 at a time, one client thread on loopback).%n",
                    num(streams, "streams"), num(streams, "rss_before_mib"), num(streams, "rss_after_mib"),
                    num(streams, "heap_before_mib"), num(streams, "heap_after_mib"), all.get("rounds"),
                    num(one, "to_all_ms_median"), num(all, "to_all_ms_median"), num(all, "to_all_ms_max"),
                    num(all, "to_half_ms_median"), num(before, "rps"),
                    num((Map<String, Object>) streams.get("reads_after_streams"), "rps"), num(during, "rps"),
                    num(streams, "reads_ratio"), num(before, "p99"),
                    num((Map<String, Object>) streams.get("reads_after_streams"), "p99"), num(during, "p99"), num(streams, "rss_kib_per_stream"),
                    num(streams, "heap_kib_per_stream"), num(streams, "open_seconds")));
        }
        loginFlood(md, (Map<String, Object>) report.get("login_flood"));
        List<String> failures = (List<String>) report.get("failures");
        if (failures != null && !failures.isEmpty()) {
            md.append("\n## Failures\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        md.append(String.format(Locale.ROOT, "%nSuite time: %.0f s.%n", num(report, "suite_seconds")));
        return md.toString();
    }

    private static void loginFlood(StringBuilder md, Map<String, Object> flood) {
        if (flood == null) {
            return;
        }
        Map<String, Object> before = (Map<String, Object>) flood.get("reads_before");
        Map<String, Object> during = (Map<String, Object>) flood.get("reads_during");
        Map<String, Object> after = (Map<String, Object>) flood.get("reads_after");
        md.append(String.format(Locale.ROOT, "%n## Login flood (issue 11)%n%n%s clients, each its own account and "
                        + "address (X-Forwarded-For through the trusted loopback proxy), log in with the correct password, "
                        + "one attempt after another (a refusal with Retry-After tried again once that time has passed), for %.0f s, while %s readers each read a page (limit 50) every %s ms.%n%n"
                        + "| page reads | before (baseline) | under the flood | after |%n|---|---:|---:|---:|%n",
                flood.get("clients"), num(flood, "seconds"), flood.get("read_connections"), flood.get("read_pause_ms")));
        for (String[] row : new String[][]{{"p50 ms", "p50"}, {"p99 ms", "p99"}, {"a second", "rps"},
                {"5xx", "server_errors"}, {"errors and timeouts", null}}) {
            md.append("| ").append(row[0]);
            for (Map<String, Object> reads : List.of(before, during, after)) {
                double value = row[1] != null ? num(reads, row[1]) : num(reads, "connect_errors")
                        + num(reads, "read_errors") + num(reads, "write_errors") + num(reads, "timeouts");
                md.append(" | ").append(fmt(value));
            }
            md.append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%nLogins: %,.0f a second (%s answered 200 of %s attempts; by status %s; "
                        + "%s connection errors); p50 %.0f ms and p99 %.0f ms of those answered 200, p50 %.0f ms and p99 "
                        + "%.0f ms of every attempt. Page-read p50 under the flood: %.2f x the baseline.%n",
                num(flood, "logins_per_second"), flood.get("logins_200"), flood.get("attempts"), flood.get("statuses"),
                flood.get("connection_errors"), num(flood, "login_p50_ms"), num(flood, "login_p99_ms"),
                num(flood, "attempt_p50_ms"), num(flood, "attempt_p99_ms"), num(flood, "read_p50_ratio")));
    }

    /** yes, no, or a dash for a target not measured (or not judged, in the smoke run). */
    static String met(Map<String, Object> target, boolean smoke) {
        Object met = target.get("met");
        return met == null ? "-" : smoke ? "not judged" : Boolean.TRUE.equals(met) ? "yes" : "**no**";
    }

    private static String postingRow(String name, Map<String, Object> f, Object floor) {
        double rate = num(f, "replies_per_second");
        String ratio = floor instanceof Number n && n.doubleValue() > 0
                ? String.format(Locale.ROOT, "%.2f (floor %,.0f)", rate / n.doubleValue(), n.doubleValue()) : "-";
        return String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %.2f | %.2f | %s | %s | %s |%n", name, f.get("writers"),
                rate, ratio, num(f, "p50_ms"), num(f, "p99_ms"), f.get("created_201"), f.get("rows_added"),
                f.get("counts_add_up"));
    }

    static Map<String, Object> find(List<Map<String, Object>> reads, int size, Object sort, Object page) {
        return reads.stream().filter(r -> ((Number) r.get("thread_size")).intValue() == size && r.get("sort").equals(sort)
                && r.get("page").equals(page)).findFirst().orElse(null);
    }


    static double num(Map<String, Object> map, String key) {
        return Targets.num(map, key);
    }

    static String fmt(Object value) {
        if (value instanceof Double d) {
            return Math.abs(d) >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d);
        }
        return String.valueOf(value);
    }
}
