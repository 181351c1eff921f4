package news.forum.privacy;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.WholeDatabase;
import news.forum.support.Response;
import news.forum.support.SsoTokenSigner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** DELETE /me: the account goes for good, its comments stay as tombstones without text or author. */
@WholeDatabase
class AccountDeletionTest extends ApiTestBase {

    private Response deleteMe(String token, Object body) {
        return body == null ? api.send(token, c -> c.deleteAccount(null))
                : api.call(c -> c.deleteAccount(null)).token(token).body(api.toJson(body)).send();
    }

    private List<Map<String, Object>> listing(String thread) {
        return api.send(c -> c.page(thread, "oldest", "200", null)).list("comments");
    }

    private int commentCount(String thread) {
        return ((Number) api.send(c -> c.thread(thread)).path("commentCount")).intValue();
    }

    @Test
    void aDeletedAccountLeavesTombstonesWithoutTextOrAuthorAndTakesItsVotesAndOpenFlagsWithIt() {
        String thread = api.newThread();
        Api.Session leaver = api.newUser();
        Api.Session other = api.newUser();
        Api.Session moderator = api.newModerator();
        String answered = api.postComment(thread, leaver.token(), "A comment others answered", null).expectStatus(201).path("id");
        String reply = api.postComment(thread, other.token(), "An answer that keeps its place", answered).expectStatus(201).path("id");
        String alone = api.postComment(thread, leaver.token(), "A comment nobody answered", null).path("id");
        String deep = api.postComment(thread, leaver.token(), "My own reply to the answer", reply).path("id");
        String removed = api.postComment(thread, leaver.token(), "Something a moderator removed", null).path("id");
        api.call(c -> c.remove(removed, null)).token(moderator.token()).body(Map.of("reason", "Off topic")).send().expectStatus(200);
        String othersComment = api.postComment(thread, other.token(), "Someone else's comment", null).path("id");
        String flaggedOpen = api.postComment(thread, other.token(), "A comment the leaver reported", null).path("id");
        api.call(c -> c.vote(othersComment, null)).token(leaver.token()).body(Map.of("value", 1)).send().expectStatus(200);
        api.call(c -> c.vote(reply, null)).token(leaver.token()).body(Map.of("value", -1)).send().expectStatus(200);
        api.call(c -> c.vote(othersComment, null)).token(moderator.token()).body(Map.of("value", 1)).send().expectStatus(200);
        api.call(c -> c.flag(flaggedOpen, null)).token(leaver.token()).body(Map.of("reason", "spam")).send().expectStatus(201);
        api.call(c -> c.flag(othersComment, null)).token(leaver.token()).body(Map.of("reason", "other")).send().expectStatus(201);
        api.call(c -> c.approve(othersComment)).token(moderator.token()).body(Map.of()).send().expectStatus(200);
        Api.Session secondSession = api.login(leaver.username(), Api.PASSWORD);
        int countBefore = commentCount(thread);
        long leaverRow = db.rowId(leaver.id());

        // confirmed with the password only: without it a 400, with a wrong one a 403, and nothing changes
        String before = db.snapshot();
        assertProblem(deleteMe(leaver.token(), null), 400);
        assertProblem(deleteMe(leaver.token(), Map.of("password", "not the password at all")), 403);
        assertThat(db.snapshot()).isEqualTo(before);

        deleteMe(leaver.token(), Map.of("password", Api.PASSWORD)).expectStatus(204);

        // every session ends, no token of it is honoured, nobody signs in as it
        assertProblem(api.send(leaver.token(), c -> c.me()), 401);
        assertProblem(api.postComment(thread, secondSession.token(), "still here?", null), 401);
        assertProblem(api.call(c -> c.refresh(null)).body(Map.of("refresh_token", leaver.refreshToken())).send(), 401);
        assertProblem(api.call(c -> c.refresh(null)).body(Map.of("refresh_token", secondSession.refreshToken())).send(), 401);
        assertProblem(api.call(c -> c.login(null)).body(Map.of("username", leaver.username(), "password", Api.PASSWORD)).send(), 401);
        assertThat(db.count("SELECT count(*) FROM refresh_token WHERE account_id = ?", leaverRow)).isZero();

        // tombstones: no text, no author; the one with replies keeps its place, the others leave the listing
        assertThat(db.count("SELECT count(*) FROM comment WHERE author_id = ?", leaverRow)).isZero();
        for (String id : List.of(answered, alone, deep, removed)) {
            assertThat(db.count("SELECT count(*) FROM comment WHERE id = ? AND author_id IS NULL AND body = ''"
                    + " AND body_html = '' AND deleted_at IS NOT NULL", db.rowId(id))).as(id).isEqualTo(1);
        }
        List<Map<String, Object>> listed = listing(thread);
        assertThat(listed).extracting(c -> c.get("id")).containsExactly(answered, reply, othersComment, flaggedOpen);
        assertThat(listed.get(0)).containsEntry("deleted", true).containsEntry("author", null).containsEntry("bodyHtml", null);
        assertThat(listed.get(1)).containsEntry("parentId", answered).containsEntry("replyCount", 0);
        assertThat(((Number) listed.get(0).get("replyCount")).intValue()).isEqualTo(1);
        assertThat(api.send(c -> c.page(thread, null, "200", null)).body())
                .doesNotContain(leaver.username()).doesNotContain("A comment others answered");
        // three counted comments went (the removed one counted already nowhere)
        assertThat(commentCount(thread)).isEqualTo(countBefore - 3);
        // a moderator's removal record stays, without the text
        assertThat(db.count("SELECT count(*) FROM comment WHERE id = ? AND removed_at IS NOT NULL AND removal_reason = 'Off topic'",
                db.rowId(removed))).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'comment.remove' AND target_id = ?",
                db.rowId(removed))).isEqualTo(1);

        // votes gone and scores moved back; the open flag gone and uncounted, the resolved one kept in the history
        assertThat(db.count("SELECT count(*) FROM comment_vote WHERE account_id = ?", leaverRow)).isZero();
        assertThat(((Number) api.send(c -> c.comment(othersComment)).path("score")).intValue()).isEqualTo(1);
        assertThat(((Number) api.send(c -> c.comment(reply)).path("score")).intValue()).isZero();
        assertThat(db.count("SELECT count(*) FROM comment_flag WHERE account_id = ? AND resolved_at IS NULL", leaverRow)).isZero();
        assertThat(db.count("SELECT flag_count FROM comment WHERE id = ?", db.rowId(flaggedOpen))).isZero();
        assertThat(db.count("SELECT count(*) FROM comment_flag WHERE account_id = ? AND resolved_at IS NOT NULL", leaverRow)).isEqualTo(1);

        // the name stays reserved, look-alikes included; the account row keeps nothing else; audited
        assertProblem(api.register(leaver.username(), Api.PASSWORD), 409);
        assertProblem(api.register(leaver.username().toUpperCase(), Api.PASSWORD), 409);
        assertThat(db.count("SELECT count(*) FROM account WHERE id = ? AND deleted_at IS NOT NULL AND NOT erasure_pending"
                + " AND password_hash IS NULL AND email IS NULL AND sso_subject IS NULL AND role = 'USER'"
                + " AND display_name = username", leaverRow)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'account.delete' AND target_type = 'account'"
                + " AND target_id = ? AND actor_id = ?", leaverRow, leaverRow)).isEqualTo(1);
        assertCountsAddUp(thread);

        // readers following the thread saw each listed comment go
        assertThat(db.count("SELECT count(*) FROM thread_event WHERE type = 'comment.deleted' AND comment_id IN (?, ?, ?)",
                db.rowId(answered), db.rowId(alone), db.rowId(deep))).isEqualTo(3);
    }

    @Test
    void anAccountThePublisherSignsInLeavesWithoutAPasswordAndABannedOneMayLeaveToo() {
        SsoTokenSigner publisher = SsoTokenSigner.hs256(SsoTokenSigner.SECRET);
        String audience = SsoTokenSigner.AUDIENCE;
        String subject = "leaver-" + UUID.randomUUID();
        Response signedIn = api.call(c -> c.signIn(null)).body(Map.of("token",
                publisher.sign(SsoTokenSigner.claims(audience, subject, Api.uniqueName("ssoleaver"), "Leaver").build()))).send();
        String token = signedIn.expectStatus(200).path("access_token");
        String thread = api.newThread();
        api.postComment(thread, token, "Signed in by the publisher", null).expectStatus(201);
        api.call(c -> c.ban(signedIn.path("account.username"), null)).token(api.admin().token()).body(Map.of("reason", "Rude")).send().expectStatus(200);

        deleteMe(token, null).expectStatus(204);
        assertThat(db.count("SELECT count(*) FROM account WHERE sso_subject = ?", subject)).isZero();
        assertThat(db.count("SELECT count(*) FROM comment WHERE author_id = ?", db.rowId(signedIn.path("account.id")))).isZero();
        // signing in again at the publisher makes a new account: the old one and its name are gone for good
        Response again = api.call(c -> c.signIn(null)).body(Map.of("token",
                publisher.sign(SsoTokenSigner.claims(audience, subject, signedIn.path("account.username"), "Back").build()))).send();
        again.expectStatus(200);
        assertThat((String) again.path("account.id")).isNotEqualTo(signedIn.path("account.id"));
        assertThat((String) again.path("account.username")).isNotEqualTo(signedIn.path("account.username"));
        assertThat((Object) again.path("account.ban")).isNull();
    }

    @Test
    void anAdministratorMayLeaveWhileAnotherRemains() {
        Api.Session admin = api.newUser();
        api.call(c -> c.changeRole(admin.username(), null)).token(api.admin().token()).body(Map.of("role", "ADMIN")).send().expectStatus(200);
        deleteMe(admin.token(), Map.of("password", Api.PASSWORD)).expectStatus(204);
        assertThat(db.count("SELECT count(*) FROM account WHERE id = ? AND role = 'USER' AND deleted_at IS NOT NULL",
                db.rowId(admin.id()))).isEqualTo(1);
    }

    @Test
    void theLastAdministratorCannotLeaveAndNothingIsWrittenWhenRefused() {
        Api.Session admin = api.admin();
        assertThat(db.count("SELECT count(*) FROM account WHERE role = 'ADMIN'")).as("the suite's one ADMIN").isEqualTo(1);
        String before = db.snapshot();
        Response refused = deleteMe(admin.token(), Map.of("password", Api.ADMIN_PASSWORD));
        assertProblem(refused, 409);
        assertThat((String) refused.path("type")).endsWith("/last-admin");
        assertThat((String) refused.path("detail")).contains("only administrator");
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat((String) api.send(admin.token(), c -> c.me()).path("role")).isEqualTo("ADMIN");
        assertThat(db.count("SELECT count(*) FROM account WHERE username = ? AND deleted_at IS NULL", Api.ADMIN)).isEqualTo(1);
    }

    /**
     * Two administrators the publisher signs in (no password to check, so both deletions reach the database at
     * the same moment) leave at once while they are the only ones: one goes, the other is the last and stays.
     */
    @Test
    void ofTheOnlyTwoAdministratorsLeavingAtOnceOneStays() throws Exception {
        SsoTokenSigner publisher = SsoTokenSigner.hs256(SsoTokenSigner.SECRET);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<Response> admins = new ArrayList<>();
                for (String who : List.of("first", "second")) {
                    Response signedIn = api.call(c -> c.signIn(null)).body(Map.of("token", publisher.sign(SsoTokenSigner.claims(
                            SsoTokenSigner.AUDIENCE, "admin-" + UUID.randomUUID(), Api.uniqueName(who), who).build()))).send();
                    signedIn.expectStatus(200);
                    api.call(c -> c.changeRole(signedIn.path("account.username"), null)).token(api.admin().token()).body(Map.of("role", "ADMIN")).send().expectStatus(200);
                    admins.add(signedIn);
                }
                String firstToken = admins.get(0).path("access_token");
                String secondToken = admins.get(1).path("access_token");
                // the suite's ADMIN steps aside, so these two are the only administrators
                api.call(c -> c.changeRole(Api.ADMIN, null)).token(firstToken).body(Map.of("role", "MODERATOR")).send().expectStatus(200);
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> first = pool.submit(() -> { start.await(); return deleteMe(firstToken, null).status(); });
                Future<Integer> second = pool.submit(() -> { start.await(); return deleteMe(secondToken, null).status(); });
                start.countDown();
                List<Integer> statuses = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(204, 409);
                assertThat(db.count("SELECT count(*) FROM account WHERE role = 'ADMIN' AND deleted_at IS NULL")).isEqualTo(1);

                // the one who stayed gives the suite's ADMIN the role back and may then leave
                String stayer = statuses.get(0) == 409 ? firstToken : secondToken;
                api.call(c -> c.changeRole(Api.ADMIN, null)).token(stayer).body(Map.of("role", "ADMIN")).send().expectStatus(200);
                deleteMe(stayer, null).expectStatus(204);
                assertThat(db.count("SELECT count(*) FROM account WHERE role = 'ADMIN'")).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every reply count is the number of listed children, every thread's count its counted comments. */
    private void assertCountsAddUp(String thread) {
        long threadRow = db.rowId(thread);
        assertThat(db.count("""
                SELECT count(*) FROM comment p WHERE p.thread_id = ? AND p.reply_count <> (
                    SELECT count(*) FROM comment c WHERE c.parent_id = p.id
                      AND (c.reply_count > 0 OR (c.deleted_at IS NULL AND c.review_state IS DISTINCT FROM 'pending')))""",
                threadRow)).isZero();
        assertThat(db.count("""
                SELECT count(*) FROM thread t WHERE t.id = ? AND t.comment_count <> (
                    SELECT count(*) FROM comment c WHERE c.thread_id = t.id AND c.deleted_at IS NULL
                      AND c.removed_at IS NULL AND c.review_state IS NULL)""", threadRow)).isZero();
    }
}
