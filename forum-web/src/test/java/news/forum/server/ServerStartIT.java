package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.article.ArticleRequest;
import news.forum.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged server, started as an operator starts it: settings from the environment, data on disk. */
class ServerStartIT {

    private static final Duration START = Duration.ofSeconds(300);
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path data;

    @Test
    void theEmbeddedDefaultKeepsAccountsCommentsAndTokensAcrossARestart() throws Exception {
        Map<String, String> env = Map.of("FORUM_ADMIN_PASSWORD", "operator-chosen-password", "FORUM_DEMO", "true");
        String token;
        String comment;
        try (ServerProcess server = ServerProcess.start(data, env)) {
            assertThat(server.awaitLine("Server Running: http://localhost:" + server.port(), START)).as(server.output()).isTrue();
            assertThat(server.output()).contains("Using embedded PostgreSQL", "Created the ADMIN account 'admin'",
                    "Demo account: moderator / " + DemoModeIT.demoPassword(data, "moderator"));
            Api api = new Api(server.base(), json);
            api.get("/health").expectStatus(200);
            String admin = api.login("admin", "operator-chosen-password").token();
            String thread = api.send(admin, c -> c.save("restart-story",
                    new ArticleRequest("Restart", "https://news.example/restart"))).expectStatus(201).path("thread.id");
            api.register("survivor", "a long enough passphrase 42").expectStatus(201);
            token = api.login("survivor", "a long enough passphrase 42").token();
            comment = api.postComment(thread, token, "I was here before the restart", null).expectStatus(201).path("id");
            server.stop();
        }
        assertThat(Files.exists(data.resolve("jwt-secret"))).isTrue();

        try (ServerProcess again = ServerProcess.start(data, Map.of())) {
            assertThat(again.awaitLine("Server Running", START)).as(again.output()).isTrue();
            assertThat(again.output()).doesNotContain("Loaded the demo thread").doesNotContain("Generated a JWT signing secret");
            Api api = new Api(again.base(), json);
            assertThat((String) api.send(token, c -> c.me()).expectStatus(200).path("username")).isEqualTo("survivor");
            assertThat((String) api.send(c -> c.comment(comment)).expectStatus(200).path("bodyHtml"))
                    .contains("before the restart");
            List<?> seed = api.readAll(api.send(c -> c.article("us-boots-on-ground-never")).path("thread.id"), "oldest", 50);
            assertThat(seed).hasSize(6);
        }
    }

    @Test
    void aSecondServerOnTheSameEmbeddedDataStopsAtStartWithTheReasonAndTheFirstGoesOn() throws Exception {
        try (ServerProcess first = ServerProcess.start(data, Map.of("FORUM_ADMIN_PASSWORD", "operator-chosen-password"))) {
            assertThat(first.awaitLine("Server Running", START)).as(first.output()).isTrue();
            assertThat(first.output()).contains("Instance mode: single instance");
            try (ServerProcess second = ServerProcess.start(data, Map.of())) {
                assertThat(second.awaitExit(START)).as(second.output()).isNotNull().isNotZero();
                assertThat(second.output()).contains("Another forum server is already running on the data directory",
                        "The embedded PostgreSQL serves one instance only").doesNotContain("Server Running");
            }
            Api api = new Api(first.base(), json);
            api.get("/health").expectStatus(200);
            String admin = api.login("admin", "operator-chosen-password").token();
            String thread = api.send(admin, c -> c.save("still-here",
                    new ArticleRequest("Still here", "https://news.example/still"))).expectStatus(201).path("thread.id");
            api.postComment(thread, admin, "the first server still writes", null).expectStatus(201);
        }
    }

    @Test
    void afterASigkillTheServerStartsAgainOnItsData() throws Exception {
        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            new Api(server.base(), json).register("beforekill", "a long enough passphrase 42").expectStatus(201);
            server.kill();
        }
        try (ServerProcess again = ServerProcess.start(data, Map.of())) {
            assertThat(again.awaitLine("Server Running", START)).as(again.output()).isTrue();
            new Api(again.base(), json).login("beforekill", "a long enough passphrase 42");
        }
    }

    @Test
    void aJwtSecretShorterThan256BitsStopsTheStartWithTheReason() throws Exception {
        try (ServerProcess server = ServerProcess.start(data, Map.of("FORUM_JWT_SECRET", "too-short-secret"))) {
            assertThat(server.awaitExit(START)).as(server.output()).isNotNull().isNotZero();
            assertThat(server.output()).contains("FORUM_JWT_SECRET is too short").doesNotContain("Server Running");
        }
    }

    @Test
    void anExternalDatabaseWithoutASharedSecretStopsTheStartWithTheReason() throws Exception {
        try (ServerProcess server = ServerProcess.start(data, Map.of(
                "DATASOURCES_DEFAULT_URL", "jdbc:postgresql://127.0.0.1:1/forum",
                "DATASOURCES_DEFAULT_USERNAME", "forum",
                "DATASOURCES_DEFAULT_PASSWORD", "forum"))) {
            assertThat(server.awaitExit(START)).as(server.output()).isNotNull().isNotZero();
            assertThat(server.output()).contains("FORUM_JWT_SECRET must be set").doesNotContain("Server Running");
        }
    }
}
