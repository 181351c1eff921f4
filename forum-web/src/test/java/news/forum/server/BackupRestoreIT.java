package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.account.RefreshRequest;
import news.forum.support.Api;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code forum backup FILE} on a server taking replies from three writers, then {@code forum restore FILE} onto an
 * empty database and a server started on it, as README's "Backup and restore" tells a publisher: every comment
 * acknowledged before the backup began is there with the same public id, text and parent, nothing is there that was
 * never acknowledged, and the restored forum serves the thread, signs its readers in and takes replies. Once with
 * the embedded default, once with an external PostgreSQL.
 */
class BackupRestoreIT {

    private static final Duration START = Duration.ofSeconds(300);
    private static final Duration COMMAND = Duration.ofSeconds(240);
    private static final int WRITERS = 3;
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path source;
    @TempDir
    Path target;
    @TempDir
    Path files;

    /** A comment as its writer was told it was stored. */
    private record Acknowledged(String id, String body, String parentId, long at) {
    }

    @Test
    void theEmbeddedDatabaseBackedUpUnderLoadRestoresEveryAcknowledgedCommentOntoAnEmptyDataDirectory() throws Exception {
        Path backup = files.resolve("forum-embedded.zip");
        Loaded loaded = backUpUnderLoad(Map.of(), backup, () -> {
            // a restore never goes onto a data directory a server runs on
            CommandProcess refused = CommandProcess.run(source, Map.of(), COMMAND, "restore", backup.toString());
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
            assertThat(refused.output()).contains("Restore failed", "is running on");
        });
        restoreAndCheck(Map.of(), backup, loaded);
    }

    @Test
    void anExternalDatabaseBackedUpUnderLoadRestoresEveryAcknowledgedCommentOntoAnEmptyDatabase() throws Exception {
        Path backup = files.resolve("forum-external.zip");
        try (OwnPostgres from = new OwnPostgres(Files.createDirectory(files.resolve("from-pg")));
             OwnPostgres to = new OwnPostgres(Files.createDirectory(files.resolve("to-pg")))) {
            Loaded loaded = backUpUnderLoad(external(from), backup, () -> {
            });
            restoreAndCheck(external(to), backup, loaded);
            // the restored database is no longer empty: a second restore onto it is refused, and changes nothing
            CommandProcess again = CommandProcess.run(target, external(to), COMMAND, "restore", backup.toString());
            assertThat(again.exitCode()).as(again.output()).isEqualTo(1);
            assertThat(again.output()).contains("Restore failed", "The database is not empty");
        }
    }

    private record Loaded(String thread, List<Acknowledged> beforeBackup, Set<String> everAcknowledged,
                          List<Api.Session> writers) {
    }

    @FunctionalInterface
    private interface WhileRunning {
        void check() throws Exception;
    }

    private Loaded backUpUnderLoad(Map<String, String> database, Path backup, WhileRunning whileRunning) throws Exception {
        try (ServerProcess server = ServerProcess.start(source, serverEnvironment(database))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            String thread = api.newThread();
            List<Api.Session> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                writers.add(api.newUser());
            }
            ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writing = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
            for (Api.Session writer : writers) {
                writing.add(pool.submit(() -> write(api, thread, writer, acknowledged, deadline)));
            }
            awaitCount(acknowledged, 15, deadline);

            long backupStarted = System.nanoTime();
            CommandProcess backedUp = CommandProcess.run(source, database, COMMAND, "backup", backup.toString());
            long backupEnded = System.nanoTime();
            assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
            assertThat(backedUp.output()).contains("Backup written to " + backup);
            awaitCount(acknowledged, acknowledged.size() + 6, deadline);
            stop = true;
            for (Future<?> each : writing) {
                each.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertThat(acknowledged.stream().filter(c -> c.at() > backupStarted && c.at() < backupEnded).count())
                    .as("replies acknowledged while the backup ran").isPositive();
            whileRunning.check();

            List<Acknowledged> before = acknowledged.stream().filter(c -> c.at() < backupStarted).toList();
            Set<String> ever = acknowledged.stream().map(Acknowledged::id).collect(Collectors.toSet());
            return new Loaded(thread, before, ever, writers);
        }
    }

    private void restoreAndCheck(Map<String, String> database, Path backup, Loaded loaded) throws Exception {
        CommandProcess restored = CommandProcess.run(target, database, COMMAND, "restore", backup.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("Restored: schema version");

        try (ServerProcess server = ServerProcess.start(target, serverEnvironment(database))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            List<Map<String, Object>> comments = api.readAll(loaded.thread(), "oldest", 100);
            Map<String, Map<String, Object>> byId = new HashMap<>();
            comments.forEach(comment -> byId.put((String) comment.get("id"), comment));
            assertThat(byId).as("no comment twice").hasSameSizeAs(comments);
            for (Acknowledged comment : loaded.beforeBackup()) {
                Map<String, Object> found = byId.get(comment.id());
                assertThat(found).as("acknowledged before the backup began: %s", comment).isNotNull();
                assertThat(found.get("bodyHtml")).isEqualTo("<p>" + comment.body() + "</p>");
                assertThat(found.get("parentId")).isEqualTo(comment.parentId());
            }
            assertThat(loaded.everAcknowledged()).as("nothing that was never acknowledged").containsAll(byId.keySet());
            Response thread = api.send(c -> c.thread(loaded.thread())).expectStatus(200);
            assertThat(((Number) thread.path("commentCount")).intValue()).isEqualTo(comments.size());

            // the restored forum signs its readers in (password and refresh token) and takes replies
            Api.Session writer = loaded.writers().get(0);
            api.send(c -> c.refresh(new RefreshRequest(writer.refreshToken()))).expectStatus(200);
            Api.Session again = api.login(writer.username(), Api.PASSWORD);
            String parent = loaded.beforeBackup().get(0).id();
            String reply = api.postComment(loaded.thread(), again.token(), "After the restore", parent)
                    .expectStatus(201).path("id");
            assertThat(byId).doesNotContainKey(reply);
            assertThat(api.readAll(loaded.thread(), "oldest", 100)).extracting(c -> c.get("id")).contains(reply);
            api.newUser();
        }
    }

    private volatile boolean stop;

    /** Replies to its own latest comment, or starts a new one, until told to stop; keeps what was acknowledged. */
    private void write(Api api, String thread, Api.Session writer, ConcurrentLinkedQueue<Acknowledged> acknowledged,
                       long deadline) {
        String parent = null;
        for (int i = 0; !stop && System.nanoTime() < deadline; i++) {
            String body = "From " + writer.username() + ", number " + i;
            Response posted = api.postComment(thread, writer.token(), body, parent);
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            String id = posted.path("id");
            acknowledged.add(new Acknowledged(id, body, parent, System.nanoTime()));
            parent = i % 3 == 2 ? null : id;
        }
    }

    private static void awaitCount(ConcurrentLinkedQueue<Acknowledged> acknowledged, int count, long deadline)
            throws InterruptedException {
        while (acknowledged.size() < count) {
            assertThat(System.nanoTime()).as("writers stalled at %d comments", acknowledged.size()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Map<String, String> serverEnvironment(Map<String, String> database) {
        Map<String, String> environment = new HashMap<>(database);
        environment.put("FORUM_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        return environment;
    }

    private static Map<String, String> external(OwnPostgres postgres) {
        return Map.of(
                "DATASOURCES_DEFAULT_URL", postgres.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", "postgres",
                "DATASOURCES_DEFAULT_PASSWORD", "",
                "FORUM_JWT_SECRET", "backup-test-secret-0123456789abcdef-0123456789");
    }
}
