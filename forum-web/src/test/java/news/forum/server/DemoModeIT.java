package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.account.LoginRequest;
import news.forum.account.RefreshRequest;
import news.forum.account.RoleRequest;
import news.forum.account.Role;
import news.forum.startup.DemoData;
import news.forum.support.Api;
import news.forum.support.Pages;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo data and pages exist only when demo mode is asked for; a start without it locks the demo's accounts out. */
class DemoModeIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String SEED = "us-boots-on-ground-never";
    private static final Map<String, String> ADMIN = Map.of("FORUM_ADMIN_PASSWORD", "operator-chosen-password");
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path data;

    /** A demo password, read from where the server keeps it: one line per account, its name, a space, its password. */
    static String demoPassword(Path data, String username) throws IOException {
        return Files.readAllLines(data.resolve("demo-passwords")).stream()
                .map(line -> line.split(" ", 2))
                .filter(parts -> parts[0].equals(username))
                .map(parts -> parts[1])
                .findFirst().orElseThrow(() -> new AssertionError("no password for " + username + " in " + data));
    }

    @Test
    void withoutDemoModeTheForumHoldsOnlyTheConfiguredAdminAndServesNoDemoPage() throws Exception {
        try (ServerProcess server = ServerProcess.start(data, ADMIN)) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            assertThat(server.output()).contains("Data directory: " + data.toAbsolutePath().normalize())
                    .doesNotContain("Demo account", "demo thread", "Demo mode", "Demo publisher page");
            Api api = new Api(server.base(), json);

            Response home = api.get(Pages.home()).expectStatus(200);
            assertThat(home.contentType()).startsWith("text/html");
            assertThat(home.body()).contains("Threaded discussions for news sites", "href=\"" + Api.route(c -> c.openApi()).path() + "\"",
                    "href=\"" + Pages.console() + "\"", "&lt;script src=&quot;https://forum.example" + Pages.embedScript() + "&quot; async&gt;", "No demo runs here")
                    // with no FORUM_PUBLIC_ORIGIN the snippet names a placeholder, never the Host of the request
                    .doesNotContain(server.base() + Pages.embedScript())
                    .doesNotContain("data-forum-article=\"us-boots");
            for (String page : new String[]{Pages.demoArticle("try-the-embed"), Pages.demoArticle("anything-i-like-123"),
                    Pages.demoArticle("us-boots-on-ground-never")}) {
                assertThat(api.get(page).status()).as(page).isEqualTo(404);
            }
            assertThat(api.send(c -> c.article(SEED)).status()).isEqualTo(404);

            String admin = api.login("admin", "operator-chosen-password").token();
            for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
                assertThat(api.send(admin, c -> c.changeRole(account.username(), new RoleRequest(Role.USER))).status())
                        .as("no account named %s", account.username()).isEqualTo(404);
            }
            assertThat(data.resolve("demo-passwords")).doesNotExist();
        }
    }

    @Test
    void demoModeIsAskedForAndAStartWithoutItLocksTheDemoAccountsOut() throws Exception {
        String password;
        String refreshToken;
        try (ServerProcess demo = ServerProcess.launch(data, Map.of("JAVA_HOME", System.getProperty("java.home")), "--demo")) {
            assertThat(demo.awaitLine("Server Running", START)).as(demo.output()).isTrue();
            password = demoPassword(data, "tariq");
            assertThat(demo.output()).contains("Demo mode (--demo or FORUM_DEMO=true)", "Demo account: tariq / " + password,
                    "Demo account: moderator / " + demoPassword(data, "moderator"), "Loaded the demo thread");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("demo-passwords"))))
                    .isEqualTo("rw-------");
            Api api = new Api(demo.base(), json);
            for (String page : new String[]{Pages.seedArticle(), Pages.demoArticle("try-the-embed"),
                    Pages.demoArticle("anything-i-like-123")}) {
                assertThat(api.get(page).expectStatus(200).body()).as(page).contains("This is a demo");
            }
            assertThat(api.readAll(api.send(c -> c.article(SEED)).path("thread.id"), "oldest", 50)).hasSize(6);
            refreshToken = api.login("tariq", password).refreshToken();
        }

        try (ServerProcess plain = ServerProcess.start(data, Map.of())) {
            assertThat(plain.awaitLine("Server Running", START)).as(plain.output()).isTrue();
            assertThat(plain.output()).contains("Demo mode is off: 4 demo accounts locked out").doesNotContain("Demo account:");
            Api api = new Api(plain.base(), json);
            assertThat(api.send(c -> c.login(new LoginRequest("tariq", password))).status())
                    .isEqualTo(401);
            assertThat(api.send(c -> c.refresh(new RefreshRequest(refreshToken))).status()).isEqualTo(401);
            assertThat(api.get(Pages.demoArticle("try-the-embed")).status()).isEqualTo(404);
            assertThat(api.get(Pages.home()).body()).contains("No demo runs here");
            // what the demo wrote is data like any other: kept
            assertThat(api.readAll(api.send(c -> c.article(SEED)).path("thread.id"), "oldest", 50)).hasSize(6);
        }

        try (ServerProcess again = ServerProcess.start(data, Map.of("FORUM_DEMO", "true"))) {
            assertThat(again.awaitLine("Server Running", START)).as(again.output()).isTrue();
            assertThat(demoPassword(data, "tariq")).as("kept in the data directory").isEqualTo(password);
            assertThat(again.output()).contains("Demo account: tariq / " + password).doesNotContain("Loaded the demo thread");
            new Api(again.base(), json).login("tariq", password);
        }
    }
}
