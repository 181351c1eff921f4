package news.forum.moderation;

import news.forum.comment.EditCommentRequest;
import news.forum.support.Api;
import news.forum.support.EventStream;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edit passes the rules a new comment passes. A refused edit keeps the old text and changes nothing; an edit a
 * rule holds sends the comment back to review: readers keep the text they saw (the replies answer it), its author
 * and moderators see the edit waiting, and an approval swaps it in, the comment keeping its place and its counts.
 * The whole database is compared around refusals, and the word rules are everyone's: the class runs alone.
 */
@WholeDatabase
class EditRulesTest extends ModerationTestBase {

    private static final String FOUR_LINKS =
            "see https://a.example/4, https://b.example/5, https://c.example/6 and https://d.example/7";

    @AfterEach
    void noRulesLeftForOtherTests() {
        words(List.of(), List.of());
    }

    @Test
    void anEditIntoARejectedWordIsRefusedNamingItAndTheOldTextStays() {
        words(List.of("Quorvexian"), List.of());
        String thread = api.newThread();
        Api.Session author = api.newUser();
        String comment = api.postComment(thread, author.token(), "A clean comment", null).expectStatus(201).path("id");
        Api.Session moderator = moderator();
        String own = api.postComment(thread, moderator.token(), "A moderator's note", null).expectStatus(201).path("id");
        String before = snapshot() + bodies(comment) + bodies(own);

        Response refused = edit(comment, author, "Now with QUORVEXIAN in it");
        assertProblem(refused, 422);
        assertThat((String) refused.path("detail")).contains("Quorvexian");
        // a moderator's edit is refused alike: only holding spares them
        assertProblem(edit(own, moderator, "quorvexian"), 422);

        assertThat(snapshot() + bodies(comment) + bodies(own)).isEqualTo(before);
        assertThat(api.anonymous().comment(comment).bodyHtml()).isEqualTo("<p>A clean comment</p>");
        assertThat(api.as(author).comment(comment).bodyHtml()).isEqualTo("<p>A clean comment</p>");
    }

    @Test
    void anEditWithAHoldWordWaitsForReviewWhileReadersKeepTheTextTheySawAndApprovalSwapsItIn() throws Exception {
        words(List.of(), List.of("Zelmirath"));
        String thread = api.newThread();
        Api.Session author = api.newUser();
        Api.Session reader = api.newUser();
        Api.Session moderator = moderator();
        String comment = api.postComment(thread, author.token(), "What I first wrote", null).expectStatus(201).path("id");
        String reply = api.postComment(thread, reader.token(), "I agree with what you wrote", comment)
                .expectStatus(201).path("id");
        Map<String, Long> counts = storedCounts(thread);

        try (EventStream events = EventStream.open(api.base(), EventStream.path(thread)).awaitOpen()) {
            Response held = edit(comment, author, "Ask Zelmirath instead");
            held.expectStatus(202);
            assertThat((String) held.path("status")).isEqualTo("pending");
            assertThat((String) held.path("bodyHtml")).isEqualTo("<p>Ask Zelmirath instead</p>");

            for (String other : new String[]{null, reader.token()}) {
                Map<String, Object> seen = listed(thread, other, comment);
                assertThat(seen).containsEntry("status", "published").containsEntry("bodyHtml", "<p>What I first wrote</p>")
                        .containsEntry("editedAt", null).containsEntry("replyCount", 1);
                assertThat(listedIds(thread, other)).containsExactly(comment, reply);
            }
            assertThat(listed(thread, author.token(), comment)).containsEntry("status", "pending")
                    .containsEntry("bodyHtml", "<p>Ask Zelmirath instead</p>");
            assertThat(api.as(author).source(comment).body()).isEqualTo("Ask Zelmirath instead");
            Map<String, Object> asModerator = listed(thread, moderator.token(), comment);
            assertThat(asModerator).containsEntry("status", "pending").containsEntry("bodyHtml", "<p>Ask Zelmirath instead</p>");
            assertThat(((Map<?, ?>) asModerator.get("review")).get("publishedBodyHtml")).isEqualTo("<p>What I first wrote</p>");
            Map<String, Object> queued = queued(comment, moderator);
            assertThat((String) queued.get("holdReason")).contains("Zelmirath");
            assertThat(storedCounts(thread)).isEqualTo(counts);
            assertThat(commentCount(thread)).isEqualTo(2);
            // readers saw no change, so nothing went out live
            assertThat(events.poll(java.time.Duration.ofMillis(300))).isNull();

            approve(comment, moderator.token()).expectStatus(200);

            EventStream.Received updated = events.next();
            assertThat(updated.name()).isEqualTo("comment.updated");
            assertThat(updated.data()).contains("Ask Zelmirath instead");
        }
        Map<String, Object> seen = listed(thread, null, comment);
        assertThat(seen).containsEntry("status", "published").containsEntry("bodyHtml", "<p>Ask Zelmirath instead</p>");
        assertThat(seen.get("editedAt")).isNotNull();
        assertThat(listedIds(thread, null)).containsExactly(comment, reply);
        assertThat(storedCounts(thread)).isEqualTo(counts);
        assertThat(readQueue("pending", moderator.token())).noneMatch(i -> comment.equals(((Map<?, ?>) i.get("comment")).get("id")));
        assertThat(db.count("SELECT count(*) FROM comment WHERE pending_body IS NOT NULL AND id = ?", db.rowId(comment))).isZero();
    }

