package news.forum.bench;

import java.util.Map;

/** Warms the server's JIT on a page read and the static file before anything is measured (not in the smoke run). */
final class WarmUp implements Workload {

    @Override
    public String name() {
        return "warm-up";
    }

    @Override
    public void run(Suite suite) throws Exception {
        double seconds = suite.plan.warmSeconds();
        if (seconds <= 0) {
            return;
        }
        suite.say("warming up the JIT");
        long thread = suite.threadId("bench-mixed");
        suite.wrk.run(suite.server.port, suite.pagePath(thread, "oldest", 50, null), Plan.READ_CONNECTIONS,
                seconds * 3, "report.lua", Map.of());
        suite.wrk.run(suite.server.port, StaticBaseline.PATH, Plan.READ_CONNECTIONS, seconds, "report.lua", Map.of());
    }
}
