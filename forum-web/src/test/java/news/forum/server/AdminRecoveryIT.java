package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.account.Role;
import news.forum.account.RoleRequest;
import news.forum.support.Api;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last ADMIN cannot lose the role, not even when two administrators demote each other at once; and an ADMIN
 * who lost it anyway is made one again by the next start with FORUM_ADMIN_USERNAME and FORUM_ADMIN_PASSWORD (the
 * documented recovery, audited), but only when that password is the account's own.
 */
class AdminRecoveryIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String PASSWORD = "recovery-admin-password";
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path data;

    @Test
    void theLastAdminKeepsTheRoleAndTheConfiguredAdminIsRestoredAtStart() throws Exception {
        Map<String, String> env = Map.of("FORUM_ADMIN_PASSWORD", PASSWORD);
        try (ServerProcess server = ServerProcess.start(data, env)) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            Api.Session admin = api.login("admin", PASSWORD);
            int audited = log(api, admin).size();

            Response refused = role(api, admin, "admin", "USER");
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat((String) refused.path("type")).endsWith("/last-admin");
            assertThat(role(api, admin, "admin", "MODERATOR").status()).isEqualTo(409);
            assertThat((String) api.send(admin.token(), c -> c.me()).path("role")).isEqualTo("ADMIN");
            assertThat(log(api, admin)).hasSize(audited);

            // two administrators demoting each other at once: exactly one succeeds, the other sees that change
            // under the lock (403: no longer an ADMIN, or 409: the other is now the last), and an ADMIN remains
            Api.Session second = api.newUser();
            for (int round = 0; round < 5; round++) {
                role(api, admin, second.username(), "ADMIN").expectStatus(200);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                Future<Response> byAdmin = pool.submit(() -> role(api, admin, second.username(), "USER"));
                Future<Response> bySecond = pool.submit(() -> role(api, second, "admin", "USER"));
                int adminStatus = byAdmin.get(60, TimeUnit.SECONDS).status();
                int secondStatus = bySecond.get(60, TimeUnit.SECONDS).status();
                pool.shutdown();
                assertThat(List.of(adminStatus, secondStatus)).containsOnlyOnce(200);
                assertThat(adminStatus == 200 ? secondStatus : adminStatus).isIn(403, 409);
                String adminRole = api.send(admin.token(), c -> c.me()).path("role");
                String secondRole = api.send(second.token(), c -> c.me()).path("role");
                assertThat(List.of(adminRole, secondRole)).containsOnlyOnce("ADMIN");
                if (secondStatus == 200) {
                    // the admin lost the role this round: the second gives it back and steps down
                    role(api, second, "admin", "ADMIN").expectStatus(200);
                    role(api, admin, second.username(), "USER").expectStatus(200);
                }
            }
            // the recovery: the configured admin was demoted by another ADMIN (who may since be gone or unreachable)
            role(api, admin, second.username(), "ADMIN").expectStatus(200);
            role(api, second, "admin", "USER").expectStatus(200);
            assertThat((String) api.send(admin.token(), c -> c.me()).path("role")).isEqualTo("USER");
            api.register("chief", "the chief's own passphrase 1").expectStatus(201);
            server.stop();
        }

        try (ServerProcess again = ServerProcess.start(data, env)) {
            assertThat(again.awaitLine("Server Running", START)).as(again.output()).isTrue();
            assertThat(again.output()).contains("The account 'admin' is an ADMIN again");
            Api api = new Api(again.base(), json);
            Api.Session admin = api.login("admin", PASSWORD);
            assertThat((String) api.send(admin.token(), c -> c.me()).path("role")).isEqualTo("ADMIN");
            Map<String, Object> restored = log(api, admin).get(0);
            assertThat(restored).containsEntry("action", "account.role.admin").containsEntry("actor", null);
            assertThat(((Map<?, ?>) restored.get("target")).get("label")).isEqualTo("admin");
            again.stop();
        }

        // an account that merely has the configured name, with a password of its own, is left as it is
        try (ServerProcess squatted = ServerProcess.start(data, Map.of("FORUM_ADMIN_USERNAME", "chief",
                "FORUM_ADMIN_PASSWORD", "not the chief's password 2"))) {
            assertThat(squatted.awaitLine("Server Running", START)).as(squatted.output()).isTrue();
            assertThat(squatted.output()).contains("The account 'chief' is not an ADMIN and its password is not");
            Api api = new Api(squatted.base(), json);
            Api.Session chief = api.login("chief", "the chief's own passphrase 1");
            assertThat((String) api.send(chief, c -> c.me()).path("role")).isEqualTo("USER");
        }
    }

    private static Response role(Api api, Api.Session as, String username, String role) {
        return api.send(as, c -> c.changeRole(username, new RoleRequest(Role.valueOf(role))));
    }

    private static List<Map<String, Object>> log(Api api, Api.Session admin) {
        return api.send(admin, c -> c.log(null, "100")).expectStatus(200).list("entries");
    }
}
