package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.support.Api;
import news.forum.support.EventStream;
import news.forum.support.Response;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server processes on one PostgreSQL, behind nginx balancing round robin, as README's "Running several
 * instances" describes: nothing one instance knows lives only in its memory, live events cross instances, and
 * losing an instance loses nothing.
 */
class MultiInstanceIT {

    private static final Duration START = Duration.ofSeconds(300);
    private static final String JWT_SECRET = "several-instances-test-secret-0123456789abcdef";
    private static final int POSTS = 40;
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final JsonMapper json = JSON;

    @TempDir
    Path database;
    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    @Test
    void twoInstancesBehindNginxShareEverythingAndTheFlowsGoOnWhenOneStops() throws Exception {
        try (OwnPostgres postgres = new OwnPostgres(database);
             // started together: migrations, the admin account and the public-id key are claimed once
             ServerProcess a = ServerProcess.start(dataA, environment(postgres));
             ServerProcess b = ServerProcess.start(dataB, environment(postgres))) {
            for (ServerProcess server : List.of(a, b)) {
                assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
                assertThat(server.output()).contains("Instance mode: several instances may share this PostgreSQL",
                        "Live events: listening on PostgreSQL channel forum_thread_event");
            }
            try (NginxProcess nginx = NginxProcess.start(List.of(a.port(), b.port()))) {
                Api balanced = new Api(nginx.base(), json);
                Api onA = new Api(a.base(), json);
                Api onB = new Api(b.base(), json);

                // register, log in, reply and read, each request to whichever instance nginx picks
                String thread = balanced.newThread();
                Api.Session reader = balanced.newUser();
                String first = balanced.postComment(thread, reader.token(), "Through the balancer", null)
                        .expectStatus(201).path("id");
                for (int i = 0; i < 4; i++) {
                    assertThat((String) balanced.send(reader.token(), c -> c.me()).expectStatus(200).path("username"))
                            .isEqualTo(reader.username());
                    assertThat((String) balanced.send(c -> c.comment(first)).expectStatus(200).path("bodyHtml"))
                            .isEqualTo("<p>Through the balancer</p>");
                }
                assertThat(balanced.readAll(thread, "oldest", 50)).extracting(c -> c.get("id")).containsExactly(first);
                // a token signed on one instance is good on the other
                onA.send(reader.token(), c -> c.me()).expectStatus(200);
                onB.send(reader.token(), c -> c.me()).expectStatus(200);
                assertThat(nginx.upstreamsUsed()).as("round robin").contains("127.0.0.1:" + a.port(), "127.0.0.1:" + b.port());

                // a reply posted on A reaches a stream held on B
                try (EventStream onBStream = EventStream.open(b.base(), EventStream.path(thread)).awaitOpen()) {
                    String warmUp = onA.postComment(thread, reader.token(), "first crossing", first).expectStatus(201).path("id");
                    assertThat(onBStream.next().data()).contains(warmUp);
                    long sent = System.nanoTime();
                    String reply = onA.postComment(thread, reader.token(), "posted on A", first).expectStatus(201).path("id");
                    EventStream.Received arrived = onBStream.next();
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                    assertThat(arrived.name()).isEqualTo("comment.created");
                    assertThat(arrived.data()).contains(reply, "posted on A");
                    assertThat(millis).as("from sending the reply to A to its event on B, ms").isLessThan(1000);
                }

                // a lock taken on A holds on B at once
                Api.Session moderator = onA.newModerator();
                onA.send(moderator.token(), c -> c.lock(thread, new LockRequest(null, null))).expectStatus(200);
                assertThat(onB.postComment(thread, reader.token(), "too late", first).status()).isEqualTo(423);
                onB.send(moderator.token(), c -> c.unlock(thread)).expectStatus(200);

                // A stops while readers follow the thread through nginx and a writer posts through it
                long lastSeen = ((Number) balanced.send(c -> c.thread(thread)).path("lastEventId")).longValue();
                List<Follower> followers = List.of(new Follower(nginx, thread, lastSeen), new Follower(nginx, thread, lastSeen));
                ExecutorService pool = Executors.newSingleThreadExecutor();
                Future<List<String>> written = pool.submit(() -> write(balanced, thread, reader));
                while (postsSoFar < POSTS / 3) {
                    Thread.sleep(20);
                }
                a.stop();
                List<String> acknowledged = written.get(120, TimeUnit.SECONDS);
                pool.shutdown();

                assertThat(acknowledged).hasSize(POSTS).doesNotHaveDuplicates();
                Api.Session after = balanced.newUser();
                balanced.postComment(thread, after.token(), "after the loss", null).expectStatus(201);
                List<Object> stored = balanced.readAll(thread, "oldest", 50).stream().map(c -> c.get("id")).toList();
                assertThat(stored).as("every 201 stored once").containsAll(acknowledged).doesNotHaveDuplicates();
                assertThat(stored).hasSize(POSTS + 4);
                int reconnects = 0;
                for (Follower follower : followers) {
                    follower.collectUntil(acknowledged);
                    assertThat(follower.created.subList(0, POSTS)).as("each follower saw every new comment once, in order")
                            .containsExactlyElementsOf(acknowledged);
                    reconnects += follower.reconnects;
                    follower.close();
                }
                assertThat(reconnects).as("the follower on A resumed on B").isPositive();
            }
        }
    }

