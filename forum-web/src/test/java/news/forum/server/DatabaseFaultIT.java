package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.support.Api;
import news.forum.support.EventStream;
import news.forum.support.Response;
import news.forum.web.PublicIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database fails under the server while clients post. Requests in the gap fail fast with 503 and
 * Retry-After, the server recovers by itself, and every 201 a client received is in the database.
 */
class DatabaseFaultIT {

    private static final String SECRET = "fault-test-signing-secret-0123456789abcdef";
    private static final String ID_SECRET = "fault-test-id-secret";
    private static final PublicIds IDS = PublicIds.withSecret(ID_SECRET);
    private static final Duration START = Duration.ofSeconds(300);
    /** How long a condition of the load (posts acknowledged, requests waiting) may take to come true. */
    private static final Duration LOAD = Duration.ofSeconds(60);
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path serverData;
    @TempDir
    Path databaseData;

    @Test
    void restartsOfPostgresLoseNoAcknowledgedCommentAndTheServerRecoversByItself() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres(databaseData);
             ServerProcess server = ServerProcess.start(serverData, environment(postgres, "2000"))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            String thread = openThread(api);
            List<Api.Session> writers = List.of(newUser(api), newUser(api), newUser(api), newUser(api));

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
            AtomicLong slowest = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(writers.size());
            List<Future<?>> load = new ArrayList<>();
            for (Api.Session writer : writers) {
                load.add(pool.submit(() -> {
                    for (int i = 0; running.get() && i < 20_000; i++) {
                        long started = System.nanoTime();
                        Response posted = api.postComment(thread, writer.token(), "through the storm " + i, null);
                        slowest.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), Math::max);
                        statuses.computeIfAbsent(posted.status(), s -> new AtomicLong()).incrementAndGet();
                        if (posted.status() == 201) {
                            acknowledged.add(posted.path("id"));
                        } else {
                            assertThat(posted.status()).as(posted.body()).isEqualTo(503);
                            assertThat(posted.header("Retry-After")).isNotBlank();
                            assertThat(posted.contentType()).startsWith("application/problem+json");
                        }
                    }
                    return null;
                }));
            }
            Poll.until("posts acknowledged before the first restart", LOAD, () -> acknowledged.size() >= 10);
            int beforeFast = acknowledged.size();
            postgres.restart("fast");
            Poll.until("posts acknowledged after a fast restart", LOAD, () -> acknowledged.size() >= beforeFast + 10);
            int beforeImmediate = acknowledged.size();
            postgres.restart("immediate");
            Poll.until("posts acknowledged after an immediate restart", LOAD,
                    () -> acknowledged.size() >= beforeImmediate + 10);
            running.set(false);
            for (Future<?> writer : load) {
                writer.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(beforeFast).as("posts went through before the first restart").isPositive();
            assertThat(acknowledged.size()).as("and after each restart").isGreaterThan(beforeImmediate);
            assertThat(beforeImmediate).isGreaterThan(beforeFast);
            assertThat(statuses.keySet()).as("answers: %s", statuses).isSubsetOf(201, 503);
            assertThat(slowest.get()).as("no request hangs past the pool timeout").isLessThan(15_000);
            api.get("/health").expectStatus(200);
            api.postComment(thread, writers.get(0).token(), "after the storm", null).expectStatus(201);

            try (Connection connection = postgres.connect();
                 PreparedStatement stored = connection.prepareStatement(
                         "SELECT count(*) FROM comment WHERE id = ANY(?) AND thread_id = ?")) {
                stored.setArray(1, connection.createArrayOf("bigint",
                        acknowledged.stream().map(id -> row(PublicIds.Kind.COMMENT, id)).toArray(Long[]::new)));
                stored.setLong(2, row(PublicIds.Kind.THREAD, thread));
                try (ResultSet row = stored.executeQuery()) {
                    row.next();
                    assertThat(row.getLong(1)).as("every 201 is stored").isEqualTo(acknowledged.size());
                }
            }
        }
    }

    @Test
    void whenEveryConnectionIsStuckRequestsGet503InTimeAndTheServerStillAnswersTheRest() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres(databaseData);
             ServerProcess server = ServerProcess.start(serverData, withSmallPool(environment(postgres, "1500")))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            String thread = openThread(api);
            Api.Session writer = newUser(api);

            try (Connection blocker = postgres.connect()) {
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    // hold the thread row: every reply now waits on it, holding a pooled connection
                    statement.execute("SELECT * FROM thread WHERE id = " + row(PublicIds.Kind.THREAD, thread) + " FOR UPDATE");
                }
                ExecutorService pool = Executors.newFixedThreadPool(6);
                List<Future<Response>> stuck = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    int n = i;
                    stuck.add(pool.submit(() -> api.postComment(thread, writer.token(), "stuck " + n, null)));
                }
                // both pooled connections are waiting on the row lock
                Poll.until("two posts waiting on the thread's lock", LOAD, () -> waitingOnLocks(postgres) >= 2);
                api.send(c -> c.openApi()).expectStatus(200);
                assertThat(stuck).as("a request that needs no database is answered while the stuck ones still wait")
                        .noneMatch(Future::isDone);
                Response health = api.get("/health");
                assertThat(health.status()).isEqualTo(503);

                for (Future<Response> answer : stuck) {
                    Response response = answer.get(30, TimeUnit.SECONDS);
                    assertThat(response.status()).as(response.body()).isEqualTo(503);
                    assertThat(response.header("Retry-After")).isNotBlank();
                }
                pool.shutdown();
                blocker.rollback();
            }
            api.get("/health").expectStatus(200);
            api.postComment(thread, writer.token(), "flowing again", null).expectStatus(201);
            try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT count(*) FROM comment")) {
                row.next();
                assertThat(row.getLong(1)).as("the refused posts stored nothing").isEqualTo(1);
            }
        }
    }

    @Test
    void liveEventsGoOnAfterPostgresRestartsAndNoneIsLost() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres(databaseData);
             ServerProcess server = ServerProcess.start(serverData, environment(postgres, "2000"))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            String thread = openThread(api);
            Api.Session writer = newUser(api);
            try (EventStream stream = EventStream.open(server.base(), EventStream.path(thread)).awaitOpen()) {
                String before = api.postComment(thread, writer.token(), "before the restart", null).expectStatus(201).path("id");
                assertThat(stream.next().data()).contains(before);

                postgres.restart("immediate");
                // posted as soon as the database answers again: the listening connection may not be back yet,
                // and then its catch-up from the outbox brings the event
                String after = postUntilCreated(api, thread, writer, "right after the restart");
                String later = postUntilCreated(api, thread, writer, "a little later");
                List<EventStream.Received> events = stream.next(2);
                assertThat(events).extracting(EventStream.Received::name).containsOnly("comment.created");
                assertThat(events.get(0).data()).contains(after);
                assertThat(events.get(1).data()).contains(later);
                assertThat(server.awaitLine("Live events: listening again", START)).as(server.output()).isTrue();
            }
        }
    }

    /** Posts until 201, retrying a 503 (the pool reconnecting) with the same Idempotency-Key. */
    private static String postUntilCreated(Api api, String thread, Api.Session writer, String text) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Response posted = api.call(c -> c.post(thread, null, "restart-" + text.hashCode())).as(writer)
                    .body("{\"body\":\"" + text + "\"}").send();
            if (posted.status() == 201) {
                return posted.path("id");
            }
            assertThat(posted.status()).as(posted.body()).isEqualTo(503);
            Thread.sleep(200);
        }
        throw new AssertionError("no 201 after the restart");
    }

    private static long waitingOnLocks(OwnPostgres postgres) {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two pooled connections and a short statement timeout: easy to exhaust, quick to give up. */
    private static Map<String, String> withSmallPool(Map<String, String> environment) {
        Map<String, String> small = new java.util.HashMap<>(environment);
        small.put("FORUM_DB_POOL_SIZE", "2");
        small.put("FORUM_DB_STATEMENT_TIMEOUT_MS", "3000");
        return small;
    }

    private static Map<String, String> environment(OwnPostgres postgres, String connectionTimeout) {
        return Map.of(
                "DATASOURCES_DEFAULT_URL", postgres.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", "postgres",
                "DATASOURCES_DEFAULT_PASSWORD", "",
                "FORUM_JWT_SECRET", SECRET,
                "FORUM_ID_SECRET", ID_SECRET,
                "FORUM_ADMIN_PASSWORD", "fault-admin-password",
                "FORUM_DB_CONNECTION_TIMEOUT_MS", connectionTimeout);
    }

    private static String openThread(Api api) {
        String admin = api.login("admin", "fault-admin-password").token();
        return api.call(c -> c.save(Api.uniqueName("fault-"), null)).token(admin).body(Map.of("title", "Under fault", "url", "https://news.example/fault")).send().expectStatus(201).path("thread.id");
    }

    private static Api.Session newUser(Api api) {
        return api.newUser();
    }

    /** The row behind an id of this kind the server gave out (it runs with ID_SECRET). */
    private static long row(PublicIds.Kind kind, String publicId) {
        return IDS.parse(kind, publicId);
    }
}
