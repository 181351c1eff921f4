package news.forum.bench;

import news.forum.web.PublicIds;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * bench/run: starts the server, prepares the data, runs every workload of issue 5 with the load in other
 * processes (wrk) or other threads of this one (the exact-count writers), and writes bench/results. Every speed
 * figure is set next to a baseline measured in the same run. Any count that does not add up fails the run.
 */
public final class Bench {

    /** How long and how big: the full suite (about 10 minutes) or the smoke run (under a minute). */
    record Plan(String name, int[] sizes, double readSeconds, double warmSeconds, int wholeRepeats, int sequentialPosts,
                int sequentialTopLevel, double concurrentSeconds, int spreadThreads, double mixedSeconds,
                int mixedThreadSize, int startups, double pgbenchSeconds, int streams, int fanOutRounds) {
    }

    static final Plan FULL = new Plan("full", new int[]{1_000, 100_000, 1_000_000}, 6, 2, 20, 1_000, 100, 10, 1_000,
            15, 10_000, 3, 6, 10_000, 5);
    /** Workload 8 alone at full size (bench/run --streams), on a throw-away data directory. */
    static final Plan STREAMS = new Plan("streams", new int[]{}, 6, 2, 0, 0, 0, 0, 0, 0, 10_000, 0, 0, 10_000, 5);
    static final Plan SMOKE = new Plan("smoke", new int[]{1_000, 5_000}, 1, 0, 2, 200, 20, 1.5, 50, 2, 1_000, 1, 0, 200, 2);

    static final String[] SORTS = {"oldest", "newest", "top"};
    static final int READ_CONNECTIONS = 64;
    static final int WRITERS = 32;
    static final int AUTHORS = 8;

    private final Plan plan;
    private final Path root;
    private final Path results;
    private final boolean jfr;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Server server;
    private Connection db;
    private Wrk wrk;
    private final List<String> tokens = new ArrayList<>();
    private final List<Long> authorIds = new ArrayList<>();
    private PublicIds ids;
    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private boolean external;

    private Bench(Plan plan, Path root, boolean jfr) {
        this.plan = plan;
        this.root = root;
        this.results = root.resolve("bench/results");
        this.jfr = jfr;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Plan plan = options.contains("--smoke") ? SMOKE : options.contains("--streams") ? STREAMS : FULL;
        Bench bench = new Bench(plan, Path.of("").toAbsolutePath(), options.contains("--jfr"));
        int status = bench.run();
        System.exit(status);
    }

    private int run() throws Exception {
        long suiteStart = System.nanoTime();
        Files.createDirectories(results);
        external = !env("DATASOURCES_DEFAULT_URL", "").isBlank();
        Path dataDir = plan != FULL
                ? Files.createTempDirectory("forum-bench-" + plan.name())
                : root.resolve("bench/data/forum");
        Files.createDirectories(dataDir);
        Map<String, String> serverEnv = new LinkedHashMap<>();
        serverEnv.put("FORUM_DEMO", "false");
        // the posting workloads are floods from 8 accounts on 127.0.0.1 into hot threads: exactly what posting
        // budgets and automatic slow mode stop. They still run on every post (their cost is measured); they never bite
        serverEnv.put("FORUM_POSTS_PER_ACCOUNT", "100000000");
        serverEnv.put("FORUM_POSTS_PER_ADDRESS", "100000000");
        serverEnv.put("FORUM_AUTO_SLOW_MODE_REPLIES_PER_MINUTE", "100000000");
        // the streams workload holds thousands of streams from 127.0.0.1, past the cap one address may hold
        serverEnv.put("FORUM_EVENTS_PER_ADDRESS", "100000000");
        if (external && env("FORUM_JWT_SECRET", "").isBlank()) {
            serverEnv.put("FORUM_JWT_SECRET", randomHex(48));
        }
        // the suite reads rows directly and must know which public id the server gives each of them
        String idSecret = env("FORUM_ID_SECRET", "").isBlank() ? "bench-public-ids" : env("FORUM_ID_SECRET", "");
        serverEnv.put("FORUM_ID_SECRET", idSecret);
        ids = PublicIds.withSecret(idSecret);
        List<String> jvm = new ArrayList<>();
        Path log = results.resolve(plan.name() + "-server.log");
        Files.deleteIfExists(log);
        server = new Server(root.resolve("forum-web/target/forum-web.jar"), dataDir, log, serverEnv, jvm);
        wrk = new Wrk(root.resolve("bench/wrk"), Runtime.getRuntime().availableProcessors());
        report.put("plan", plan.name());
        report.put("started", Instant.now().toString());
        try {
            say("starting the server on 127.0.0.1:" + server.port + (external ? " (external PostgreSQL)" : " (embedded PostgreSQL in " + dataDir + ")"));
            long firstStart = server.start();
            say("first start took " + firstStart + " ms");
            connect(external, dataDir);
            report.put("machine", machine());
            prepare();
            if (plan == STREAMS) {
                warmUp();
                workloadStreams();
                return finish(suiteStart);
            }
            Map<String, Object> baselines = new LinkedHashMap<>();
            report.put("baselines", baselines);
            warmUp();
            baselines.put("static_start", staticBaseline());
            workloadReads();
            workloadWholeThread();
            workloadSequential();
            workloadConcurrent();
            baselines.put("static_end", staticBaseline());
            baselines.put("pgbench", pgbench());
            report.put("peak_rss_mib_after_workloads_1_to_4", server.peakRssKib() / 1024.0);
            workloadStartup();
            workloadMixed();
            workloadWordRules();
            workloadStreams();
        } finally {
            server.stop();
            if (db != null) {
                db.close();
            }
            if (plan != FULL) {
                deleteTree(dataDir);
            }
        }
        return finish(suiteStart);
    }

