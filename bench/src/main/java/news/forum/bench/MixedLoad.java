package news.forum.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static news.forum.web.PublicIds.Kind.COMMENT;
import static news.forum.web.PublicIds.Kind.THREAD;

/**
 * Workload 5, mixed: wrk, 64 connections, 95 % page reads (first and middle pages of each sort) and 5 % replies
 * into one 10,000-comment thread, after a warm-up, on a freshly started server: requests a second, p99, and the
 * server's peak resident memory since its start (VmHWM). The replies answered 201 must be the rows added.
 */
final class MixedLoad implements Workload {

    @Override
    public String name() {
        return "mixed";
    }

    @Override
    public boolean needsStaticBaseline() {
        return true;
    }

    @Override
    public void run(Suite suite) throws Exception {
        // the peak resident memory counts from the process's start: this workload's, not the earlier ones'
        suite.restartServer();
        long thread = suite.threadId("bench-mixed");
        int size = suite.plan.mixedThreadSize();
        List<String> reads = new ArrayList<>();
        for (String sort : Plan.SORTS) {
            reads.add(suite.pagePath(thread, sort, 50, null));
            reads.add(suite.pagePath(thread, sort, 50, suite.cursor(sort, Data.middle(suite.db(), thread, sort, size))));
        }
        String parents = Data.roots(suite.db(), thread, 500).stream().map(root -> suite.ids.format(COMMENT, root))
                .collect(Collectors.joining(","));
        Map<String, String> environment = Map.of(
                "BENCH_SCRIPTS", suite.root.resolve("bench/wrk").toString(),
                "BENCH_THREAD", suite.ids.format(THREAD, thread),
                "BENCH_TOKEN", suite.tokens.get(1),
                "BENCH_PARENTS", parents,
                "BENCH_READS", String.join(" ", reads));
        int port = suite.server.port;
        if (suite.plan.warmSeconds() > 0) {
            // the same mix first, so the JIT is warm (its replies are rows too, counted before the measured run)
            suite.wrk.run(port, "/", Plan.READ_CONNECTIONS, suite.plan.warmSeconds() * 2, "mixed.lua", environment);
        }
        long before = Data.rows(suite.db(), Long.toString(thread));
        suite.profile.start("mixed");
        Map<String, Double> figures = suite.wrk.run(port, "/", Plan.READ_CONNECTIONS, suite.plan.mixedSeconds(),
                "mixed.lua", environment);
        suite.profile.stop("mixed");
        Thread.sleep(1_000); // replies still in flight when wrk stopped finish on the server
        long peak = suite.server.peakRssKib();
        long added = Data.rows(suite.db(), Long.toString(thread)) - before;
        double created = figures.get("created");
        // wrk stops with up to one request per connection in flight; those may commit after it counted
        if (added < created || added > created + Plan.READ_CONNECTIONS || figures.get("other") > 0) {
            suite.fail(String.format("mixed: %.0f answered 201 but %d rows were added; %.0f other answers",
                    created, added, figures.get("other")));
        }
        if (Data.countedRows(suite.db(), Long.toString(thread)) != Data.commentCount(suite.db(), thread)) {
            suite.fail("mixed: thread.comment_count differs from its rows");
        }
        suite.checkNoErrors("mixed", figures);
        Map<String, Object> mixed = new LinkedHashMap<>(figures);
        mixed.put("rows_added", added);
        mixed.put("rps_vs_static", figures.get("rps") / suite.staticRps());
        mixed.put("peak_rss_mib", peak / 1024.0);
        suite.put("mixed", mixed);
        suite.say(String.format("mixed: %.0f req/s (%.2f x static), p99 %.1f ms, %d replies; server peak RSS %.0f MiB",
                figures.get("rps"), figures.get("rps") / suite.staticRps(), figures.get("p99"), added, peak / 1024.0));
    }
}