    private volatile int postsSoFar;

    /** Posts through nginx; an answer lost with its instance is retried with the same Idempotency-Key, as the widget does. */
    private List<String> write(Api balanced, String thread, Api.Session writer) throws InterruptedException {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            String key = "several-" + i;
            String body = "{\"body\":\"while an instance stops, " + i + "\"}";
            Response posted = null;
            for (int attempt = 0; attempt < 20 && (posted == null || posted.status() != 201); attempt++) {
                if (attempt > 0) {
                    Thread.sleep(250);
                }
                posted = balanced.call(c -> c.post(thread, null, key)).as(writer).body(body).send();
                assertThat(posted.status()).as(posted.body()).isIn(201, 502, 503);
            }
            acknowledged.add(posted.expectStatus(201).path("id"));
            postsSoFar = i + 1;
        }
        return acknowledged;
    }

    /** A reader of the thread's events through nginx that resumes with Last-Event-ID whenever its stream ends. */
    private static final class Follower implements AutoCloseable {
        final NginxProcess nginx;
        final String thread;
        final List<String> created = new ArrayList<>();
        final Set<Long> ids = new LinkedHashSet<>();
        String lastEventId;
        EventStream stream;
        int reconnects;

        Follower(NginxProcess nginx, String thread, long lastSeen) {
            this.nginx = nginx;
            this.thread = thread;
            this.lastEventId = Long.toString(lastSeen);
            this.stream = EventStream.open(nginx.base(), EventStream.path(thread), "Last-Event-ID", lastEventId).awaitOpen();
        }

        void collectUntil(List<String> expected) throws InterruptedException, IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!created.containsAll(expected) && System.nanoTime() < deadline) {
                EventStream.Received event = stream.poll(Duration.ofMillis(200));
                if (event == null) {
                    if (stream.ended()) {
                        stream.close();
                        reconnects++;
                        stream = EventStream.open(nginx.base(), EventStream.path(thread), "Last-Event-ID", lastEventId);
                    }
                    continue;
                }
                assertThat(event.name()).as(stream.raw()).isNotEqualTo("reload");
                assertThat(ids.add(Long.parseLong(event.id()))).as("event %s came twice", event.id()).isTrue();
                lastEventId = event.id();
                if (event.name().equals("comment.created")) {
                    created.add((String) JSON.readValue(event.data(), Map.class).get("id"));
                }
            }
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    private static Map<String, String> environment(OwnPostgres postgres) {
        return Map.of(
                "DATASOURCES_DEFAULT_URL", postgres.jdbcUrl(),
                "DATASOURCES_DEFAULT_USERNAME", "postgres",
                "DATASOURCES_DEFAULT_PASSWORD", "",
                "FORUM_JWT_SECRET", JWT_SECRET,
                "FORUM_ADMIN_PASSWORD", Api.ADMIN_PASSWORD,
                "FORUM_TRUSTED_PROXIES", "127.0.0.1");
    }
}
