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
class PremoderationApiTest extends ModerationTestBase {

    @Test
    void aHeldCommentIsSeenOnlyByItsAuthorAndModeratorsAndCountsNowhereUntilApproved() {
        String thread = premoderatedThread();
        Api.Session moderator = moderator();
        Api.Session author = api.newUser();
        Api.Session reader = api.newUser();
        String top = api.postComment(thread, moderator.token(), "Moderators are not held", null).expectStatus(201).path("id");
        Map<String, Long> countsBefore = storedCounts(thread);

        Response held = api.postComment(thread, author.token(), "My first comment here", top);
        held.expectStatus(202);
        String reply = held.path("id");
        assertThat(held.header("Location")).isEqualTo(Api.route(c -> c.comment(reply)).path());
        assertThat((String) held.path("status")).isEqualTo("pending");
        assertThat((String) held.path("bodyHtml")).contains("My first comment here");

        for (String other : new String[]{null, reader.token()}) {
            assertThat(listedIds(thread, other)).containsExactly(top);
            assertThat(listed(thread, other, top)).containsEntry("replyCount", 0);
            assertProblem(api.send(other, c -> c.comment(reply)), 404);
        }
        assertThat(listed(thread, author.token(), reply)).containsEntry("status", "pending").containsEntry("deleted", false);
        assertThat((String) api.send(author.token(), c -> c.comment(reply)).expectStatus(200).path("status"))
                .isEqualTo("pending");
        Map<String, Object> seenByModerator = listed(thread, moderator.token(), reply);
        assertThat(seenByModerator).containsEntry("status", "pending");
        assertThat(((Map<?, ?>) seenByModerator.get("review")).get("holdReason")).isEqualTo(Premoderation.ALL);
        assertThat(commentCount(thread)).isEqualTo(1);
        assertThat(storedCounts(thread)).isEqualTo(countsBefore);

        Map<String, Object> queued = readQueue("pending", moderator.token()).stream()
                .filter(i -> reply.equals(((Map<?, ?>) i.get("comment")).get("id"))).findFirst().orElseThrow();
        assertThat(queued.get("holdReason")).isEqualTo(Premoderation.ALL);
        assertThat(((Map<?, ?>) queued.get("thread")).get("id")).isEqualTo(thread);
        assertThat(queued.get("flags")).isEqualTo(List.of());

        Response approved = approve(reply, moderator.token());
        approved.expectStatus(200);
        assertThat((String) approved.path("status")).isEqualTo("published");
        approve(reply, moderator.token()).expectStatus(200);
        for (String other : new String[]{null, reader.token()}) {
            assertThat(listedIds(thread, other)).containsExactly(top, reply);
            assertThat(listed(thread, other, top)).containsEntry("replyCount", 1);
            assertThat(listed(thread, other, reply)).containsEntry("status", "published");
        }
        assertThat(commentCount(thread)).isEqualTo(2);
        assertThat(readQueue("pending", moderator.token())).noneMatch(i -> reply.equals(((Map<?, ?>) i.get("comment")).get("id")));
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'comment.approve' AND target_id = ?",
                db.rowId(reply))).isEqualTo(1);
    }

    @Test
    void rejectingIsARemovalThatAReaderNeverSeesAndARestoreReturnsItToTheQueue() {
        String thread = premoderatedThread();
        Api.Session moderator = moderator();
        Api.Session author = api.newUser();
        String held = api.postComment(thread, author.token(), "Visit my shop", null).expectStatus(202).path("id");

        Response rejected = remove(held, moderator.token(), "advertising");
        rejected.expectStatus(200);
        assertThat(readQueue("pending", moderator.token())).noneMatch(i -> held.equals(((Map<?, ?>) i.get("comment")).get("id")));
        assertThat(listedIds(thread, null)).isEmpty();
        assertThat(listedIds(thread, api.newUser().token())).isEmpty();
        Map<String, Object> seenByAuthor = listed(thread, author.token(), held);
        assertThat(seenByAuthor).containsEntry("status", "removed");
        assertThat(((Map<?, ?>) seenByAuthor.get("removal")).get("reason")).isEqualTo("advertising");
        assertProblem(approve(held, moderator.token()), 409);
        assertThat(commentCount(thread)).isZero();

        restore(held, moderator.token()).expectStatus(200);
        assertThat(listed(thread, author.token(), held)).containsEntry("status", "pending");
        assertThat(readQueue("pending", moderator.token())).anyMatch(i -> held.equals(((Map<?, ?>) i.get("comment")).get("id")));
        assertThat(listedIds(thread, null)).isEmpty();
        assertThat(commentCount(thread)).isZero();
    }

    @Test
    void aHeldCommentTakesNoRepliesVotesOrFlagsFromReadersWhoCannotSeeIt() {
        String thread = premoderatedThread();
        Api.Session author = api.newUser();
        String held = api.postComment(thread, author.token(), "wait for it", null).expectStatus(202).path("id");
        String before = snapshot();
        assertProblem(api.postComment(thread, author.token(), "replying to myself", held), 422);
        assertProblem(api.send(api.newUser().token(), c -> c.vote(held, new VoteRequest(BigDecimal.valueOf(1)))), 404);
        assertProblem(flag(held, api.newUser().token(), "spam"), 404);
        assertThat(snapshot()).isEqualTo(before);
        // its author may still edit it while it waits (202: it goes on waiting)
        Response edited = api.send(author.token(), c -> c.edit(held, new EditCommentRequest("wait for it, please")));
        edited.expectStatus(202);
        assertThat((String) edited.path("status")).isEqualTo("pending");
    }

    @Test
    void aReplyApprovedAfterItsParentWasDeletedBringsTheTombstoneBackAboveIt() {
        String thread = api.newThread();
        Api.Session parentAuthor = api.newUser();
        String root = api.postComment(thread, parentAuthor.token(), "root", null).path("id");
        String parent = api.postComment(thread, parentAuthor.token(), "parent", root).path("id");
        Api.Session moderator = moderator();
        settings(thread, moderator.token(), Map.of("premoderation", "all")).expectStatus(200);
        String reply = api.postComment(thread, api.newUser().token(), "late reply", parent).expectStatus(202).path("id");

        api.send(parentAuthor.token(), c -> c.delete(parent)).expectStatus(204);
        assertThat(listedIds(thread, null)).containsExactly(root);
        assertThat(listed(thread, null, root)).containsEntry("replyCount", 0);

        approve(reply, moderator.token()).expectStatus(200);
        assertThat(listedIds(thread, null)).containsExactly(root, parent, reply);
        assertThat(listed(thread, null, root)).containsEntry("replyCount", 1);
        assertThat(listed(thread, null, parent)).containsEntry("status", "deleted").containsEntry("replyCount", 1);
        assertThat(commentCount(thread)).isEqualTo(2);
    }

    @Test
    void newAccountsWaitUntilTheyAreOldEnoughAndHaveEnoughApprovedComments() {
        String thread = api.newThread();
        Api.Session moderator = moderator();
        settings(thread, moderator.token(), Map.of("premoderation", "new_accounts")).expectStatus(200);
        assertThat((String) api.send(c -> c.thread(thread)).path("premoderation")).isEqualTo("new_accounts");
        Api.Session newcomer = api.newUser();

        for (int i = 0; i < 3; i++) {
            Response held = api.postComment(thread, newcomer.token(), "comment " + i, null);
            held.expectStatus(202);
            assertThat(readQueue("pending", moderator.token()).stream()
                    .filter(q -> held.path("id").equals(((Map<?, ?>) q.get("comment")).get("id")))
                    .map(q -> q.get("holdReason"))).containsExactly(Premoderation.NEW_ACCOUNT);
            approve(held.path("id"), moderator.token()).expectStatus(200);
        }
        // three approved comments, but the account is younger than the configured 72 hours
        api.postComment(thread, newcomer.token(), "still new", null).expectStatus(202);
        // the clock moves on: the account was made four days ago
        db.update("UPDATE account SET created_at = now() - interval '4 days' WHERE id = ?", db.rowId(newcomer.id()));
        api.postComment(thread, newcomer.token(), "now trusted", null).expectStatus(201);

        Api.Session oldButSilent = api.newUser();
        db.update("UPDATE account SET created_at = now() - interval '4 days' WHERE id = ?", db.rowId(oldButSilent.id()));
        api.postComment(thread, oldButSilent.token(), "first words", null).expectStatus(202);
    }

    @Test
    void aRuleThatGivesAReasonHoldsTheCommentWithThatReasonInAnUnmoderatedThread() {
        String thread = api.newThread();
        Api.Session moderator = moderator();
        Response held = api.postComment(thread, api.newUser().token(), "text with " + HoldingRuleForTests.MARKER, null);
        held.expectStatus(202);
        assertThat((String) held.path("status")).isEqualTo("pending");
        assertThat(listedIds(thread, null)).isEmpty();
        assertThat(readQueue("pending", moderator.token()).stream()
                .filter(q -> held.path("id").equals(((Map<?, ?>) q.get("comment")).get("id")))
                .map(q -> q.get("holdReason"))).containsExactly(HoldingRuleForTests.REASON);
        api.postComment(thread, api.newUser().token(), "an ordinary comment", null).expectStatus(201);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswers202AgainWithTheSameHeldComment() {
        String thread = premoderatedThread();
        Api.Session author = api.newUser();
        String body = api.toJson(Map.of("body", "held once"));
        Response first = api.call(c -> c.post(thread, null, "held-key-1")).as(author).body(body).send();
        first.expectStatus(202);
        Response retry = api.call(c -> c.post(thread, null, "held-key-1")).as(author).body(body).send();
        retry.expectStatus(202);
        assertThat((String) retry.path("id")).isEqualTo(first.path("id"));
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isEqualTo(1);
    }

    @Test
    void theQueueIsForModeratorsOnlyAndItsParametersAreChecked() {
        String thread = premoderatedThread();
        Api.Session moderator = moderator();
        List<String> held = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(api.postComment(thread, api.newUser().token(), "held " + i, null).expectStatus(202).path("id"));
        }
        assertProblem(api.send(c -> c.queue(null, null, null)), 401);
        assertProblem(api.send(api.newUser(), c -> c.queue(null, null, null)), 403);
        assertProblem(api.send(moderator, c -> c.queue("everything", null, null)), 400);
        assertProblem(api.send(moderator, c -> c.queue(null, null, "0")), 400);
        assertProblem(api.send(moderator, c -> c.queue(null, null, "101")), 400);
        assertProblem(api.send(moderator, c -> c.queue(null, "garbage!", null)), 400);
        String flaggedCursor = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("f|1|0|" + held.get(0)).getBytes());
        assertProblem(api.send(moderator, c -> c.queue("pending", flaggedCursor, null)), 400);

        // keyset pages, oldest first: the three held comments come in the order they were posted
        List<String> order = readQueue("pending", moderator.token()).stream()
                .map(i -> (String) ((Map<?, ?>) i.get("comment")).get("id")).toList();
        assertThat(order).containsSubsequence(held);
        Response firstPage = api.send(moderator, c -> c.queue("pending", null, "1"));
        firstPage.expectStatus(200);
        assertThat(firstPage.list("items")).hasSize(1);
        Response secondPage = api.send(moderator, c -> c.queue("pending", firstPage.path("next"), "1"));
        assertThat(order.indexOf(((Map<?, ?>) secondPage.list("items").get(0).get("comment")).get("id")))
                .isEqualTo(order.indexOf(((Map<?, ?>) firstPage.list("items").get(0).get("comment")).get("id")) + 1);
    }
}
