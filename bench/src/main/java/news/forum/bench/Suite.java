package news.forum.bench;

import news.forum.web.PublicIds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static news.forum.web.PublicIds.Kind.COMMENT;
import static news.forum.web.PublicIds.Kind.THREAD;

/**
 * What every workload shares: the plan, the server under test and a direct connection to its database, wrk, the
 * bench's accounts, and the report the workloads fill in (figures, notes, failures). Prepares the accounts and the
 * generated threads once; any count that does not add up is a failure, and a failure fails the run.
 */
final class Suite implements AutoCloseable {

    final Plan plan;
    final Path root;
    final Path results;
    final Server server;
    final Wrk wrk;
    final Profile profile;
    final PublicIds ids;
    final boolean external;
    final List<String> tokens = new ArrayList<>();
    final List<Long> authorIds = new ArrayList<>();
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Path dataDir;
    private Connection db;
    private String dbUrl;
    private String dbUser;
    private String dbPassword;

    private Suite(Plan plan, Path root, boolean jfr) throws IOException {
        this.plan = plan;
        this.root = root;
        this.results = root.resolve("bench/results");
        Files.createDirectories(results);
        this.external = !env("DATASOURCES_DEFAULT_URL", "").isBlank();
        this.dataDir = plan.keepsData() ? root.resolve("bench/data/forum")
                : Files.createTempDirectory("forum-bench-" + plan.name());
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
        // the bench registers its accounts from 127.0.0.1 on every run
        serverEnv.put("FORUM_REGISTRATIONS_PER_ADDRESS", "100000000");
        // the streams workloads hold thousands of streams from 127.0.0.1, past the cap one address may hold
        serverEnv.put("FORUM_EVENTS_PER_ADDRESS", "100000000");
        // the login flood comes from many readers behind one proxy on loopback (X-Forwarded-For), as a site's does
        serverEnv.put("FORUM_TRUSTED_PROXIES", "127.0.0.1,::1");
        if (external && env("FORUM_JWT_SECRET", "").isBlank()) {
            serverEnv.put("FORUM_JWT_SECRET", randomHex(48));
        }
        // the suite reads rows directly and must know which public id the server gives each of them
        String idSecret = env("FORUM_ID_SECRET", "").isBlank() ? "bench-public-ids" : env("FORUM_ID_SECRET", "");
        serverEnv.put("FORUM_ID_SECRET", idSecret);
        this.ids = PublicIds.withSecret(idSecret);
        Path log = results.resolve(plan.name() + "-server.log");
        Files.deleteIfExists(log);
        this.server = new Server(root.resolve("forum-web/target/forum-web.jar"), dataDir, log, serverEnv, List.of());
        this.wrk = new Wrk(root.resolve("bench/wrk"), Runtime.getRuntime().availableProcessors());
        this.profile = new Profile(jfr, results.resolve("jfr"), server);
        report.put("plan", plan.name());
        report.put("started", java.time.Instant.now().toString());
    }

