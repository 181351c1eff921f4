package news.forum.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AccountApiTest extends ApiTestBase {

    @Test
    void registrationAnswers201WithTheAccountAndNoSecrets() {
        String name = Api.uniqueName("Reader");
        Response created = api.post("/api/v1/accounts", null,
                Map.of("username", name, "password", Api.PASSWORD, "displayName", "A Reader"));

        created.expectStatus(201);
        assertThat(created.json()).containsOnlyKeys("id", "username", "displayName", "role", "ban", "signIn");
        assertThat((String) created.path("signIn")).isEqualTo("password");
        assertThat((String) created.path("username")).isEqualTo(name);
        assertThat((String) created.path("displayName")).isEqualTo("A Reader");
        assertThat((String) created.path("role")).isEqualTo("USER");
        assertThat(created.header("Location")).isEqualTo("/api/v1/accounts/" + name);
        assertThat(created.body()).doesNotContain(Api.PASSWORD).doesNotContain("argon");
    }

    @Test
    void usernamesCollideIgnoringCaseAndWidth() {
        String name = Api.uniqueName("alice");
        api.register(name, Api.PASSWORD).expectStatus(201);

        assertProblem(api.register(name.toUpperCase(), Api.PASSWORD), 409);
        assertProblem(api.register(toFullwidth(name), Api.PASSWORD), 409);
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ?", name.toLowerCase())).isEqualTo(1);
    }

    @Test
    void fullwidthNameIsStoredInItsNormalForm() {
        String name = Api.uniqueName("wide");
        Response created = api.register(toFullwidth(name), Api.PASSWORD);
        created.expectStatus(201);
        assertThat((String) created.path("username")).isEqualTo(name);
    }

    @Test
    void malformedUsernamesAreRefusedWithTheFieldNamed() {
        for (String bad : new String[]{"ab", "x".repeat(33), "has space", "semi;colon", "<script>", "_leading", ""}) {
            Response refused = api.register(bad, Api.PASSWORD);
            assertProblem(refused, 400);
            assertThat(refused.body()).contains("username");
        }
    }

    @Test
    void weakPasswordsAreRefused() {
        String name = Api.uniqueName("pw");
        assertProblem(api.register(name, "short"), 400);
        assertProblem(api.register(name, "x".repeat(129)), 400);
        assertProblem(api.register(name, "password1234"), 422);
        assertProblem(api.register(name, "PassWord1234"), 422);
        assertProblem(api.register(name, "aaaaaaaaaaaaaaaa"), 422);
        String sameAsName = Api.uniqueName("samename");
        assertProblem(api.register(sameAsName, sameAsName.toUpperCase()), 422);
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ?", name)).isZero();
    }

    @Test
    void longUnicodePasswordsWorkWholeAndAreNeverTruncated() {
        String name = Api.uniqueName("uni");
        String password = "pässwörd-日本語-🔐".repeat(6); // 96 code points, far beyond bcrypt's 72 bytes
        api.register(name, password).expectStatus(201);

        api.login(name, password);
        String almost = password.substring(0, password.length() - 2);
        assertProblem(api.post("/api/v1/auth/login", null, Map.of("username", name, "password", almost)), 401);
    }

    @Test
    void aMegabytePasswordAtLoginIsRefusedFastAndNeverReachesTheHash() {
        String name = Api.uniqueName("huge");
        api.register(name, Api.PASSWORD).expectStatus(201);

        long start = System.nanoTime();
        Response megabyte = api.post("/api/v1/auth/login", null, Map.of("username", name, "password", "p".repeat(1 << 20)));
        assertThat(megabyte.status()).as(megabyte.body()).isBetween(400, 499);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));

        // just over the cap: refused by validation, before the password is looked at; so none of these
        // counts as a wrong password, though there are more of them than the name's budget of failures
        for (int i = 0; i < 15; i++) {
            Response overCap = api.post("/api/v1/auth/login", null, Map.of("username", name, "password", "p".repeat(513 + i)));
            assertProblem(overCap, 400);
        }
        assertProblem(api.register(Api.uniqueName("huge"), "p".repeat(1 << 20)), 413);
        api.login(name, Api.PASSWORD);
    }

    @Test
    void loginGivesBearerTokensAndTheSameRefusalForWrongUserOrPassword() {
        String name = Api.uniqueName("login");
        api.register(name, Api.PASSWORD).expectStatus(201);

        Response ok = api.post("/api/v1/auth/login", null, Map.of("username", name, "password", Api.PASSWORD));
        ok.expectStatus(200);
        assertThat((String) ok.path("token_type")).isEqualTo("Bearer");
        assertThat((String) ok.path("access_token")).isNotBlank();
        assertThat((String) ok.path("refresh_token")).isNotBlank();
        assertThat(((Number) ok.path("expires_in")).intValue()).isPositive();

        Response wrongPassword = api.post("/api/v1/auth/login", null, Map.of("username", name, "password", "not the password!"));
        Response unknownUser = api.post("/api/v1/auth/login", null, Map.of("username", name + "x", "password", Api.PASSWORD));
        assertProblem(wrongPassword, 401);
        assertProblem(unknownUser, 401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
    }

    @Test
    void loginIgnoresCaseAndWidthOfTheName() {
        String name = Api.uniqueName("case");
        api.register(name, Api.PASSWORD).expectStatus(201);
        assertThat(api.login(name.toUpperCase(), Api.PASSWORD).username()).isEqualTo(name);
        assertThat(api.login(toFullwidth(name), Api.PASSWORD).username()).isEqualTo(name);
    }

    @Test
    void meShowsTheSignedInAccountAndNeedsAToken() {
        Api.Session session = api.newUser();
        Response me = api.get("/api/v1/me", session.token());
        me.expectStatus(200);
        assertThat((String) me.path("username")).isEqualTo(session.username());
        assertThat((String) me.path("role")).isEqualTo("USER");

        assertProblem(api.get("/api/v1/me"), 401);
        assertProblem(api.get("/api/v1/me", "not-a-token"), 401);
    }

    @Test
    void refreshGivesANewAccessTokenUntilLogoutRevokesIt() {
        Api.Session session = api.newUser();
        Response refreshed = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", session.refreshToken()));
        refreshed.expectStatus(200);
        String newToken = refreshed.path("access_token");
        api.get("/api/v1/me", newToken).expectStatus(200);

        api.post("/api/v1/auth/logout", null, Map.of("refresh_token", session.refreshToken())).expectStatus(204);
        assertProblem(api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", session.refreshToken())), 401);
        assertProblem(api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", "made-up")), 401);
        assertThat(db.count("SELECT count(*) FROM refresh_token WHERE token_hash = sha256(convert_to(?, 'UTF8'))",
                session.refreshToken())).as("stored hashed").isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM refresh_token WHERE position(convert_to(?, 'UTF8') IN token_hash) > 0",
                session.refreshToken())).as("never stored in the clear").isZero();
    }

    @Test
    void refreshTokensRotateOnEveryUseAndAReuseRevokesTheWholeFamily() throws Exception {
        String name = Api.uniqueName("rotate");
        api.register(name, Api.PASSWORD).expectStatus(201);
        Api.Session first = api.login(name, Api.PASSWORD);
        Api.Session otherDevice = api.login(name, Api.PASSWORD);

        Response renewed = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", first.refreshToken()));
        renewed.expectStatus(200);
        String second = renewed.path("refresh_token");
        assertThat(second).isNotBlank().isNotEqualTo(first.refreshToken());
        api.get("/api/v1/me", (String) renewed.path("access_token")).expectStatus(200);
        Response again = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", second));
        again.expectStatus(200);
        String third = again.path("refresh_token");

        // the first token presented again: somebody kept a copy; every token of that sign-in is revoked
        String before = db.snapshot();
        Response reuse = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", first.refreshToken()));
        assertProblem(reuse, 401);
        assertThat(reuse.body()).doesNotContain("refresh_token\":");
        assertProblem(api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", third)), 401);
        assertProblem(api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", second)), 401);
        assertThat(db.snapshot()).as("no token issued").isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM refresh_token t JOIN account a ON a.id = t.account_id "
                + "WHERE a.username = ? AND t.revoked_at IS NULL", name)).as("only the other device's").isEqualTo(1);
        // the same account's other sign-in is another family and goes on
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", otherDevice.refreshToken())).expectStatus(200);

        // two renewals with one token at once: one gets the new tokens, the other is a reuse
        Api.Session racing = api.login(name, Api.PASSWORD);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", racing.refreshToken())).status());
            var other = pool.submit(() -> api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", racing.refreshToken())).status());
            assertThat(java.util.List.of(one.get(), other.get())).containsExactlyInAnyOrder(200, 401);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void onlyAnAdminChangesRolesAndTheNewRoleAppliesToOldTokens() {
        Api.Session user = api.newUser();
        Api.Session other = api.newUser();
        String admin = api.admin().token();

        assertProblem(api.put("/api/v1/accounts/" + other.username() + "/role", user.token(), Map.of("role", "ADMIN")), 403);
        assertProblem(api.put("/api/v1/accounts/" + other.username() + "/role", null, Map.of("role", "ADMIN")), 401);
        assertProblem(api.put("/api/v1/accounts/nobody-" + other.username() + "/role", admin, Map.of("role", "USER")), 404);
        assertProblem(api.put("/api/v1/accounts/" + other.username() + "/role", admin, Map.of("role", "KING")), 400);

        Response promoted = api.put("/api/v1/accounts/" + user.username() + "/role", admin, Map.of("role", "MODERATOR"));
        promoted.expectStatus(200);
        assertThat((String) promoted.path("role")).isEqualTo("MODERATOR");
        // the token issued while a USER now carries moderator rights: roles come from the database
        String thread = api.newThread();
        api.put("/api/v1/threads/" + thread + "/lock", user.token(), Map.of()).expectStatus(200);

        api.put("/api/v1/accounts/" + user.username() + "/role", admin, Map.of("role", "USER")).expectStatus(200);
        assertProblem(api.delete("/api/v1/threads/" + thread + "/lock", user.token()), 403);
        assertThat(db.count("SELECT count(*) FROM audit_entry a JOIN account t ON t.id = a.target_id "
                + "WHERE a.target_type = 'account' AND t.username = ?", user.username())).isEqualTo(2);
    }

    @Test
    void theLastAdminCannotLoseTheRoleAndNothingIsWrittenWhenRefused() {
        Api.Session admin = api.admin();
        assertThat(db.count("SELECT count(*) FROM account WHERE role = 'ADMIN'")).as("the suite's one ADMIN").isEqualTo(1);
        String before = db.snapshot();

        for (String role : new String[]{"USER", "MODERATOR"}) {
            Response refused = api.put("/api/v1/accounts/" + Api.ADMIN + "/role", admin.token(), Map.of("role", role));
            assertProblem(refused, 409);
            assertThat((String) refused.path("type")).endsWith("/last-admin");
            assertThat((String) refused.path("detail")).contains("only administrator");
        }
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat((String) api.get("/api/v1/me", admin.token()).path("role")).isEqualTo("ADMIN");
        // promoting the only ADMIN to ADMIN again is no demotion
        api.put("/api/v1/accounts/" + Api.ADMIN + "/role", admin.token(), Map.of("role", "ADMIN")).expectStatus(200);

        // with a second ADMIN either may step down, and then the other is the last
        Api.Session deputy = api.newUser();
        api.put("/api/v1/accounts/" + deputy.username() + "/role", admin.token(), Map.of("role", "ADMIN")).expectStatus(200);
        api.put("/api/v1/accounts/" + Api.ADMIN + "/role", deputy.token(), Map.of("role", "MODERATOR")).expectStatus(200);
        String deputyAlone = db.snapshot();
        assertProblem(api.put("/api/v1/accounts/" + deputy.username() + "/role", deputy.token(), Map.of("role", "USER")), 409);
        assertProblem(api.put("/api/v1/accounts/" + deputy.username() + "/role", admin.token(), Map.of("role", "USER")), 403);
        assertThat(db.snapshot()).isEqualTo(deputyAlone);
        api.put("/api/v1/accounts/" + Api.ADMIN + "/role", deputy.token(), Map.of("role", "ADMIN")).expectStatus(200);
        api.put("/api/v1/accounts/" + deputy.username() + "/role", admin.token(), Map.of("role", "USER")).expectStatus(200);
        assertThat(db.count("SELECT count(*) FROM account WHERE role = 'ADMIN'")).isEqualTo(1);
    }

    @Test
    void twoRegistrationsOfOneNameAtOnceGiveExactlyOne201() throws Exception {
        for (int round = 0; round < 5; round++) {
            String name = Api.uniqueName("race");
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Callable<Integer>> registrations = java.util.List.of(
                        () -> api.register(name, Api.PASSWORD).status(),
                        () -> api.register(name.toUpperCase(), Api.PASSWORD).status(),
                        () -> api.register(toFullwidth(name), Api.PASSWORD).status());
                var results = pool.invokeAll(registrations);
                java.util.List<Integer> statuses = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<Integer> result : results) {
                    statuses.add(result.get());
                }
                assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
            } finally {
                pool.shutdown();
            }
            assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ?", name.toLowerCase())).isEqualTo(1);
        }
    }

    static String toFullwidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            wide.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return wide.toString();
    }
}
