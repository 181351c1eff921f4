package news.forum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench/run: starts the server, prepares the data, runs the workloads in order with the load in other processes
 * (wrk) or other threads of this one (the exact-count writers), and writes bench/results. Every speed figure is set
 * next to a baseline measured in the same run. Any count that does not add up fails the run (exit 1).
 * <pre>
 * bench/run              the full suite
 * bench/run --smoke      every workload, small and short: counts checked, never a speed (CI)
 * bench/run --streams    workload 8 alone at full size
 * bench/run --only NAME  one workload (and the baselines it is set against), into bench/results/only-NAME.*
 * bench/run --jfr        also a JFR profile of the server per workload, in bench/results/jfr/
 * </pre>
 */
public final class Bench {

    /** The full suite in its order: the start-up workload restarts the server, the mixed one starts it afresh. */
    static List<Workload> suite() {
        return List.of(new WarmUp(), StaticBaseline.START, new PageReads(), new WholeThread(), new SequentialPosting(),
                new ConcurrentPosting(), StaticBaseline.END, new PgbenchFloor(), new LoginFlood(),
                new StartUp(), new MixedLoad(),
                new WordRules(), new LiveStreams(), new ImportRate());
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    private static int run(String[] args) throws Exception {
        Plan plan = Plan.FULL;
        boolean jfr = false;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> plan = Plan.SMOKE;
                case "--streams" -> plan = Plan.STREAMS;
                case "--jfr" -> jfr = true;
                case "--only" -> only = i + 1 < args.length ? args[++i] : "";
                default -> {
                    return usage("unknown option " + args[i]);
                }
            }
        }
        List<Workload> workloads;
        String base;
        if (plan == Plan.STREAMS) {
            workloads = List.of(new WarmUp(), new LiveStreams());
            base = "streams";
        } else if (only != null) {
            workloads = one(only);
            if (workloads.isEmpty()) {
                return usage("no workload named '" + only + "'");
            }
            base = (plan.smoke() ? "smoke-only-" : "only-") + only;
        } else {
            workloads = suite();
            base = plan.smoke() ? "smoke" : "latest";
        }
        return run(plan, workloads, base, jfr);
    }

    /** The named workload, after the warm-up and between the static baselines when it is set against them. */
    private static List<Workload> one(String name) {
        for (Workload workload : suite()) {
            if (workload.name().equals(name)) {
                List<Workload> list = new ArrayList<>();
                list.add(new WarmUp());
                if (workload.needsStaticBaseline()) {
                    list.add(StaticBaseline.START);
                }
                if (!(workload instanceof WarmUp)) {
                    list.add(workload);
                }
                if (workload.needsStaticBaseline()) {
                    list.add(StaticBaseline.END);
                }
                return list;
            }
        }
        return List.of();
    }

    private static int run(Plan plan, List<Workload> workloads, String base, boolean jfr) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> report;
        List<String> failures;
        try (Suite suite = Suite.open(plan, Path.of("").toAbsolutePath(), jfr)) {
            suite.put("workloads", workloads.stream().map(Workload::name).toList());
            for (Workload workload : workloads) {
                workload.run(suite);
            }
            report = suite.report();
            failures = suite.failures();
        }
        report.put("suite_seconds", (System.nanoTime() - started) / 1e9);
        report.put("targets", Targets.of(report));
        Path results = Path.of("bench/results").toAbsolutePath();
        write(results.resolve(base + ".json"), Json.write(report));
        write(results.resolve(base + ".md"), Report.markdown(report, base));
        if (report.get("reads") != null) {
            write(results.resolve(base + "-read-latency.svg"), Chart.svg(report));
        }
        System.out.println("[bench] wrote bench/results/" + base + ".json, .md (and the chart) in "
                + Math.round((System.nanoTime() - started) / 1e9) + " s");
        if (!failures.isEmpty()) {
            System.err.println("FAILED:\n  " + String.join("\n  ", failures));
            return 1;
        }
        return 0;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }

    private static int usage(String problem) {
        System.err.println("bench/run: " + problem + "\nusage: bench/run [--smoke | --streams] [--only NAME] [--jfr]"
                + "\n  NAME: " + String.join(", ", suite().stream().map(Workload::name).toList()));
        return 2;
    }
}
