package news.forum.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs wrk (a second process, loopback only, bounded by -d) with one of the Lua scripts of bench/wrk. */
final class Wrk {

    private final Path scripts;
    private final int threads;

    Wrk(Path scripts, int threads) {
        this.scripts = scripts;
        this.threads = threads;
    }

    /** The figures the script's done() printed: requests, rps, p50/p90/p99 (ms), errors, and script counters. */
    Map<String, Double> run(int port, String path, int connections, double seconds, String script,
                            Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + Math.min(threads, connections),
                "-c" + connections, "-d" + Math.max(1, Math.round(seconds)) + "s", "--timeout", "10s",
                "-s", scripts.resolve(script).toString(), "http://127.0.0.1:" + port + path));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process wrk = builder.start();
        String output;
        try {
            output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(Math.round(seconds) + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("wrk did not stop");
            }
        } finally {
            wrk.destroyForcibly();
        }
        for (String line : output.split("\n")) {
            if (line.startsWith("BENCH ")) {
                Map<String, Double> figures = new LinkedHashMap<>();
                for (String pair : line.substring(6).trim().split(" ")) {
                    int eq = pair.indexOf('=');
                    figures.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
                }
                return figures;
            }
        }
        throw new IllegalStateException("wrk printed no figures:\n" + output);
    }
}
