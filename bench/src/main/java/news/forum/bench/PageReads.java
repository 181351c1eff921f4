package news.forum.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workload 1, page reads against thread size: the first page and a page in the middle (limit 50) of each sort, in
 * threads of every generated size, 64 connections, a warm-up then the measured seconds; every page must hold 50
 * comments.
 */
final class PageReads implements Workload {

    @Override
    public String name() {
        return "reads";
    }

    @Override
    public boolean needsStaticBaseline() {
        return true;
    }

    @Override
    public void run(Suite suite) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        suite.put("reads", runs);
        int port = suite.server.port;
        for (int size : suite.plan.sizes()) {
            long thread = suite.threadId("bench-read-" + size);
            for (String sort : Plan.SORTS) {
                String deep = suite.cursor(sort, Data.middle(suite.db(), thread, sort, size));
                for (String position : List.of("first", "deep")) {
                    String path = suite.pagePath(thread, sort, 50, position.equals("first") ? null : deep);
                    try (Http http = new Http(port)) {
                        Http.Response page = http.get(path);
                        int comments = Json.count(page.body(), "bodyHtml");
                        if (page.status() != 200 || comments != 50) {
                            suite.fail("page " + path + " answered " + page.status() + " with " + comments + " comments");
                        }
                    }
                    String name = "reads-" + size + "-" + sort + "-" + position;
                    suite.profile.start(name);
                    if (suite.plan.warmSeconds() > 0) {
                        suite.wrk.run(port, path, Plan.READ_CONNECTIONS, suite.plan.warmSeconds(), "report.lua", Map.of());
                    }
                    Map<String, Double> figures = suite.wrk.run(port, path, Plan.READ_CONNECTIONS,
                            suite.plan.readSeconds(), "report.lua", Map.of());
                    suite.profile.stop(name);
                    suite.checkNoErrors("reads " + size + " " + sort + " " + position, figures);
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("thread_size", size);
                    run.put("sort", sort);
                    run.put("page", position);
                    run.putAll(figures);
                    run.put("rps_vs_static_start", figures.get("rps") / suite.staticRps());
                    runs.add(run);
                    suite.say(String.format("reads %,d %s %s: %.0f req/s (%.2f x static), p50 %.2f ms, p99 %.2f ms",
                            size, sort, position, figures.get("rps"), figures.get("rps") / suite.staticRps(),
                            figures.get("p50"), figures.get("p99")));
                }
            }
        }
    }
}
