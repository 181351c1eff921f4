package news.forum.bench;

import java.util.Map;

/**
 * A small static file of the same server (64 connections), at the start and at the end of the run: page-read
 * throughput is set against it. The machine warms (JIT, caches) during a run, so both are kept.
 */
final class StaticBaseline implements Workload {

    static final String PATH = "/static/bench.txt";
    static final StaticBaseline START = new StaticBaseline("static_start");
    static final StaticBaseline END = new StaticBaseline("static_end");

    private final String key;

    private StaticBaseline(String key) {
        this.key = key;
    }

    @Override
    public String name() {
        return key.replace('_', '-');
    }

    @Override
    public void run(Suite suite) throws Exception {
        Map<String, Double> figures = suite.wrk.run(suite.server.port, PATH, Plan.READ_CONNECTIONS,
                suite.plan.readSeconds(), "report.lua", Map.of());
        suite.checkNoErrors("static file", figures);
        suite.say(String.format("static file: %.0f req/s, p50 %.2f ms", figures.get("rps"), figures.get("p50")));
        suite.section("baselines").put(key, figures);
    }
}
