package news.forum.bench;

import java.util.Map;

/**
 * Workload 3, sequential posting: one client on one keep-alive connection posts 1,000 comments (100 top-level, the
 * rest replying to a random earlier comment of depth under 8, fixed seed); every one must be answered 201.
 */
final class SequentialPosting implements Workload {

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public void run(Suite suite) throws Exception {
        long thread = suite.threadId("bench-sequential");
        long before = Data.rows(suite.db(), Long.toString(thread));
        suite.profile.start("sequential");
        Writers.Outcome outcome = Writers.sequential(suite.server.port, suite.tokens.get(0), thread,
                suite.plan.sequentialPosts(), suite.plan.sequentialTopLevel(), 20_240_501L, suite.ids);
        suite.profile.stop("sequential");
        long stored = Data.rows(suite.db(), Long.toString(thread)) - before;
        Map<String, Object> figures = PostingFigures.of(suite, outcome, stored, Long.toString(thread));
        if (outcome.created().size() != suite.plan.sequentialPosts()) {
            suite.fail("sequential posting: " + outcome.created().size() + " of " + suite.plan.sequentialPosts()
                    + " answered 201 (others: " + outcome.otherStatuses() + ")");
        }
        suite.put("sequential", figures);
        suite.say(String.format("sequential: %d replies in %.2f s = %.0f /s, p50 %.2f ms", outcome.created().size(),
                outcome.seconds(), outcome.rate(), Suite.percentile(outcome.latenciesMs(), 50)));
    }
}