    @Test
    void tooManyLinksOrPreModerationSendAnApprovedCommentBackToReview() {
        String thread = api.newThread();
        Api.Session author = api.newUser();
        Api.Session moderator = moderator();
        String linked = api.postComment(thread, author.token(), "One link: https://a.example/1", null)
                .expectStatus(201).path("id");
        Response held = edit(linked, author, FOUR_LINKS);
        held.expectStatus(202);
        assertThat((String) queued(linked, moderator).get("holdReason")).contains("4 links");
        assertThat((String) listed(thread, null, linked).get("bodyHtml")).contains("https://a.example/1").doesNotContain("d.example");

        String premoderated = premoderatedThread();
        String approved = api.postComment(premoderated, author.token(), "Fine words", null).expectStatus(202).path("id");
        approve(approved, moderator.token()).expectStatus(200);
        Map<String, Long> counts = storedCounts(premoderated);
        Response spam = edit(approved, author, "Buy my pills, now edited in");
        spam.expectStatus(202);
        assertThat((String) queued(approved, moderator).get("holdReason")).isEqualTo(Premoderation.ALL);
        assertThat(listed(premoderated, null, approved)).containsEntry("bodyHtml", "<p>Fine words</p>")
                .containsEntry("status", "published");
        assertThat(storedCounts(premoderated)).isEqualTo(counts);
        assertThat(commentCount(premoderated)).isEqualTo(1);

        // a comment still waiting for its first review gets the new text and waits on
        String waiting = api.postComment(premoderated, author.token(), "Not yet reviewed", null).expectStatus(202).path("id");
        edit(waiting, author, "Not yet reviewed, edited").expectStatus(202);
        assertThat(listedIds(premoderated, null)).containsExactly(approved);
        assertThat(listed(premoderated, author.token(), waiting)).containsEntry("status", "pending")
                .containsEntry("bodyHtml", "<p>Not yet reviewed, edited</p>");
        assertThat(commentCount(premoderated)).isEqualTo(1);
    }

    @Test
    void moderatorsAreNotHeldAndALaterCleanEditReplacesTheHeldOne() {
        words(List.of(), List.of("Zelmirath"));
        String thread = api.newThread();
        Api.Session moderator = moderator();
        String note = api.postComment(thread, moderator.token(), "A moderator's note", null).expectStatus(201).path("id");
        edit(note, moderator, "A warning about Zelmirath: " + FOUR_LINKS).expectStatus(200);
        assertThat((String) listed(thread, null, note).get("bodyHtml")).contains("Zelmirath");

        Api.Session author = api.newUser();
        String comment = api.postComment(thread, author.token(), "Original", null).expectStatus(201).path("id");
        edit(comment, author, "Zelmirath again").expectStatus(202);
        Response clean = edit(comment, author, "Second thoughts, all clean");
        clean.expectStatus(200);
        assertThat((String) clean.path("status")).isEqualTo("published");
        assertThat(listed(thread, null, comment)).containsEntry("bodyHtml", "<p>Second thoughts, all clean</p>");
        assertThat(readQueue("pending", moderator.token())).noneMatch(i -> comment.equals(((Map<?, ?>) i.get("comment")).get("id")));
    }

