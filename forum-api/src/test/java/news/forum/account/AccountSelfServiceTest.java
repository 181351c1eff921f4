package news.forum.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PUT /me/password and PATCH /me: an owner changes their password and the name shown with their comments. */
@MicronautTest(transactional = false)
class AccountSelfServiceTest extends ApiTestBase {

    private static final String NEW_PASSWORD = "another long passphrase 2026";

    private String hash(Api.Session session) {
        return Long.toString(db.count("SELECT hashtext(password_hash) FROM account WHERE id = ?", db.rowId(session.id())));
    }

    @Test
    void aNewPasswordEndsEveryOtherSessionAndTheOldPasswordNoLongerWorks() {
        Api.Session here = api.newUser();
        Api.Session elsewhere = api.login(here.username(), Api.PASSWORD);
        String hashBefore = hash(here);

        String before = db.snapshot();
        Response wrong = api.put("/api/v1/me/password", here.token(), Map.of("current", "not my password at all", "new", NEW_PASSWORD));
        assertProblem(wrong, 403);
        assertThat((String) wrong.path("type")).endsWith("/wrong-password");
        assertProblem(api.put("/api/v1/me/password", here.token(), Map.of("current", Api.PASSWORD, "new", "short")), 400);
        assertProblem(api.put("/api/v1/me/password", here.token(), Map.of("current", Api.PASSWORD, "new", "password1234")), 422);
        assertProblem(api.put("/api/v1/me/password", here.token(), Map.of("current", Api.PASSWORD)), 400);
        assertProblem(api.put("/api/v1/me/password", null, Map.of("current", Api.PASSWORD, "new", NEW_PASSWORD)), 401);
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(hash(here)).isEqualTo(hashBefore);

        Response changed = api.put("/api/v1/me/password", here.token(), Map.of("current", Api.PASSWORD, "new", NEW_PASSWORD));
        changed.expectStatus(200);
        assertThat(changed.json()).containsKeys("access_token", "refresh_token", "account");
        assertThat(hash(here)).isNotEqualTo(hashBefore);
        // the caller goes on with the fresh session; every refresh token before it is revoked
        api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", changed.path("refresh_token"))).expectStatus(200);
        assertProblem(api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", elsewhere.refreshToken())), 401);
        assertProblem(api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", here.refreshToken())), 401);
        assertProblem(api.post("/api/v1/auth/login", null, Map.of("username", here.username(), "password", Api.PASSWORD)), 401);
        api.login(here.username(), NEW_PASSWORD);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'account.password' AND target_id = ?",
                db.rowId(here.id()))).isEqualTo(1);
    }

    @Test
    void wrongCurrentPasswordsSpendTheLoginBudgetOfTheName() {
        Api.Session owner = api.newUser();
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = api.put("/api/v1/me/password", owner.token(), Map.of("current", "guess number " + i + "!!", "new", NEW_PASSWORD)).status();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void theDisplayNameFollowsTheDisplayNameRules() {
        Api.Session owner = api.newUser();
        String thread = api.newThread();
        String comment = api.postComment(thread, owner.token(), "Who am I?", null).expectStatus(201).path("id");

        Response renamed = api.patch("/api/v1/me", owner.token(), Map.of("displayName", "  Farah, the reader  "));
        renamed.expectStatus(200);
        assertThat((String) renamed.path("displayName")).isEqualTo("Farah, the reader");
        assertThat((String) api.get("/api/v1/comments/" + comment).path("author.displayName")).isEqualTo("Farah, the reader");
        assertThat((String) api.get("/api/v1/me", owner.token()).path("displayName")).isEqualTo("Farah, the reader");

        String before = db.snapshot();
        // the display name's rules as at registration (issue 11): 422 naming the field
        assertProblem(api.patch("/api/v1/me", owner.token(), Map.of("displayName", "two\nlines")), 422);
        assertProblem(api.patch("/api/v1/me", owner.token(), Map.of("displayName", "x".repeat(65))), 422);
        assertProblem(api.patch("/api/v1/me", owner.token(), Map.of("displayName", "Moderat\u043er")), 422);
        // nobody renames themself into another account's display name or username, nor a look-alike of either
        Api.Session other = api.newUser();
        String othersName = "Karim " + other.username();
        assertThat((String) api.patch("/api/v1/me", other.token(), Map.of("displayName", othersName))
                .expectStatus(200).path("displayName")).isEqualTo(othersName);
        before = db.snapshot();
        Response copied = api.patch("/api/v1/me", owner.token(), Map.of("displayName", "KARIM_" + other.username()));
        assertProblem(copied, 422);
        assertThat((String) copied.path("type")).endsWith("display-name-taken");
        assertProblem(api.patch("/api/v1/me", owner.token(), Map.of("displayName", other.username())), 422);
        assertProblem(api.patch("/api/v1/me", owner.token(), Map.of()), 400);
        assertProblem(api.patch("/api/v1/me", null, Map.of("displayName", "Anonymous")), 401);
        assertThat(db.snapshot()).isEqualTo(before);

        // empty: the username is shown
        assertThat((String) api.patch("/api/v1/me", owner.token(), Map.of("displayName", "")).expectStatus(200)
                .path("displayName")).isEqualTo(owner.username());
    }
}
