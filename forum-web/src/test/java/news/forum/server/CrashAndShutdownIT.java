package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.support.Api;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Path;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server dies (SIGKILL) or is stopped (SIGTERM) while clients post: no acknowledged comment is lost. Both signals
 * come only once posts are being acknowledged (polled, no fixed sleep); under SIGTERM the requests in flight are
 * answered 201 during the shutdown.
 */
class CrashAndShutdownIT {

    private static final Duration START = Duration.ofSeconds(300);
    private static final String ADMIN_PASSWORD = "crash-admin-password";
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path data;

    @Test
    void afterASigkillUnderLoadEvery201IsThere() throws Exception {
        Set<String> acknowledged;
        String thread;
        try (ServerProcess server = ServerProcess.start(data, Map.of("FORUM_ADMIN_PASSWORD", ADMIN_PASSWORD))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            thread = openThread(api);
            Load load = new Load(api, thread, 4);
            load.awaitAcknowledged(20);
            server.kill();
            acknowledged = load.finish();
        }
        assertThat(acknowledged).isNotEmpty();
        try (ServerProcess again = ServerProcess.start(data, Map.of())) {
            assertThat(again.awaitLine("Server Running", START)).as(again.output()).isTrue();
            Api api = new Api(again.base(), json);
            for (String id : acknowledged) {
                assertThat((String) api.send(c -> c.comment(id)).expectStatus(200).path("threadId")).isEqualTo(thread);
            }
            long listed = api.readAll(thread, "oldest", 200).size();
            assertThat(listed).as("no duplicates, nothing beyond a request cut mid-answer")
                    .isBetween((long) acknowledged.size(), (long) acknowledged.size() + 4);
        }
    }

    @Test
    void aSigtermUnderLoadLetsRequestsFinishRefusesNewOnesAndExitsInTime() throws Exception {
        Set<String> acknowledged;
        String thread;
        try (ServerProcess server = ServerProcess.start(data, Map.of(
                "FORUM_ADMIN_PASSWORD", ADMIN_PASSWORD, "FORUM_SHUTDOWN_GRACE_SECONDS", "15"))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            thread = openThread(api);
            Load load = new Load(api, thread, 4);
            load.awaitAcknowledged(20);
            long stopping = System.nanoTime();
            server.terminate();
            Integer exit = server.awaitExit(Duration.ofSeconds(30));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
            acknowledged = load.finish();
            assertThat(exit).as("exits by itself: %s", server.output()).isNotNull();
            assertThat(acknowledged).as("posts acknowledged under load before the signal").hasSizeGreaterThanOrEqualTo(20);
            assertThat(load.acknowledgedAfter(stopping))
                    .as("requests in flight when the signal came were finished and acknowledged during the shutdown")
                    .isPositive();
            assertThat(tookMillis).as("within the grace period").isLessThan(15_000 + 5_000);
            assertThat(load.failuresOtherThanRefusal()).as("a request either completes or is refused").isEmpty();
        }
        try (ServerProcess again = ServerProcess.start(data, Map.of())) {
            assertThat(again.awaitLine("Server Running", START)).as(again.output()).isTrue();
            Api api = new Api(again.base(), json);
            for (String id : acknowledged) {
                api.send(c -> c.comment(id)).expectStatus(200);
            }
            assertThat(api.readAll(thread, "oldest", 200)).hasSizeGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    private static String openThread(Api api) {
        String admin = api.login("admin", ADMIN_PASSWORD).token();
        return api.call(c -> c.save(Api.uniqueName("crash-"), null)).token(admin).body(Map.of("title", "Crash", "url", "https://news.example/crash")).send().expectStatus(201).path("thread.id");
    }

    /** Writers posting until the server goes away; remembers every 201 and every unexpected answer. */
    private static final class Load {
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        /** When each 201 arrived (System.nanoTime). */
        private final List<Long> acknowledgedAt = java.util.Collections.synchronizedList(new ArrayList<>());
        private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService pool;
        private final List<Future<?>> writers = new ArrayList<>();

        Load(Api api, String thread, int count) {
            pool = Executors.newFixedThreadPool(count);
            for (int w = 0; w < count; w++) {
                Api.Session writer = api.newUser();
                writers.add(pool.submit(() -> {
                    for (int i = 0; running.get() && i < 50_000; i++) {
                        Response posted;
                        try {
                            posted = api.postComment(thread, writer.token(), "before the end " + i, null);
                        } catch (UncheckedIOException refusedOrCut) {
                            return null;
                        }
                        if (posted.status() == 201) {
                            acknowledgedAt.add(System.nanoTime());
                            acknowledged.add(posted.path("id"));
                        } else if (posted.status() != 503) {
                            unexpected.add(posted.toString());
                        }
                    }
                    return null;
                }));
            }
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            Poll.until(count + " posts acknowledged (" + unexpected + ")", Duration.ofSeconds(60),
                    () -> acknowledged.size() >= count);
        }

        long acknowledgedAfter(long nanoTime) {
            synchronized (acknowledgedAt) {
                return acknowledgedAt.stream().filter(at -> at - nanoTime > 0).count();
            }
        }

        Set<String> finish() throws Exception {
            running.set(false);
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            return acknowledged;
        }

        List<String> failuresOtherThanRefusal() {
            return unexpected;
        }
    }
}