    private int finish(long suiteStart) throws IOException {
        report.put("suite_seconds", (System.nanoTime() - suiteStart) / 1e9);
        report.put("notes", notes);
        report.put("failures", failures);
        report.put("targets", Report.targets(report));
        String base = plan == FULL ? "latest" : plan.name();
        Files.writeString(results.resolve(base + ".json"), Json.write(report));
        Files.writeString(results.resolve(base + ".md"), Report.markdown(report));
        if (report.get("reads") != null) {
            Files.writeString(results.resolve(base + "-read-latency.svg"), Report.svg(report));
        }
        say("wrote bench/results/" + base + ".json, .md (and the chart) in "
                + Math.round((System.nanoTime() - suiteStart) / 1e9) + " s");
        if (!failures.isEmpty()) {
            System.err.println("FAILED:\n  " + String.join("\n  ", failures));
            return 1;
        }
        return 0;
    }

    // ---------------------------------------------------------------- preparation

    private void connect(boolean external, Path dataDir) throws IOException, SQLException {
        if (external) {
            dbUrl = env("DATASOURCES_DEFAULT_URL", "");
            dbUser = env("DATASOURCES_DEFAULT_USERNAME", "");
            dbPassword = env("DATASOURCES_DEFAULT_PASSWORD", "");
        } else {
            List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
            dbUrl = "jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres";
            dbUser = "postgres";
            dbPassword = "";
        }
        db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    }

