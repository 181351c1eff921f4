package news.forum.account;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares the whole database: a reused refresh token issues nothing anywhere. */
@WholeDatabase
class AccountApiTest extends ApiTestBase {

    @Test
    void registrationAnswers201WithTheAccountAndNoSecrets() {
        String name = Api.uniqueName("Reader");
        Response created = api.call(c -> c.register(null)).body(Map.of("username", name, "password", Api.PASSWORD, "displayName", "A Reader")).send();

        created.expectStatus(201);
        assertThat(created.json()).containsOnlyKeys("id", "username", "displayName", "role", "ban", "signIn");
        assertThat((String) created.path("signIn")).isEqualTo("password");
        assertThat((String) created.path("username")).isEqualTo(name);
        assertThat((String) created.path("displayName")).isEqualTo("A Reader");
        assertThat((String) created.path("role")).isEqualTo("USER");
        assertThat(created.header("Location")).isEqualTo(AccountOperations.ACCOUNTS + "/" + name);
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
        assertProblem(api.call(c -> c.login(null)).body(Map.of("username", name, "password", almost)).send(), 401);
    }

    @Test
    void aMegabytePasswordAtLoginIsRefusedFastAndNeverReachesTheHash() {
        String name = Api.uniqueName("huge");
        api.register(name, Api.PASSWORD).expectStatus(201);

        long start = System.nanoTime();
        Response megabyte = api.call(c -> c.login(null)).body(Map.of("username", name, "password", "p".repeat(1 << 20))).send();
        assertThat(megabyte.status()).as(megabyte.body()).isBetween(400, 499);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));

        // just over the cap: refused by validation, before the password is looked at; so none of these
        // counts as a wrong password, though there are more of them than the name's budget of failures
        for (int i = 0; i < 15; i++) {
            Response overCap = api.call(c -> c.login(null)).body(Map.of("username", name, "password", "p".repeat(513 + i))).send();
            assertProblem(overCap, 400);
        }
        assertProblem(api.register(Api.uniqueName("huge"), "p".repeat(1 << 20)), 413);
        api.login(name, Api.PASSWORD);
    }

    @Test
    void loginGivesBearerTokensAndTheSameRefusalForWrongUserOrPassword() {
        String name = Api.uniqueName("login");
        api.register(name, Api.PASSWORD).expectStatus(201);

        Response ok = api.call(c -> c.login(null)).body(Map.of("username", name, "password", Api.PASSWORD)).send();
        ok.expectStatus(200);
        assertThat((String) ok.path("token_type")).isEqualTo("Bearer");
        assertThat((String) ok.path("access_token")).isNotBlank();
        assertThat((String) ok.path("refresh_token")).isNotBlank();
        assertThat(((Number) ok.path("expires_in")).intValue()).isPositive();

        Response wrongPassword = api.call(c -> c.login(null)).body(Map.of("username", name, "password", "not the password!")).send();
        Response unknownUser = api.call(c -> c.login(null)).body(Map.of("username", name + "x", "password", Api.PASSWORD)).send();
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
        Response me = api.send(session.token(), c -> c.me());
        me.expectStatus(200);
        assertThat((String) me.path("username")).isEqualTo(session.username());
        assertThat((String) me.path("role")).isEqualTo("USER");

        assertProblem(api.send(c -> c.me()), 401);
        assertProblem(api.send("not-a-token", c -> c.me()), 401);
    }

    @Test
    void refreshGivesANewAccessTokenUntilLogoutRevokesIt() {
        Api.Session session = api.newUser();
        Response refreshed = api.call(c -> c.refresh(null)).body(Map.of("refresh_token", session.refreshToken())).send();
        refreshed.expectStatus(200);
        String newToken = refreshed.path("access_token");
        api.send(newToken, c -> c.me()).expectStatus(200);

        api.call(c -> c.logout(null)).body(Map.of("refresh_token", session.refreshToken())).send().expectStatus(204);
        assertProblem(api.call(c -> c.refresh(null)).body(Map.of("refresh_token", session.refreshToken())).send(), 401);
        assertProblem(api.call(c -> c.refresh(null)).body(Map.of("refresh_token", "made-up")).send(), 401);
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

        Response renewed = refresh(first.refreshToken());
        renewed.expectStatus(200);
        String second = renewed.path("refresh_token");
        assertThat(second).isNotBlank().isNotEqualTo(first.refreshToken());
        api.send((String) renewed.path("access_token"), c -> c.me()).expectStatus(200);
        Response again = refresh(second);
        again.expectStatus(200);
        String third = again.path("refresh_token");

        // the first token presented again: somebody kept a copy; every token of that sign-in is revoked
        String before = db.snapshot();
        Response reuse = refresh(first.refreshToken());
        assertProblem(reuse, 401);
        assertThat(reuse.body()).doesNotContain("refresh_token\":");
        assertProblem(refresh(third), 401);
        assertProblem(refresh(second), 401);
        assertThat(db.snapshot()).as("no token issued").isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM refresh_token t JOIN account a ON a.id = t.account_id "
                + "WHERE a.username = ? AND t.revoked_at IS NULL", name)).as("only the other device's").isEqualTo(1);
        // the same account's other sign-in is another family and goes on
        refresh(otherDevice.refreshToken()).expectStatus(200);

        // two renewals with one token at once: one gets the new tokens, the other is a reuse
        Api.Session racing = api.login(name, Api.PASSWORD);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var one = pool.submit(() -> refresh(racing.refreshToken()).status());
            var other = pool.submit(() -> refresh(racing.refreshToken()).status());
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

        assertProblem(api.send(user.token(), c -> c.changeRole(other.username(), new RoleRequest(Role.ADMIN))), 403);
        assertProblem(api.send(c -> c.changeRole(other.username(), new RoleRequest(Role.ADMIN))), 401);
        assertProblem(api.send(admin, c -> c.changeRole("nobody-" + other.username(), new RoleRequest(Role.USER))), 404);
        assertProblem(api.call(c -> c.changeRole(other.username(), null)).token(admin).body(Map.of("role", "KING")).send(), 400);

        Response promoted = api.send(admin, c -> c.changeRole(user.username(), new RoleRequest(Role.MODERATOR)));
        promoted.expectStatus(200);
        assertThat((String) promoted.path("role")).isEqualTo("MODERATOR");
        // the token issued while a USER now carries moderator rights: roles come from the database
        String thread = api.newThread();
        api.send(user.token(), c -> c.lock(thread, new LockRequest(null, null))).expectStatus(200);

        api.send(admin, c -> c.changeRole(user.username(), new RoleRequest(Role.USER))).expectStatus(200);
        assertProblem(api.send(user.token(), c -> c.unlock(thread)), 403);
        assertThat(db.count("SELECT count(*) FROM audit_entry a JOIN account t ON t.id = a.target_id "
                + "WHERE a.target_type = 'account' AND t.username = ?", user.username())).isEqualTo(2);
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

    private Response refresh(String refreshToken) {
        return api.send(c -> c.refresh(new RefreshRequest(refreshToken)));
    }
}
