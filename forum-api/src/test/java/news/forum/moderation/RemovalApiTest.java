package news.forum.moderation;

import news.forum.comment.EditCommentRequest;
import news.forum.comment.VoteRequest;
import news.forum.support.Api;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WholeDatabase
class RemovalApiTest extends ModerationTestBase {

    @Test
    void aRemovedCommentShowsToEveryReaderAsRemovedWithTheReasonAndItsRepliesStayInPlace() {
        String thread = api.newThread();
        Api.Session author = api.newUser();
        Api.Session replier = api.newUser();
        Api.Session moderator = moderator();
        String top = api.postComment(thread, author.token(), "Buy cheap watches at my site", null).path("id");
        String reply = api.postComment(thread, replier.token(), "Nobody wants your watches", top).path("id");

        Response removed = remove(top, moderator.token(), "spam");
        removed.expectStatus(200);
        assertThat((String) removed.path("status")).isEqualTo("removed");
        assertThat((String) removed.path("removal.reason")).isEqualTo("spam");
        assertThat((String) removed.path("bodyHtml")).contains("cheap watches");

        for (String reader : new String[]{null, replier.token()}) {
            Map<String, Object> shown = listed(thread, reader, top);
            assertThat(shown).containsEntry("status", "removed").containsEntry("deleted", true)
                    .containsEntry("author", null).containsEntry("bodyHtml", null).containsEntry("replyCount", 1);
            assertThat(shown.get("removal")).isEqualTo(Map.of("reason", "spam", "removedAt", removed.path("removal.removedAt")));
            assertThat(api.send(reader, c -> c.comment(top)).body()).doesNotContain("watches")
                    .doesNotContain(author.username());
            assertThat(listedIds(thread, reader)).containsExactly(top, reply);
        }
        assertThat(listed(thread, moderator.token(), top)).containsEntry("status", "removed")
                .containsEntry("bodyHtml", removed.path("bodyHtml"));
        assertThat(listed(thread, author.token(), top).get("bodyHtml")).isEqualTo(removed.path("bodyHtml"));
        assertThat(commentCount(thread)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM comment WHERE id = ? AND body = 'Buy cheap watches at my site'",
                db.rowId(top))).isEqualTo(1);
    }

    @Test
    void removalAndRestoreRoundTripExactlyForEveryReaderAndTheCounters() {
        String thread = api.newThread();
        Api.Session author = api.newUser();
        Api.Session other = api.newUser();
        Api.Session moderator = moderator();
        String a = api.postComment(thread, author.token(), "first", null).path("id");
        String b = api.postComment(thread, other.token(), "reply to first", a).path("id");
        api.postComment(thread, author.token(), "reply to reply", b).expectStatus(201);
        String c = api.postComment(thread, other.token(), "second", null).path("id");
        api.send(other.token(), client -> client.vote(a, new VoteRequest(BigDecimal.valueOf(1)))).expectStatus(200);

        List<String> readers = java.util.Arrays.asList(null, author.token(), other.token(), moderator.token());
        Map<String, List<Map<String, Object>>> before = new java.util.HashMap<>();
        for (String reader : readers) {
            before.put(String.valueOf(reader), listing(thread, reader));
        }
        Map<String, Long> countsBefore = storedCounts(thread);

        for (String victim : List.of(a, b, c)) {
            remove(victim, moderator.token(), "off topic").expectStatus(200);
        }
        assertThat(commentCount(thread)).isEqualTo(1);
        assertThat(listing(thread, null)).hasSize(4);
        for (String victim : List.of(c, b, a)) {
            Response restored = restore(victim, moderator.token());
            restored.expectStatus(200);
            assertThat((String) restored.path("status")).isEqualTo("published");
            assertThat((Object) restored.path("removal")).isNull();
        }

        for (String reader : readers) {
            assertThat(listing(thread, reader)).as("as %s", reader).isEqualTo(before.get(String.valueOf(reader)));
        }
        assertThat(storedCounts(thread)).isEqualTo(countsBefore);
    }

    @Test
    void removalAndRestoreAreIdempotentAndEachChangeIsAuditedOnce() {
        String thread = api.newThread();
        String comment = api.postComment(thread, api.newUser().token(), "rude words", null).path("id");
        Api.Session moderator = moderator();
        long row = db.rowId(comment);

        remove(comment, moderator.token(), "abuse").expectStatus(200);
        remove(comment, moderator.token(), "abuse").expectStatus(200);
        assertThat(commentCount(thread)).isZero();
        Response changed = remove(comment, moderator.token(), "abuse of another reader");
        changed.expectStatus(200);
        assertThat((String) changed.path("removal.reason")).isEqualTo("abuse of another reader");
        assertThat(commentCount(thread)).isZero();
        restore(comment, moderator.token()).expectStatus(200);
        restore(comment, moderator.token()).expectStatus(200);
        assertThat(commentCount(thread)).isEqualTo(1);

        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'comment' AND target_id = ?"
                + " AND action = 'comment.remove' AND actor_id = ?", row, db.rowId(moderator.id()))).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'comment' AND target_id = ?"
                + " AND action = 'comment.restore'", row)).isEqualTo(1);
    }

    @Test
    void aRemovedCommentCanNeitherBeEditedNorDeletedByItsAuthorNorAnswered() {
        String thread = api.newThread();
        Api.Session author = api.newUser();
        String comment = api.postComment(thread, author.token(), "evidence", null).path("id");
        remove(comment, moderator().token(), "harassment").expectStatus(200);
        String before = snapshot();

        assertProblem(api.send(author.token(), c -> c.edit(comment, new EditCommentRequest("innocent"))), 409);
        assertProblem(api.send(author.token(), c -> c.delete(comment)), 409);
        Response reply = api.postComment(thread, api.newUser().token(), "what did it say?", comment);
        assertProblem(reply, 422);
        assertThat((String) reply.path("detail")).contains("removed");
        assertProblem(api.send(api.newUser().token(), c -> c.vote(comment, new VoteRequest(BigDecimal.valueOf(1)))), 409);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void onlyModeratorsRemoveAndRestoreAndBadRequestsChangeNothing() {
        String thread = api.newThread();
        Api.Session author = api.newUser();
        String comment = api.postComment(thread, author.token(), "a comment", null).path("id");
        String moderator = moderator().token();
        String deleted = api.postComment(thread, author.token(), "gone", null).path("id");
        api.send(author.token(), c -> c.delete(deleted)).expectStatus(204);
        String before = snapshot();

        assertProblem(remove(comment, null, "spam"), 401);
        assertProblem(restore(comment, null), 401);
        assertProblem(remove(comment, author.token(), "spam"), 403);
        assertProblem(remove(comment, api.newUser().token(), "spam"), 403);
        assertProblem(restore(comment, api.newUser().token()), 403);
        assertProblem(remove("nosuchcomment", moderator, "spam"), 404);
        assertProblem(remove("AAAAAAAAAAA", moderator, "spam"), 404);
        assertProblem(remove(deleted, moderator, "spam"), 404);
        assertProblem(restore(deleted, moderator), 404);
        assertProblem(approve(comment, null), 401);
        assertProblem(approve(comment, author.token()), 403);
        assertProblem(approve("AAAAAAAAAAA", moderator), 404);
        assertProblem(approve(deleted, moderator), 404);
        assertProblem(remove(comment, moderator, "   "), 400);
        assertProblem(remove(comment, moderator, "x".repeat(501)), 400);
        assertProblem(remove(comment, moderator, "line\nbreak"), 400);
        assertProblem(api.call(c -> c.remove(comment, null)).token(moderator).body(Map.of()).send(), 400);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(listed(thread, null, comment)).containsEntry("status", "published");
    }
}