    /** Starts the server, connects to its database, describes the machine and prepares accounts and threads. */
    static Suite open(Plan plan, Path root, boolean jfr) throws Exception {
        Suite suite = new Suite(plan, root, jfr);
        try {
            suite.say("starting the server on 127.0.0.1:" + suite.server.port + (suite.external
                    ? " (external PostgreSQL)" : " (embedded PostgreSQL in " + suite.dataDir + ")"));
            long firstStart = suite.server.start();
            suite.say("first start took " + firstStart + " ms");
            suite.connect();
            suite.put("machine", Machine.describe(suite.db));
            suite.put("server", suite.server.describe(root));
            suite.prepare();
            return suite;
        } catch (Exception | Error e) {
            suite.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- the report

    void put(String key, Object value) {
        report.put(key, value);
    }

    Object get(String key) {
        return report.get(key);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> section(String key) {
        return (Map<String, Object>) report.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    void fail(String failure) {
        failures.add(failure);
    }

    void note(String note) {
        notes.add(note);
    }

    /** The report as written: every figure, the notes and the failures. */
    Map<String, Object> report() throws IOException {
        section("machine").put("load_averages_at_end", String.join(" ", Machine.loadAverages()));
        report.put("notes", notes);
        report.put("failures", failures);
        return report;
    }

    List<String> failures() {
        return failures;
    }

    void say(String message) {
        System.out.println("[bench] " + message);
    }

    /** Fails the run if wrk saw any error, or no request at all. */
    void checkNoErrors(String what, Map<String, Double> figures) {
        double errors = figures.get("connect_errors") + figures.get("read_errors") + figures.get("write_errors")
                + figures.get("timeouts") + figures.get("status_errors");
        if (errors > 0 || figures.get("requests") == 0) {
            fail(what + ": " + (long) errors + " errors in " + figures.get("requests").longValue() + " requests");
        }
    }

    /** The static file's throughput at the start of the run: what page reads are set against. */
    @SuppressWarnings("unchecked")
    double staticRps() {
        Map<String, Object> baselines = section("baselines");
        Map<String, Double> start = (Map<String, Double>) baselines.get("static_start");
        return start == null ? Double.NaN : start.get("rps");
    }

    // ---------------------------------------------------------------- the database

    Connection db() {
        return db;
    }

    String dbUrl() {
        return dbUrl;
    }

    String dbUser() {
        return dbUser;
    }

    String dbPassword() {
        return dbPassword;
    }

    private void connect() throws IOException, SQLException {
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

    /** Stops the server (its embedded PostgreSQL stops with it) and starts it again; returns the start's ms. */
    long restartServer() throws Exception {
        server.stop();
        if (db != null) {
            db.close();
            db = null;
        }
        long millis = server.start();
        connect();
        return millis;
    }

    // ---------------------------------------------------------------- accounts and threads

    private void prepare() throws Exception {
        say("accounts");
        try (Http http = new Http(server.port)) {
            for (int i = 1; i <= Plan.AUTHORS; i++) {
                String name = "bench-author-" + i;
                tokens.add(Accounts.signIn(http, name, "bench-" + name + "-pass-2024", "Bench Author " + i));
                authorIds.add(Data.single(db, "SELECT id FROM account WHERE username = '" + name + "'"));
            }
        }
        for (int size : plan.sizes()) {
            generated("bench-read-" + size, size);
        }
        generated("bench-mixed", plan.mixedThreadSize());
    }

    private void generated(String key, int size) throws SQLException {
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
            section("generation_seconds").put(key, seconds);
        } else if (key.startsWith("bench-read-") && count != size) {
            fail(key + " holds " + count + " comments, not " + size);
        }
        long rows = Data.countedRows(db, Long.toString(thread));
        if (rows != Data.commentCount(db, thread)) {
            fail(key + ": thread.comment_count " + Data.commentCount(db, thread) + " but " + rows + " rows");
        }
    }

    long threadId(String key) throws SQLException {
        return Data.thread(db, key);
    }

    /** The cursor the server would give after the comment {@code middle} (score, root id, path): see PageCursor. */
    String cursor(String sort, String[] middle) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < middle[2].length(); i += 12) {
            path.append(i == 0 ? "" : ".").append(ids.format(COMMENT, Long.parseLong(middle[2].substring(i, i + 12), 16)));
        }
        String raw = sort.charAt(0) + "|" + (sort.equals("top") ? middle[0] : "0") + "|"
                + ids.format(COMMENT, Long.parseLong(middle[1])) + "|" + path;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    String pagePath(long thread, String sort, int limit, String after) {
        return "/api/v1/threads/" + ids.format(THREAD, thread) + "/comments?sort=" + sort + "&limit=" + limit
                + (after == null ? "" : "&after=" + after);
    }

    // ---------------------------------------------------------------- small helpers

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

    static String env(String name, String fallback) {
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

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
        if (db != null) {
            db.close();
            db = null;
        }
        if (!plan.keepsData()) {
            deleteTree(dataDir);
        }
    }
}