    private Map<String, Object> machine() throws IOException, SQLException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown"));
        machine.put("memory_gib", Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0 * 10) / 10.0)
                .findFirst().orElse(0.0));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("postgresql", Data.singleText(db, "SELECT version()"));
        machine.put("load_average_at_start", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        machine.put("wrk", "wrk -t" + Runtime.getRuntime().availableProcessors() + ", loopback 127.0.0.1");
        machine.put("server", "java -jar forum-web/target/forum-web.jar, default JVM settings");
        return machine;
    }

    private void prepare() throws Exception {
        say("accounts");
        try (Http http = new Http(server.port)) {
            for (int i = 1; i <= AUTHORS; i++) {
                String name = "bench-author-" + i;
                String password = "bench-" + name + "-pass-2024";
                http.post("/api/v1/accounts", null, "{\"username\":\"" + name + "\",\"password\":\"" + password
                        + "\",\"displayName\":\"Bench Author " + i + "\"}");
                Http.Response login = http.post("/api/v1/auth/login", null,
                        "{\"username\":\"" + name + "\",\"password\":\"" + password + "\"}");
                if (login.status() != 200) {
                    throw new IllegalStateException("login of " + name + " answered " + login.status() + ": " + login.body());
                }
                tokens.add(Json.field(login.body(), "access_token"));
                authorIds.add(Data.single(db, "SELECT id FROM account WHERE username = '" + name + "'"));
            }
        }
        for (int size : plan.sizes()) {
            generated("bench-read-" + size, size);
        }
        generated("bench-mixed", plan.mixedThreadSize());
    }

    private long generated(String key, int size) throws SQLException {
        long thread = Data.thread(db, key);
        long count = Data.commentCount(db, thread);
        if (count == 0) {
            long t0 = System.nanoTime();
            say("generating " + size + " comments into " + key);
            Data.generate(db, thread, size, authorIds, size);
            try (var statement = db.createStatement()) {
                statement.execute("VACUUM (ANALYZE) comment");
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            say(String.format("  %.1f s", seconds));
            @SuppressWarnings("unchecked")
            Map<String, Object> generation = (Map<String, Object>) report.computeIfAbsent("generation_seconds",
                    k -> new LinkedHashMap<>());
            generation.put(key, seconds);
        } else if (key.startsWith("bench-read-") && count != size) {
            failures.add(key + " holds " + count + " comments, not " + size);
        }
        long rows = Data.countedRows(db, Long.toString(thread));
        if (rows != Data.commentCount(db, thread)) {
            failures.add(key + ": thread.comment_count " + Data.commentCount(db, thread) + " but " + rows + " rows");
        }
        return thread;
    }

    private long threadId(String key) throws SQLException {
        return Data.thread(db, key);
    }

    /** The cursor the server would give after the comment {@code middle} (score, root id, path): see PageCursor. */
    private String cursor(String sort, String[] middle) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < middle[2].length(); i += 12) {
            path.append(i == 0 ? "" : ".").append(ids.format(Long.parseLong(middle[2].substring(i, i + 12), 16)));
        }
        String raw = sort.charAt(0) + "|" + (sort.equals("top") ? middle[0] : "0") + "|"
                + ids.format(Long.parseLong(middle[1])) + "|" + path;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    private String pagePath(long thread, String sort, int limit, String after) {
        return "/api/v1/threads/" + ids.format(thread) + "/comments?sort=" + sort + "&limit=" + limit
                + (after == null ? "" : "&after=" + after);
    }

    // ---------------------------------------------------------------- baselines

    private void warmUp() throws Exception {
        if (plan.warmSeconds() <= 0) {
            return;
        }
        say("warming up the JIT");
        long thread = threadId("bench-mixed");
        wrk.run(server.port, pagePath(thread, "oldest", 50, null), READ_CONNECTIONS, plan.warmSeconds() * 3,
                "report.lua", Map.of());
        wrk.run(server.port, "/static/bench.txt", READ_CONNECTIONS, plan.warmSeconds(), "report.lua", Map.of());
    }

    private Map<String, Double> staticBaseline() throws Exception {
        Map<String, Double> figures = wrk.run(server.port, "/static/bench.txt", READ_CONNECTIONS, plan.readSeconds(),
                "report.lua", Map.of());
        checkNoErrors("static file", figures);
        say(String.format("static file: %.0f req/s, p50 %.2f ms", figures.get("rps"), figures.get("p50")));
        return figures;
    }

    private double staticRps() {
        @SuppressWarnings("unchecked")
        Map<String, Object> baselines = (Map<String, Object>) report.get("baselines");
        @SuppressWarnings("unchecked")
        Map<String, Double> start = (Map<String, Double>) baselines.get("static_start");
        return start.get("rps");
    }

    // ---------------------------------------------------------------- workload 1

    private void workloadReads() throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        report.put("reads", runs);
        for (int size : plan.sizes()) {
            long thread = threadId("bench-read-" + size);
            for (String sort : SORTS) {
                String deep = cursor(sort, Data.middle(db, thread, sort, size));
                for (String position : List.of("first", "deep")) {
                    String path = pagePath(thread, sort, 50, position.equals("first") ? null : deep);
                    try (Http http = new Http(server.port)) {
                        Http.Response page = http.get(path);
                        int comments = Json.count(page.body(), "bodyHtml");
                        if (page.status() != 200 || comments != 50) {
                            failures.add("page " + path + " answered " + page.status() + " with " + comments + " comments");
                        }
                    }
                    startProfile("reads-" + size + "-" + sort + "-" + position);
                    if (plan.warmSeconds() > 0) {
                        wrk.run(server.port, path, READ_CONNECTIONS, plan.warmSeconds(), "report.lua", Map.of());
                    }
                    Map<String, Double> figures = wrk.run(server.port, path, READ_CONNECTIONS, plan.readSeconds(),
                            "report.lua", Map.of());
                    stopProfile("reads-" + size + "-" + sort + "-" + position);
                    checkNoErrors("reads " + size + " " + sort + " " + position, figures);
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("thread_size", size);
                    run.put("sort", sort);
                    run.put("page", position);
                    run.putAll(figures);
                    run.put("rps_vs_static", figures.get("rps") / staticRps());
                    runs.add(run);
                    say(String.format("reads %,d %s %s: %.0f req/s (%.2f x static), p50 %.2f ms, p99 %.2f ms",
                            size, sort, position, figures.get("rps"), figures.get("rps") / staticRps(),
                            figures.get("p50"), figures.get("p99")));
                }
            }
        }
    }

    // ---------------------------------------------------------------- workload 2

    private void workloadWholeThread() throws Exception {
        long thread = threadId("bench-read-" + plan.sizes()[0]);
        int size = plan.sizes()[0];
        Map<String, Object> whole = new LinkedHashMap<>();
        report.put("whole_thread", whole);
        try (Http http = new Http(server.port)) {
            for (String sort : SORTS) {
                double[] times = new double[plan.wholeRepeats()];
                int pages = 0;
                for (int i = 0; i < times.length; i++) {
                    long t0 = System.nanoTime();
                    int comments = 0;
                    pages = 0;
                    String after = null;
                    do {
                        Http.Response page = http.get(pagePath(thread, sort, 200, after));
                        if (page.status() != 200) {
                            failures.add("whole thread page answered " + page.status());
                            break;
                        }
                        comments += Json.count(page.body(), "bodyHtml");
                        after = Json.field(page.body(), "next");
                        pages++;
                    } while (after != null && !after.equals("null"));
                    times[i] = (System.nanoTime() - t0) / 1e6;
                    if (comments != size) {
                        failures.add("whole thread (" + sort + ") read " + comments + " comments of " + size);
                    }
                }
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("thread_size", size);
                figures.put("pages", pages);
                figures.put("repeats", times.length);
                figures.put("median_ms", percentile(times, 50));
                figures.put("min_ms", Arrays.stream(times).min().orElse(0));
                figures.put("max_ms", Arrays.stream(times).max().orElse(0));
                whole.put(sort, figures);
                say(String.format("whole thread of %,d (%s, %d pages): median %.1f ms", size, sort, pages,
                        percentile(times, 50)));
            }
        }
    }

    // ---------------------------------------------------------------- workload 3

    private void workloadSequential() throws Exception {
        long thread = threadId("bench-sequential");
        long before = Data.rows(db, Long.toString(thread));
        startProfile("sequential");
        Writers.Outcome outcome = Writers.sequential(server.port, tokens.get(0), thread, plan.sequentialPosts(),
                plan.sequentialTopLevel(), 20_240_501L, ids);
        stopProfile("sequential");
        long stored = Data.rows(db, Long.toString(thread)) - before;
        Map<String, Object> figures = writeFigures(outcome, stored, Long.toString(thread));
        if (outcome.created().size() != plan.sequentialPosts()) {
            failures.add("sequential posting: " + outcome.created().size() + " of " + plan.sequentialPosts()
                    + " answered 201 (others: " + outcome.otherStatuses() + ")");
        }
        report.put("sequential", figures);
        say(String.format("sequential: %d replies in %.2f s = %.0f /s, p50 %.2f ms", outcome.created().size(),
                outcome.seconds(), outcome.rate(), percentile(outcome.latenciesMs(), 50)));
    }

    // ---------------------------------------------------------------- workload 4

    private void workloadConcurrent() throws Exception {
        Map<String, Object> concurrent = new LinkedHashMap<>();
        report.put("concurrent", concurrent);
        List<Long> hot = List.of(threadId("bench-hot"));
        List<Long> spread = Data.threads(db, "bench-spread-", plan.spreadThreads());
        for (Map.Entry<String, List<Long>> target : Map.of("hot_thread", hot, "spread", spread).entrySet()
                .stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String threadIds = target.getValue().stream().map(String::valueOf).collect(Collectors.joining(","));
            long before = Data.rows(db, threadIds);
            startProfile("concurrent-" + target.getKey());
            Writers.Outcome outcome = Writers.concurrent(server.port, tokens, target.getValue(), WRITERS,
                    plan.concurrentSeconds(), 77L, ids);
            stopProfile("concurrent-" + target.getKey());
            long stored = Data.rows(db, threadIds) - before;
            Map<String, Object> figures = writeFigures(outcome, stored, threadIds);
            figures.put("threads", target.getValue().size());
            if (!outcome.otherStatuses().isEmpty()) {
                failures.add("concurrent " + target.getKey() + ": answers other than 201: " + outcome.otherStatuses());
            }
            concurrent.put(target.getKey(), figures);
            say(String.format("concurrent %s: %d replies in %.2f s = %.0f /s, p50 %.2f ms, p99 %.2f ms",
                    target.getKey(), outcome.created().size(), outcome.seconds(), outcome.rate(),
                    percentile(outcome.latenciesMs(), 50), percentile(outcome.latenciesMs(), 99)));
        }
    }

    /** Figures of a posting run, after checking that every 201 is stored exactly once and counted on its thread. */
    private Map<String, Object> writeFigures(Writers.Outcome outcome, long storedRows, String threadIds)
            throws SQLException {
        Set<Long> distinct = new HashSet<>();
        outcome.created().forEach(p -> distinct.add(p.id()));
        long counted = Data.counted(db, threadIds);
        long rows = Data.countedRows(db, threadIds);
        String idList = outcome.created().isEmpty() ? "0"
                : outcome.created().stream().map(p -> String.valueOf(p.id())).collect(Collectors.joining(","));
        long found = Data.single(db, "SELECT count(*) FROM comment WHERE id IN (" + idList + ") AND thread_id IN ("
                + threadIds + ")");
        if (distinct.size() != outcome.created().size() || storedRows != outcome.created().size()
                || found != outcome.created().size() || counted != rows) {
            failures.add(String.format("posting: %d answered 201 (%d distinct ids, %d found), %d rows added, "
                            + "thread counters %d for %d counted rows", outcome.created().size(), distinct.size(), found,
                    storedRows, counted, rows));
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("writers", outcome.writers());
        figures.put("seconds", outcome.seconds());
        figures.put("created_201", outcome.created().size());
        figures.put("rows_added", storedRows);
        figures.put("other_statuses", outcome.otherStatuses().entrySet().stream()
                .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue)));
        figures.put("counts_add_up", distinct.size() == storedRows && found == storedRows && counted == rows);
        figures.put("replies_per_second", outcome.rate());
        figures.put("p50_ms", percentile(outcome.latenciesMs(), 50));
        figures.put("p99_ms", percentile(outcome.latenciesMs(), 99));
        return figures;
    }

    // ---------------------------------------------------------------- pgbench floor

    private Map<String, Object> pgbench() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (plan.pgbenchSeconds() <= 0) {
            figures.put("status", "skipped in the smoke run");
            return figures;
        }
        if (!onPath("pgbench")) {
            figures.put("status", "pgbench not installed: no PostgreSQL floor in this run");
            notes.add("pgbench was not found; write figures have no PostgreSQL floor in this run");
            return figures;
        }
        long hot = threadId("bench-pgbench-hot");
        List<Long> spread = Data.threads(db, "bench-pgbench-spread-", plan.spreadThreads());
        long lo = spread.get(0);
        long hi = spread.get(spread.size() - 1);
        long read = threadId("bench-read-" + plan.sizes()[plan.sizes().length - 1]);
        String[] middle = Data.middle(db, read, "oldest", plan.sizes()[plan.sizes().length - 1]);
        long author = authorIds.get(0);
        String insert = """
                BEGIN;
                INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html)
                  SELECT f.id, :thread, NULL, f.id, 0, '', %d, 'pgbench: the minister said troops would never be sent.', '<p>pgbench: the minister said troops would never be sent.</p>'
                  FROM (SELECT nextval('comment_id_seq') AS id) f;
                UPDATE thread SET comment_count = comment_count + 1 WHERE id = :thread AND NOT locked;
                END;
                """.formatted(author);
        String page = """
                SELECT c.id, c.thread_id, c.parent_id, c.root_id, c.depth, c.path, c.body_html, c.created_at, c.edited_at, c.deleted_at, c.reply_count, c.score, a.username, a.display_name FROM comment c JOIN account a ON a.id = c.author_id WHERE c.thread_id = %d AND (c.root_id, c.path) > (%s, '%s') AND (c.deleted_at IS NULL OR c.reply_count > 0) ORDER BY c.root_id, c.path LIMIT 51;
                """.formatted(read, middle[1], middle[2]);
        Path dir = Files.createTempDirectory("forum-pgbench");
        try {
            Files.writeString(dir.resolve("hot.sql"), "\\set thread " + hot + "\n" + insert);
            Files.writeString(dir.resolve("spread.sql"), "\\set thread random(" + lo + ", " + hi + ")\n" + insert);
            Files.writeString(dir.resolve("page.sql"), page);
            figures.put("reply_1_client_tps", pgbenchTps(dir.resolve("hot.sql"), 1));
            figures.put("reply_32_clients_hot_tps", pgbenchTps(dir.resolve("hot.sql"), WRITERS));
            if (hi - lo + 1 == spread.size()) {
                figures.put("reply_32_clients_spread_tps", pgbenchTps(dir.resolve("spread.sql"), WRITERS));
            }
            figures.put("deep_page_8_clients_tps", pgbenchTps(dir.resolve("page.sql"), 8));
            figures.put("deep_page_64_clients_tps", pgbenchTps(dir.resolve("page.sql"), READ_CONNECTIONS));
        } finally {
            deleteTree(dir);
        }
        say("pgbench: " + figures);
        return figures;
    }

    private double pgbenchTps(Path script, int clients) throws Exception {
        URI uri = URI.create(dbUrl.substring("jdbc:".length()));
        List<String> command = List.of("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T", Long.toString(Math.round(plan.pgbenchSeconds())), "-f", script.toString(),
                "-h", uri.getHost(), "-p", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U", dbUser, uri.getPath().substring(1));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", dbPassword);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(plan.pgbenchSeconds() > 0 ? 120 : 10, TimeUnit.SECONDS);
        for (String line : output.split("\n")) {
            if (line.startsWith("tps = ")) {
                return Double.parseDouble(line.substring(6).split(" ")[0]);
            }
        }
        throw new IllegalStateException("pgbench printed no tps:\n" + output);
    }

    // ---------------------------------------------------------------- workload 6

    private void workloadStartup() throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < plan.startups(); i++) {
            server.stop();
            if (db != null) {
                db.close();
                db = null;
            }
            times.add((double) server.start());
        }
        reconnect();
        double[] array = times.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("starts", times);
        figures.put("median_ms", percentile(array, 50));
        figures.put("what", "process start to the first 200 of /health with existing data"
                + (external ? " (external PostgreSQL)" : " (the server starts its embedded PostgreSQL)"));
        report.put("startup", figures);
        say("start-up: " + times + " ms");
    }

    private void reconnect() throws SQLException {
        if (!external) {
            try {
                List<String> pid = Files.readAllLines(server.dataDir().resolve("postgres/postmaster.pid"));
                dbUrl = "jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/postgres";
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        db = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    }

    // ---------------------------------------------------------------- workload 5

    private void workloadMixed() throws Exception {
        long thread = threadId("bench-mixed");
        List<String> reads = new ArrayList<>();
        for (String sort : SORTS) {
            reads.add(pagePath(thread, sort, 50, null));
            reads.add(pagePath(thread, sort, 50, cursor(sort, Data.middle(db, thread, sort, plan.mixedThreadSize()))));
        }
        String parents = Data.roots(db, thread, 500).stream().map(ids::format).collect(Collectors.joining(","));
        long before = Data.rows(db, Long.toString(thread));
        Map<String, String> environment = Map.of(
                "BENCH_SCRIPTS", root.resolve("bench/wrk").toString(),
                "BENCH_THREAD", ids.format(thread),
                "BENCH_TOKEN", tokens.get(1),
                "BENCH_PARENTS", parents,
                "BENCH_READS", String.join(" ", reads));
        if (plan.warmSeconds() > 0) {
            // the server has just been restarted by the start-up workload: warm its JIT first (rows counted too)
            wrk.run(server.port, "/", READ_CONNECTIONS, plan.warmSeconds() * 2, "mixed.lua", environment);
            before = Data.rows(db, Long.toString(thread));
        }
        startProfile("mixed");
        Map<String, Double> figures = wrk.run(server.port, "/", READ_CONNECTIONS, plan.mixedSeconds(), "mixed.lua",
                environment);
        stopProfile("mixed");
        Thread.sleep(1_000); // replies still in flight when wrk stopped finish on the server
        long peak = server.peakRssKib();
        long added = Data.rows(db, Long.toString(thread)) - before;
        double created = figures.get("created");
        // wrk stops with up to one request per connection in flight; those may commit after it counted
        if (added < created || added > created + READ_CONNECTIONS || figures.get("other") > 0) {
            failures.add(String.format("mixed: %.0f answered 201 but %d rows were added; %.0f other answers",
                    created, added, figures.get("other")));
        }
        if (Data.countedRows(db, Long.toString(thread)) != Data.commentCount(db, thread)) {
            failures.add("mixed: thread.comment_count differs from its rows");
        }
        checkNoErrors("mixed", figures);
        Map<String, Object> mixed = new LinkedHashMap<>(figures);
        mixed.put("rows_added", added);
        mixed.put("rps_vs_static", figures.get("rps") / staticRps());
        mixed.put("peak_rss_mib", peak / 1024.0);
        report.put("mixed", mixed);
        say(String.format("mixed: %.0f req/s (%.2f x static), p99 %.1f ms, %d replies; server peak RSS %.0f MiB",
                figures.get("rps"), figures.get("rps") / staticRps(), figures.get("p99"), added, peak / 1024.0));
    }

    // ---------------------------------------------------------------- workload 8

    /**
     * Idle live-event streams on one instance: memory per stream (resident and live heap, before and after opening
     * them, each after a full GC), the time for one event to reach every stream against the time to reach a single
     * one, and page reads while the streams are held against page reads without them, all in this run.
     */
    @SuppressWarnings("unchecked")
    private void workloadStreams() throws Exception {
        long thread = threadId("bench-live");
        String events = "/api/v1/threads/" + ids.format(thread) + "/events";
        String reads = pagePath(threadId("bench-mixed"), "oldest", 50, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(plan == SMOKE ? 40 : 400);
        Map<String, Object> live = new LinkedHashMap<>();
        report.put("streams", live);

        try (Streams one = new Streams(server.port, events)) {
            one.open(1, 1, deadline);
            live.put("one_stream", fanOut(one, thread, deadline));
        }
        if (plan.warmSeconds() > 0) {
            wrk.run(server.port, reads, READ_CONNECTIONS, plan.warmSeconds(), "report.lua", Map.of());
        }
        Map<String, Double> readsBefore = wrk.run(server.port, reads, READ_CONNECTIONS, plan.readSeconds(),
                "report.lua", Map.of());
        checkNoErrors("reads before the streams", readsBefore);
        jcmd("GC.run");
        long rssBefore = server.rssKib();
        long heapBefore = heapUsedKib();
        try (Streams many = new Streams(server.port, events)) {
            long opening = System.nanoTime();
            many.open(plan.streams(), 500, deadline);
            double openSeconds = (System.nanoTime() - opening) / 1e9;
            say(String.format("streams: %,d open and joined in %.1f s", many.size(), openSeconds));
            Thread.sleep(plan == SMOKE ? 0 : 1_000);
            jcmd("GC.run");
            long rssAfter = server.rssKib();
            long heapAfter = heapUsedKib();
            Map<String, Double> readsDuring = wrk.run(server.port, reads, READ_CONNECTIONS, plan.readSeconds(),
                    "report.lua", Map.of());
            checkNoErrors("reads while holding the streams", readsDuring);
            startProfile("streams-fan-out");
            Map<String, Object> all = fanOut(many, thread, deadline);
            stopProfile("streams-fan-out");
            if (many.openCount() != plan.streams()) {
                failures.add("streams: " + many.openCount() + " of " + plan.streams() + " still open");
            }
            live.put("streams", many.size());
            live.put("open_seconds", openSeconds);
            live.put("rss_before_mib", rssBefore / 1024.0);
            live.put("rss_after_mib", rssAfter / 1024.0);
            live.put("rss_kib_per_stream", (double) (rssAfter - rssBefore) / many.size());
            live.put("heap_before_mib", heapBefore / 1024.0);
            live.put("heap_after_mib", heapAfter / 1024.0);
            live.put("heap_kib_per_stream", (double) (heapAfter - heapBefore) / many.size());
            live.put("all_streams", all);
            live.put("reads_without_streams", readsBefore);
            live.put("reads_with_streams", readsDuring);
            say(String.format("streams: %,d held, RSS %.0f -> %.0f MiB (%.1f KiB each), heap %.0f -> %.0f MiB (%.1f KiB "
                            + "each); one event to all in %.0f ms (one stream: %.1f ms); reads %.0f -> %.0f req/s",
                    many.size(), rssBefore / 1024.0, rssAfter / 1024.0, (double) (rssAfter - rssBefore) / many.size(),
                    heapBefore / 1024.0, heapAfter / 1024.0, (double) (heapAfter - heapBefore) / many.size(),
                    Report.num(all, "to_all_ms_median"),
                    Report.num((Map<String, Object>) live.get("one_stream"), "to_all_ms_median"),
                    readsBefore.get("rps"), readsDuring.get("rps")));
        }
        // and once they are closed: the instance serves as before (the second baseline of the reads)
        Map<String, Double> readsAfter = wrk.run(server.port, reads, READ_CONNECTIONS, plan.readSeconds(),
                "report.lua", Map.of());
        checkNoErrors("reads after the streams", readsAfter);
        live.put("reads_after_streams", readsAfter);
        Map<String, Double> during = (Map<String, Double>) live.get("reads_with_streams");
        live.put("reads_ratio", during.get("rps") * 2 / (readsBefore.get("rps") + readsAfter.get("rps")));
    }

    /** Posts a comment {@code plan.fanOutRounds()} times and times its event to the first, median and last stream. */
    private Map<String, Object> fanOut(Streams streams, long thread, long deadline) throws Exception {
        double[] toAll = new double[plan.fanOutRounds()];
        double[] toMedian = new double[plan.fanOutRounds()];
        double[] toFirst = new double[plan.fanOutRounds()];
        java.util.concurrent.ExecutorService poster = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Http http = new Http(server.port)) {
            for (int round = 0; round < toAll.length; round++) {
                String marker = "live-bench-" + Long.toString(System.nanoTime(), 36);
                streams.expect(marker);
                long sent = System.nanoTime();
                java.util.concurrent.Future<Http.Response> posted = poster.submit(() -> http.post(
                        "/api/v1/threads/" + ids.format(thread) + "/comments", tokens.get(2),
                        "{\"body\":\"" + marker + "\"}"));
                long[] arrived = streams.awaitAll(deadline);
                if (posted.get().status() != 201) {
                    failures.add("streams: the comment answered " + posted.get().status());
                }
                double[] millis = Arrays.stream(arrived).mapToDouble(t -> (t - sent) / 1e6).toArray();
                toAll[round] = Arrays.stream(millis).max().orElse(0);
                toMedian[round] = percentile(millis, 50);
                toFirst[round] = Arrays.stream(millis).min().orElse(0);
            }
        } finally {
            poster.shutdownNow();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("streams", streams.size());
        figures.put("rounds", toAll.length);
        figures.put("to_all_ms_median", percentile(toAll, 50));
        figures.put("to_all_ms_max", Arrays.stream(toAll).max().orElse(0));
        figures.put("to_half_ms_median", percentile(toMedian, 50));
        figures.put("to_first_ms_median", percentile(toFirst, 50));
        return figures;
    }

    /** The server's heap in use (after the caller's GC), from jcmd GC.heap_info, in KiB. */
    private long heapUsedKib() throws Exception {
        String info = jcmdOutput("GC.heap_info");
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    // ---------------------------------------------------------------- workload 7

    /** The server's word matcher in a JVM of its own with default settings, as the server runs (see WordRulesBench). */
    private void workloadWordRules() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", root.resolve("bench/target/classes") + java.io.File.pathSeparator
                        + root.resolve("forum-web/target/forum-web.jar"),
                WordRulesBench.class.getName()));
        if (plan == SMOKE) {
            command.add("--smoke");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            failures.add("word rules: the measuring JVM failed: " + output);
            return;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                figures.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1).trim()));
            }
        }
        if (!Double.valueOf(1).equals(figures.get("correct"))) {
            failures.add("word rules: the matcher missed the planted rule or found one that is not there: " + output);
        }
        figures.put("what", "A 10,000-character comment checked against 10,000 word rules by the server's matcher"
                + " (fold, then one Aho-Corasick pass), median of timed batches after a warm-up, in a default JVM");
        report.put("word_rules", figures);
        say(String.format(Locale.ROOT, "word rules: %.0f us per check (plain scan %.1f us, fold alone %.0f us, naive %.0f us),"
                        + " compile %.0f ms", figures.get("check_us"), figures.get("plain_scan_us"),
                figures.get("fold_only_us"), figures.get("naive_one_search_per_rule_us"), figures.get("compile_ms")));
    }

    // ---------------------------------------------------------------- profiles

    private void startProfile(String name) throws Exception {
        if (jfr) {
            jcmd("JFR.start", "name=" + name, "settings=profile");
        }
    }

    private void stopProfile(String name) throws Exception {
        if (jfr) {
            Path dir = results.resolve("jfr");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".jfr");
            jcmd("JFR.stop", "name=" + name, "filename=" + file);
            Files.writeString(dir.resolve(name + ".txt"), Profile.summary(file));
        }
    }

    private void jcmd(String... arguments) throws Exception {
        jcmdOutput(arguments);
    }

    private String jcmdOutput(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(server.pid()));
        command.addAll(Arrays.asList(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    // ---------------------------------------------------------------- helpers

    private void checkNoErrors(String what, Map<String, Double> figures) {
        double errors = figures.get("connect_errors") + figures.get("read_errors") + figures.get("write_errors")
                + figures.get("timeouts") + figures.get("status_errors");
        if (errors > 0 || figures.get("requests") == 0) {
            failures.add(what + ": " + (long) errors + " errors in " + figures.get("requests").longValue() + " requests");
        }
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static boolean onPath(String program) {
        for (String dir : env("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new java.security.SecureRandom().nextBytes(random);
        StringBuilder hex = new StringBuilder();
        for (byte b : random) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
