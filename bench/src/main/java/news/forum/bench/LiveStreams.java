package news.forum.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static news.forum.web.PublicIds.Kind.THREAD;

/**
 * Workload 8, idle live-event streams on one instance: memory per stream (resident and live heap, before and after
 * opening them, each after a full GC), the time for one event to reach every stream against the time to reach a
 * single one, and page reads while the streams are held against page reads without them, all in this run. The run
 * fails if a stream closes or a read errs.
 */
final class LiveStreams implements Workload {

    @Override
    public String name() {
        return "streams";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run(Suite suite) throws Exception {
        Plan plan = suite.plan;
        Server server = suite.server;
        long thread = suite.threadId("bench-live");
        String events = "/api/v1/threads/" + suite.ids.format(THREAD, thread) + "/events";
        String reads = suite.pagePath(suite.threadId("bench-mixed"), "oldest", 50, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(plan.smoke() ? 40 : 400);
        Map<String, Object> live = suite.section("streams");

        try (Streams one = new Streams(server.port, events)) {
            one.open(1, 1, deadline);
            live.put("one_stream", fanOut(suite, one, thread, deadline));
        }
        if (plan.warmSeconds() > 0) {
            suite.wrk.run(server.port, reads, Plan.READ_CONNECTIONS, plan.warmSeconds(), "report.lua", Map.of());
        }
        Map<String, Double> readsBefore = suite.wrk.run(server.port, reads, Plan.READ_CONNECTIONS, plan.readSeconds(),
                "report.lua", Map.of());
        suite.checkNoErrors("reads before the streams", readsBefore);
        server.jcmd("GC.run");
        long rssBefore = server.rssKib();
        long heapBefore = server.heapUsedKib();
        try (Streams many = new Streams(server.port, events)) {
            long opening = System.nanoTime();
            many.open(plan.streams(), 500, deadline);
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            suite.say(String.format("streams: %,d open and joined in %.1f s", many.size(), openSeconds));
            Thread.sleep(plan.smoke() ? 0 : 1_000);
            server.jcmd("GC.run");
            long rssAfter = server.rssKib();
            long heapAfter = server.heapUsedKib();
            Map<String, Double> readsDuring = suite.wrk.run(server.port, reads, Plan.READ_CONNECTIONS,
                    plan.readSeconds(), "report.lua", Map.of());
            suite.checkNoErrors("reads while holding the streams", readsDuring);
            suite.profile.start("streams-fan-out");
            Map<String, Object> all = fanOut(suite, many, thread, deadline);
            suite.profile.stop("streams-fan-out");
            if (many.openCount() != plan.streams()) {
                suite.fail("streams: " + many.openCount() + " of " + plan.streams() + " still open");
            }
            live.put("streams", many.size());
            live.put("open_seconds", openSeconds);
            live.put("rss_before_mib", rssBefore / 1024.0);
            live.put("rss_after_mib", rssAfter / 1024.0);
            live.put("rss_kib_per_stream", (double) (rssAfter - rssBefore) / many.size());
            live.put("heap_before_mib", heapBefore / 1024.0);
            live.put("heap_after_mib", heapAfter / 1024.0);
            live.put("heap_kib_per_stream", (double) (heapAfter - heapBefore) / many.size());
            live.put("all_streams", all);
            live.put("reads_without_streams", readsBefore);
            live.put("reads_with_streams", readsDuring);
            suite.say(String.format("streams: %,d held, RSS %.0f -> %.0f MiB (%.1f KiB each), heap %.0f -> %.0f MiB "
                            + "(%.1f KiB each); one event to all in %.0f ms (one stream: %.1f ms); reads %.0f -> %.0f req/s",
                    many.size(), rssBefore / 1024.0, rssAfter / 1024.0, (double) (rssAfter - rssBefore) / many.size(),
                    heapBefore / 1024.0, heapAfter / 1024.0, (double) (heapAfter - heapBefore) / many.size(),
                    Report.num(all, "to_all_ms_median"),
                    Report.num((Map<String, Object>) live.get("one_stream"), "to_all_ms_median"),
                    readsBefore.get("rps"), readsDuring.get("rps")));
        }
        // and once they are closed: the instance serves as before (the second baseline of the reads)
        Map<String, Double> readsAfter = suite.wrk.run(server.port, reads, Plan.READ_CONNECTIONS, plan.readSeconds(),
                "report.lua", Map.of());
        suite.checkNoErrors("reads after the streams", readsAfter);
        live.put("reads_after_streams", readsAfter);
        Map<String, Double> during = (Map<String, Double>) live.get("reads_with_streams");
        live.put("reads_ratio", during.get("rps") * 2 / (readsBefore.get("rps") + readsAfter.get("rps")));
    }

    /** Posts a comment {@code plan.fanOutRounds()} times and times its event to the first, median and last stream. */
    private static Map<String, Object> fanOut(Suite suite, Streams streams, long thread, long deadline) throws Exception {
        int rounds = suite.plan.fanOutRounds();
        double[] toAll = new double[rounds];
        double[] toMedian = new double[rounds];
        double[] toFirst = new double[rounds];
        ExecutorService poster = Executors.newSingleThreadExecutor();
        try (Http http = new Http(suite.server.port)) {
            for (int round = 0; round < rounds; round++) {
                String marker = "live-bench-" + Long.toString(System.nanoTime(), 36);
                streams.expect(marker);
                long sent = System.nanoTime();
                Future<Http.Response> posted = poster.submit(() -> http.post(
                        "/api/v1/threads/" + suite.ids.format(THREAD, thread) + "/comments", suite.tokens.get(2),
                        "{\"body\":\"" + marker + "\"}"));
                long[] arrived = streams.awaitAll(deadline);
                if (posted.get().status() != 201) {
                    suite.fail("streams: the comment answered " + posted.get().status());
                }
                double[] millis = Arrays.stream(arrived).mapToDouble(t -> (t - sent) / 1e6).toArray();
                toAll[round] = Arrays.stream(millis).max().orElse(0);
                toMedian[round] = Suite.percentile(millis, 50);
                toFirst[round] = Arrays.stream(millis).min().orElse(0);
            }
        } finally {
            poster.shutdownNow();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("streams", streams.size());
        figures.put("rounds", rounds);
        figures.put("to_all_ms_median", Suite.percentile(toAll, 50));
        figures.put("to_all_ms_max", Arrays.stream(toAll).max().orElse(0));
        figures.put("to_half_ms_median", Suite.percentile(toMedian, 50));
        figures.put("to_first_ms_median", Suite.percentile(toFirst, 50));
        return figures;
    }
}
