package news.forum.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workload 6, start-up: the server stopped (SIGTERM) and started again on its existing data, timed from the
 * process's start to the first 200 of /health (with the embedded PostgreSQL, the server starts it too).
 */
final class StartUp implements Workload {

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public void run(Suite suite) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < suite.plan.startups(); i++) {
            times.add((double) suite.restartServer());
        }
        double[] array = times.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("starts", times);
        figures.put("median_ms", Suite.percentile(array, 50));
        figures.put("what", "process start to the first 200 of /health with existing data"
                + (suite.external ? " (external PostgreSQL)" : " (the server starts its embedded PostgreSQL)"));
        suite.put("startup", figures);
        suite.say("start-up: " + times + " ms");
    }
}