    @Test
    void removalAndRestoreOfACommentWithAHeldEditAreExact() {
        words(List.of(), List.of("Zelmirath"));
        String thread = api.newThread();
        Api.Session author = api.newUser();
        Api.Session moderator = moderator();
        String comment = api.postComment(thread, author.token(), "Readers see this", null).expectStatus(201).path("id");
        api.postComment(thread, api.newUser().token(), "A reply", comment).expectStatus(201);
        edit(comment, author, "Zelmirath is here").expectStatus(202);
        Map<String, Long> counts = storedCounts(thread);

        remove(comment, moderator.token(), "spam").expectStatus(200);
        assertThat(listed(thread, null, comment)).containsEntry("status", "removed").containsEntry("bodyHtml", null);
        assertThat(readQueue("pending", moderator.token())).noneMatch(i -> comment.equals(((Map<?, ?>) i.get("comment")).get("id")));
        assertProblem(edit(comment, author, "Anything"), 409);

        restore(comment, moderator.token()).expectStatus(200);
        assertThat(listed(thread, null, comment)).containsEntry("status", "published").containsEntry("bodyHtml", "<p>Readers see this</p>");
        assertThat(listed(thread, author.token(), comment)).containsEntry("status", "pending");
        assertThat(queued(comment, moderator)).isNotNull();
        assertThat(storedCounts(thread)).isEqualTo(counts);

        // deleting it wipes the held edit with the text
        api.send(author, c -> c.delete(comment)).expectStatus(204);
        assertThat(db.count("SELECT count(*) FROM comment WHERE id = ? AND pending_body IS NULL AND body = ''",
                db.rowId(comment))).isEqualTo(1);
        assertThat(readQueue("pending", moderator.token())).noneMatch(i -> comment.equals(((Map<?, ?>) i.get("comment")).get("id")));
    }

    @Test
    void theRepeatAndSlowModeRulesApplyToEditsAsToPosts() {
        String thread = api.newThread();
        Api.Session author = api.newUser();
        api.postComment(thread, author.token(), "The text I posted first", null).expectStatus(201);
        String second = api.postComment(thread, author.token(), "Something else entirely", null).expectStatus(201).path("id");
        String before = snapshot() + bodies(second);
        Response repeat = edit(second, author, "the text I posted, first!");
        assertProblem(repeat, 422);
        assertThat((String) repeat.path("type")).endsWith("/repeated-comment");
        assertThat(snapshot() + bodies(second)).isEqualTo(before);
        // saving the text unchanged is no new text
        edit(second, author, "Something else entirely").expectStatus(200);

        String slow = api.newThread();
        Api.Session admin = api.admin();
        settings(slow, admin.token(), Map.of("slowModeSeconds", 120)).expectStatus(200);
        String comment = api.postComment(slow, author.token(), "Posted in slow mode", null).expectStatus(201).path("id");
        String slowBefore = snapshot() + bodies(comment);
        Response tooSoon = edit(comment, author, "Edited at once");
        assertProblem(tooSoon, 429);
        assertThat(tooSoon.header("Retry-After")).isNotBlank();
        assertThat(snapshot() + bodies(comment)).isEqualTo(slowBefore);
        Api.Session moderator = moderator();
        String note = api.postComment(slow, moderator.token(), "Moderators are exempt", null).expectStatus(201).path("id");
        edit(note, moderator, "Moderators are exempt, edits too").expectStatus(200);
    }

    private Response edit(String commentId, Api.Session author, String body) {
        return api.send(author, c -> c.edit(commentId, new EditCommentRequest(body)));
    }

    private void words(List<String> reject, List<String> hold) {
        api.as(api.admin()).replaceWordRules(new WordRulesRequest(reject, hold));
    }

    private Map<String, Object> queued(String commentId, Api.Session moderator) {
        return readQueue("pending", moderator.token()).stream()
                .filter(i -> commentId.equals(((Map<?, ?>) i.get("comment")).get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(commentId + " is not in the pending queue"));
    }

    /** Everything stored of a comment's text. */
    private String bodies(String commentId) {
        long id = db.rowId(commentId);
        return " body=" + db.count("SELECT hashtext(body || body_html || coalesce(pending_body, '') "
                + "|| coalesce(hold_reason, '') || coalesce(edited_at::text, '')) FROM comment WHERE id = ?", id);
    }
}
