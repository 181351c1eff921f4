package news.forum.account;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.WholeDatabase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PUT /me/password and PATCH /me: an owner changes their password and the name shown with their comments. */
@WholeDatabase
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
        Response wrong = api.call(c -> c.changePassword(null)).token(here.token()).body(Map.of("current", "not my password at all", "new", NEW_PASSWORD)).send();
        assertProblem(wrong, 403);
        assertThat((String) wrong.path("type")).endsWith("/wrong-password");
        assertProblem(api.call(c -> c.changePassword(null)).token(here.token()).body(Map.of("current", Api.PASSWORD, "new", "short")).send(), 400);
        assertProblem(api.call(c -> c.changePassword(null)).token(here.token()).body(Map.of("current", Api.PASSWORD, "new", "password1234")).send(), 422);
        assertProblem(api.call(c -> c.changePassword(null)).token(here.token()).body(Map.of("current", Api.PASSWORD)).send(), 400);
        assertProblem(api.call(c -> c.changePassword(null)).body(Map.of("current", Api.PASSWORD, "new", NEW_PASSWORD)).send(), 401);
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(hash(here)).isEqualTo(hashBefore);

        Response changed = api.call(c -> c.changePassword(null)).token(here.token()).body(Map.of("current", Api.PASSWORD, "new", NEW_PASSWORD)).send();
        changed.expectStatus(200);
        assertThat(changed.json()).containsKeys("access_token", "refresh_token", "account");
        assertThat(hash(here)).isNotEqualTo(hashBefore);
        // the caller goes on with the fresh session; every refresh token before it is revoked
        api.call(c -> c.refresh(null)).body(Map.of("refresh_token", changed.path("refresh_token"))).send().expectStatus(200);
        assertProblem(api.call(c -> c.refresh(null)).body(Map.of("refresh_token", elsewhere.refreshToken())).send(), 401);
        assertProblem(api.call(c -> c.refresh(null)).body(Map.of("refresh_token", here.refreshToken())).send(), 401);
        assertProblem(api.call(c -> c.login(null)).body(Map.of("username", here.username(), "password", Api.PASSWORD)).send(), 401);
        api.login(here.username(), NEW_PASSWORD);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'account.password' AND target_id = ?",
                db.rowId(here.id()))).isEqualTo(1);
    }

    @Test
    void wrongCurrentPasswordsSpendTheLoginBudgetOfTheName() {
        Api.Session owner = api.newUser();
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = api.call(c -> c.changePassword(null)).token(owner.token()).body(Map.of("current", "guess number " + i + "!!", "new", NEW_PASSWORD)).send().status();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void theDisplayNameFollowsTheDisplayNameRules() {
        Api.Session owner = api.newUser();
        String thread = api.newThread();
        String comment = api.postComment(thread, owner.token(), "Who am I?", null).expectStatus(201).path("id");

        Response renamed = api.call(c -> c.changeProfile(null)).token(owner.token()).body(Map.of("displayName", "  Farah, the reader  ")).send();
        renamed.expectStatus(200);
        assertThat((String) renamed.path("displayName")).isEqualTo("Farah, the reader");
        assertThat((String) api.send(c -> c.comment(comment)).path("author.displayName")).isEqualTo("Farah, the reader");
        assertThat((String) api.send(owner.token(), c -> c.me()).path("displayName")).isEqualTo("Farah, the reader");

        String before = db.snapshot();
        // the display name's rules as at registration (issue 11): 422 naming the field
        assertProblem(api.call(c -> c.changeProfile(null)).token(owner.token()).body(Map.of("displayName", "two\nlines")).send(), 422);
        assertProblem(api.call(c -> c.changeProfile(null)).token(owner.token()).body(Map.of("displayName", "x".repeat(65))).send(), 422);
        assertProblem(api.call(c -> c.changeProfile(null)).token(owner.token()).body(Map.of("displayName", "Moderat\u043er")).send(), 422);
        // nobody renames themself into another account's display name or username, nor a look-alike of either
        Api.Session other = api.newUser();
        String othersName = "Karim " + other.username();
        assertThat((String) api.call(c -> c.changeProfile(null)).token(other.token()).body(Map.of("displayName", othersName)).send()
                .expectStatus(200).path("displayName")).isEqualTo(othersName);
        before = db.snapshot();
        Response copied = api.call(c -> c.changeProfile(null)).token(owner.token()).body(Map.of("displayName", "KARIM_" + other.username())).send();
        assertProblem(copied, 422);
        assertThat((String) copied.path("type")).endsWith("display-name-taken");
        assertProblem(api.call(c -> c.changeProfile(null)).token(owner.token()).body(Map.of("displayName", other.username())).send(), 422);
        assertProblem(api.call(c -> c.changeProfile(null)).token(owner.token()).body(Map.of()).send(), 400);
        assertProblem(api.call(c -> c.changeProfile(null)).body(Map.of("displayName", "Anonymous")).send(), 401);
        assertThat(db.snapshot()).isEqualTo(before);

        // empty: the username is shown
        assertThat((String) api.call(c -> c.changeProfile(null)).token(owner.token()).body(Map.of("displayName", "")).send().expectStatus(200)
                .path("displayName")).isEqualTo(owner.username());
    }
}
