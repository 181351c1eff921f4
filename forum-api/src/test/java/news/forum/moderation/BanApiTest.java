package news.forum.moderation;

import news.forum.comment.EditCommentRequest;
import news.forum.comment.VoteRequest;
import news.forum.support.Api;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WholeDatabase
class BanApiTest extends ModerationTestBase {

    private Response ban(String username, String token, Map<String, Object> request) {
        return api.call(c -> c.ban(username, null)).token(token).body(request).send();
    }

    private Response lift(String username, String token) {
        return api.send(token, c -> c.lift(username));
    }

    @Test
    void aBanRefusesTheNextWriteOfATokenIssuedBeforeItWithTheReasonWhileReadingStaysOpen() {
        String thread = api.newThread();
        Api.Session troll = api.newUser();
        Api.Session other = api.newUser();
        String own = api.postComment(thread, troll.token(), "before the ban", null).expectStatus(201).path("id");
        String others = api.postComment(thread, other.token(), "someone else", null).path("id");
        Api.Session moderator = moderator();

        Response banned = ban(troll.username(), moderator.token(), Map.of("reason", "Repeated insults"));
        banned.expectStatus(200);
        assertThat(banned.json()).containsEntry("username", troll.username()).containsEntry("banned", true)
                .containsEntry("reason", "Repeated insults").containsEntry("until", null)
                .containsEntry("bannedBy", moderator.username()).containsEntry("removedComments", 0);

        String before = snapshot();
        Response refused = api.postComment(thread, troll.token(), "after the ban", null);
        assertProblem(refused, 403);
        assertThat((String) refused.path("detail")).contains("Repeated insults");
        assertProblem(api.send(troll.token(), c -> c.edit(own, new EditCommentRequest("edited"))), 403);
        assertProblem(api.send(troll.token(), c -> c.delete(own)), 403);
        assertProblem(api.send(troll.token(), c -> c.vote(others, new VoteRequest(BigDecimal.valueOf(-1)))), 403);
        assertProblem(flag(others, troll.token(), "spam"), 403);
        assertThat(snapshot()).isEqualTo(before);

        assertThat(listedIds(thread, troll.token())).containsExactly(own, others);
        Response me = api.send(troll.token(), c -> c.me());
        me.expectStatus(200);
        assertThat((Object) me.path("ban")).isEqualTo(json("reason", "Repeated insults", "until", null));
        // its sessions end: the refresh token no longer works
        assertProblem(api.call(c -> c.refresh(null)).body(Map.of("refresh_token", troll.refreshToken())).send(), 401);
        // signing in again lets it read, not write
        Api.Session again = api.login(troll.username(), Api.PASSWORD);
        assertProblem(api.postComment(thread, again.token(), "new session", null), 403);

        Response lifted = lift(troll.username(), moderator.token());
        lifted.expectStatus(200);
        assertThat(lifted.json()).containsEntry("banned", false).containsEntry("reason", null);
        lift(troll.username(), moderator.token()).expectStatus(200);
        api.postComment(thread, troll.token(), "I will behave", null).expectStatus(201);
        long trollRow = db.rowId(troll.id());
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'account' AND target_id = ?"
                + " AND action = 'account.ban' AND reason = 'Repeated insults'", trollRow)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'account' AND target_id = ?"
                + " AND action = 'account.unban'", trollRow)).isEqualTo(1);
    }

    @Test
    void aBanWithAnEndNoLongerAppliesOnceTheEndHasPassed() {
        String thread = api.newThread();
        Api.Session user = api.newUser();
        Instant until = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Response banned = ban(user.username(), moderator().token(), Map.of("reason", "Cool off", "until", until.toString()));
        banned.expectStatus(200);
        assertThat(Instant.parse(banned.path("until"))).isEqualTo(until);
        Response refused = api.postComment(thread, user.token(), "now?", null);
        assertProblem(refused, 403);
        assertThat((String) refused.path("detail")).contains("Cool off").contains(until.toString());

        // the clock moves past the end
        db.update("UPDATE account SET banned_until = now() - interval '1 second' WHERE id = ?", db.rowId(user.id()));
        api.postComment(thread, user.token(), "back again", null).expectStatus(201);
        assertThat((Object) api.send(user.token(), c -> c.me()).path("ban")).isNull();
    }

    @Test
    void removeCommentsRemovesEveryCommentOfTheAccountInOneActionWithOneAuditEntry() {
        String thread = api.newThread();
        String otherThread = api.newThread();
        Api.Session spammer = api.newUser();
        Api.Session reader = api.newUser();
        String first = api.postComment(thread, spammer.token(), "cheap watches", null).path("id");
        String answer = api.postComment(thread, reader.token(), "go away", first).path("id");
        String second = api.postComment(thread, spammer.token(), "more watches", answer).path("id");
        String third = api.postComment(otherThread, spammer.token(), "watches everywhere", null).path("id");
        String kept = api.postComment(otherThread, reader.token(), "a real comment", null).path("id");
        Api.Session moderator = moderator();

        Map<String, Object> request = new LinkedHashMap<>();
        request.put("reason", "Spam account");
        request.put("removeComments", true);
        Response banned = ban(spammer.username(), moderator.token(), request);
        banned.expectStatus(200);
        assertThat(((Number) banned.path("removedComments")).intValue()).isEqualTo(3);

        for (String id : List.of(first, second, third)) {
            Map<String, Object> shown = api.send(c -> c.comment(id)).expectStatus(200).json();
            assertThat(shown).containsEntry("status", "removed").containsEntry("bodyHtml", null);
            assertThat(((Map<?, ?>) shown.get("removal")).get("reason")).isEqualTo("Spam account");
        }
        assertThat(listedIds(thread, null)).containsExactly(first, answer, second);
        assertThat(listed(otherThread, null, kept)).containsEntry("status", "published");
        assertThat(commentCount(thread)).isEqualTo(1);
        assertThat(commentCount(otherThread)).isEqualTo(1);
        long spammerRow = db.rowId(spammer.id());
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'account' AND target_id = ?"
                + " AND action = 'account.remove-comments'", spammerRow)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'comment' AND target_id IN (?, ?, ?)",
                db.rowId(first), db.rowId(second), db.rowId(third))).isZero();
        // each can still be restored on its own
        restore(third, moderator.token()).expectStatus(200);
        assertThat(commentCount(otherThread)).isEqualTo(2);
    }

    @Test
    void aTimeBeyondWhatTheDatabaseStoresIsRefusedWith422AndNothingIsWritten() {
        Api.Session moderator = moderator();
        Api.Session user = api.newUser();
        String before = snapshot();
        for (String until : new String[]{"+999999999-12-31T23:59:59Z", "+1000000000-12-31T23:59:59Z",
                "+294277-01-01T00:00:00Z", "10000-01-01T00:00:00Z"}) {
            Response refused = ban(user.username(), moderator.token(), Map.of("reason", "far future", "until", until));
            assertThat(refused.status()).as(until + ": " + refused.body()).isIn(400, 422);
            assertProblem(refused, refused.status());
        }
        Response farthest = ban(user.username(), moderator.token(),
                Map.of("reason", "far future", "until", "+999999999-12-31T23:59:59Z"));
        assertProblem(farthest, 422);
        assertThat((String) farthest.path("type")).endsWith("/ban-end-out-of-range");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM account WHERE username = ? AND ban_reason IS NULL", user.username()))
                .isEqualTo(1);

        // the last second the forum accepts is stored and read back as sent
        Response latest = ban(user.username(), moderator.token(), Map.of("reason", "for ever, nearly", "until", "9999-12-31T23:59:59Z"));
        latest.expectStatus(200);
        assertThat(Instant.parse(latest.path("until"))).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        lift(user.username(), moderator.token()).expectStatus(200);

        // a page cursor is a client-sent time too: one forged beyond the range is no cursor this server gave out
        String comment = api.postComment(api.newThread(), user.token(), "a comment", null).expectStatus(201).path("id");
        for (String seconds : new String[]{"99999999999999", "-99999999999", "31556889864403199"}) {
            String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("f|" + seconds + "|0|" + comment).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertProblem(api.send(moderator, c -> c.queue("flagged", forged, null)), 400);
        }
    }

    @Test
    void nobodyBansAnAdminModeratorsDoNotBanModeratorsAndUsersBanNobody() {
        Api.Session moderator = moderator();
        Api.Session otherModerator = moderator();
        Api.Session user = api.newUser();
        String admin = api.admin().token();
        String before = snapshot();
        Map<String, Object> request = Map.of("reason", "because");

        assertProblem(ban(Api.ADMIN, moderator.token(), request), 403);
        assertProblem(ban(Api.ADMIN, admin, request), 403);
        assertProblem(ban(otherModerator.username(), moderator.token(), request), 403);
        assertProblem(ban(moderator.username(), moderator.token(), request), 403);
        assertProblem(ban(user.username(), user.token(), request), 403);
        assertProblem(ban(user.username(), null, request), 401);
        assertProblem(lift(user.username(), null), 401);
        assertProblem(lift(user.username(), api.newUser().token()), 403);
        assertProblem(ban("nobody-" + Api.uniqueName("x"), moderator.token(), request), 404);
        assertProblem(lift("nobody-" + Api.uniqueName("x"), moderator.token()), 404);
        assertProblem(ban(user.username(), moderator.token(), Map.of("reason", " ")), 400);
        assertProblem(ban(user.username(), moderator.token(), Map.of()), 400);
        assertProblem(ban(user.username(), moderator.token(), Map.of("reason", "r", "until", "tomorrow")), 400);
        assertProblem(ban(user.username(), moderator.token(),
                Map.of("reason", "r", "until", Instant.now().minusSeconds(60).toString())), 422);
        assertThat(snapshot()).isEqualTo(before);

        // an administrator bans a moderator, whose moderation then stops too
        ban(otherModerator.username(), admin, request).expectStatus(200);
        assertProblem(api.send(otherModerator.token(), c -> c.lock(api.newThread(), new LockRequest(null, null))), 403);
        assertProblem(lift(otherModerator.username(), moderator.token()), 403);
        lift(otherModerator.username(), admin).expectStatus(200);
    }
}
