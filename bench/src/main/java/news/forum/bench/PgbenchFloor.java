package news.forum.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's floor, measured by pgbench on the same database: the reply transaction (insert and counter update,
 * one commit) from 1 client, 32 clients into one thread and 32 over 1,000 threads; the deep-page query at 8 and 64
 * clients. The posting and page figures are set against it.
 */
final class PgbenchFloor implements Workload {

    @Override
    public String name() {
        return "pgbench";
    }

    @Override
    public void run(Suite suite) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        suite.section("baselines").put("pgbench", figures);
        Plan plan = suite.plan;
        if (plan.pgbenchSeconds() <= 0) {
            figures.put("status", "skipped in the smoke run");
            return;
        }
        if (!onPath("pgbench")) {
            figures.put("status", "pgbench not installed: no PostgreSQL floor in this run");
            suite.note("pgbench was not found; write figures have no PostgreSQL floor in this run");
            return;
        }
        long hot = suite.threadId("bench-pgbench-hot");
        List<Long> spread = Data.threads(suite.db(), "bench-pgbench-spread-", plan.spreadThreads());
        long lo = spread.get(0);
        long hi = spread.get(spread.size() - 1);
        int largest = plan.sizes()[plan.sizes().length - 1];
        long read = suite.threadId("bench-read-" + largest);
        String[] middle = Data.middle(suite.db(), read, "oldest", largest);
        long author = suite.authorIds.get(0);
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
            figures.put("reply_1_client_tps", tps(suite, dir.resolve("hot.sql"), 1));
            figures.put("reply_32_clients_hot_tps", tps(suite, dir.resolve("hot.sql"), Plan.WRITERS));
            if (hi - lo + 1 == spread.size()) {
                figures.put("reply_32_clients_spread_tps", tps(suite, dir.resolve("spread.sql"), Plan.WRITERS));
            }
            figures.put("deep_page_8_clients_tps", tps(suite, dir.resolve("page.sql"), 8));
            figures.put("deep_page_64_clients_tps", tps(suite, dir.resolve("page.sql"), Plan.READ_CONNECTIONS));
        } finally {
            Suite.deleteTree(dir);
        }
        suite.say("pgbench: " + figures);
    }

    private static double tps(Suite suite, Path script, int clients) throws Exception {
        URI uri = URI.create(suite.dbUrl().substring("jdbc:".length()));
        long seconds = Math.round(suite.plan.pgbenchSeconds());
        List<String> command = List.of("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T", Long.toString(seconds), "-f", script.toString(),
                "-h", uri.getHost(), "-p", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U", suite.dbUser(), uri.getPath().substring(1));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", suite.dbPassword());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (String line : output.split("\n")) {
            if (line.startsWith("tps = ")) {
                return Double.parseDouble(line.substring(6).split(" ")[0]);
            }
        }
        throw new IllegalStateException("pgbench printed no tps:\n" + output);
    }

    private static boolean onPath(String program) {
        for (String dir : Suite.env("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
