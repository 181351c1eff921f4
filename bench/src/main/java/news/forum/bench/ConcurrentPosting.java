package news.forum.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Workload 4, concurrent posting: 32 writers for the plan's seconds into one hot thread, then over 1,000 threads;
 * afterwards every 201's id must be a row of those threads, the rows added must equal the 201s and each thread's
 * comment_count its rows.
 */
final class ConcurrentPosting implements Workload {

    @Override
    public String name() {
        return "concurrent";
    }

    @Override
    public void run(Suite suite) throws Exception {
        Map<String, Object> concurrent = suite.section("concurrent");
        List<Long> hot = List.of(suite.threadId("bench-hot"));
        List<Long> spread = Data.threads(suite.db(), "bench-spread-", suite.plan.spreadThreads());
        for (Map.Entry<String, List<Long>> target : List.of(Map.entry("hot_thread", hot), Map.entry("spread", spread))) {
            String threadIds = target.getValue().stream().map(String::valueOf).collect(Collectors.joining(","));
            long before = Data.rows(suite.db(), threadIds);
            suite.profile.start("concurrent-" + target.getKey());
            Writers.Outcome outcome = Writers.concurrent(suite.server.port, suite.tokens, target.getValue(),
                    Plan.WRITERS, suite.plan.concurrentSeconds(), 77L, suite.ids);
            suite.profile.stop("concurrent-" + target.getKey());
            long stored = Data.rows(suite.db(), threadIds) - before;
            Map<String, Object> figures = PostingFigures.of(suite, outcome, stored, threadIds);
            figures.put("threads", target.getValue().size());
            if (!outcome.otherStatuses().isEmpty()) {
                suite.fail("concurrent " + target.getKey() + ": answers other than 201: " + outcome.otherStatuses());
            }
            concurrent.put(target.getKey(), figures);
            suite.say(String.format("concurrent %s: %d replies in %.2f s = %.0f /s, p50 %.2f ms, p99 %.2f ms",
                    target.getKey(), outcome.created().size(), outcome.seconds(), outcome.rate(),
                    Suite.percentile(outcome.latenciesMs(), 50), Suite.percentile(outcome.latenciesMs(), 99)));
        }
        suite.put("peak_rss_mib_after_workloads_1_to_4", suite.server.peakRssKib() / 1024.0);
    }
}
