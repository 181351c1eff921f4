package news.forum.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workload 2, the whole thread of 1,000: one client reads it page by page (limit 200, following {@code next}),
 * repeatedly per sort; the pages must add up to the thread.
 */
final class WholeThread implements Workload {

    @Override
    public String name() {
        return "whole-thread";
    }

    @Override
    public void run(Suite suite) throws Exception {
        int size = suite.plan.sizes()[0];
        long thread = suite.threadId("bench-read-" + size);
        Map<String, Object> whole = suite.section("whole_thread");
        try (Http http = new Http(suite.server.port)) {
            for (String sort : Plan.SORTS) {
                double[] times = new double[suite.plan.wholeRepeats()];
                int pages = 0;
                for (int i = 0; i < times.length; i++) {
                    long t0 = System.nanoTime();
                    int comments = 0;
                    pages = 0;
                    String after = null;
                    do {
                        Http.Response page = http.get(suite.pagePath(thread, sort, 200, after));
                        if (page.status() != 200) {
                            suite.fail("whole thread page answered " + page.status());
                            break;
                        }
                        comments += Json.count(page.body(), "bodyHtml");
                        after = Json.field(page.body(), "next");
                        pages++;
                    } while (after != null && !after.equals("null"));
                    times[i] = (System.nanoTime() - t0) / 1e6;
                    if (comments != size) {
                        suite.fail("whole thread (" + sort + ") read " + comments + " comments of " + size);
                    }
                }
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("thread_size", size);
                figures.put("pages", pages);
                figures.put("repeats", times.length);
                figures.put("median_ms", Suite.percentile(times, 50));
                figures.put("min_ms", Arrays.stream(times).min().orElse(0));
                figures.put("max_ms", Arrays.stream(times).max().orElse(0));
                whole.put(sort, figures);
                suite.say(String.format("whole thread of %,d (%s, %d pages): median %.1f ms", size, sort, pages,
                        Suite.percentile(times, 50)));
            }
        }
    }
}
