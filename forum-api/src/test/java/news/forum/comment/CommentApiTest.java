package news.forum.comment;

import news.forum.support.Api;
import news.forum.support.Response;
import news.forum.support.ThreadTestBase;
import news.forum.support.WholeDatabase;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WholeDatabase
class CommentApiTest extends ThreadTestBase {

    private Response postRaw(String json) {
        return api.call(c -> c.post(thread, null, null)).as(reader).body(json).send();
    }

    private int commentCount() {
        return ((Number) api.send(c -> c.thread(thread)).path("commentCount")).intValue();
    }

    private static VoteRequest vote(int value) {
        return new VoteRequest(BigDecimal.valueOf(value));
    }

    @Test
    void postingATopLevelCommentAnswers201WithTheCommentAndItsLocation() {
        Response created = api.postComment(thread, reader.token(), "Hello **world**", null);

        created.expectStatus(201);
        String id = created.path("id");
        assertThat(created.header("Location")).isEqualTo(Api.route(c -> c.comment(id)).path());
        assertThat((String) created.path("threadId")).isEqualTo(thread);
        assertThat((String) created.path("parentId")).isNull();
        assertThat(((Number) created.path("depth")).intValue()).isZero();
        assertThat((String) created.path("author.username")).isEqualTo(reader.username());
        assertThat((String) created.path("bodyHtml")).isEqualTo("<p>Hello <strong>world</strong></p>");
        assertThat((String) created.path("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat((Boolean) created.path("deleted")).isFalse();
        assertThat(((Number) created.path("replyCount")).intValue()).isZero();
        assertThat(((Number) created.path("score")).intValue()).isZero();

        Response fetched = api.get(created.header("Location"));
        fetched.expectStatus(200);
        assertThat(fetched.json()).isEqualTo(created.json());
        assertThat(commentCount()).isEqualTo(1);
    }

    @Test
    void repliesNestUnderTheirParentAndCountOnIt() {
        String top = api.postComment(thread, reader.token(), "top", null).path("id");
        Response reply = api.postComment(thread, api.newUser().token(), "reply", top);
        reply.expectStatus(201);
        assertThat((String) reply.path("parentId")).isEqualTo(top);
        assertThat(((Number) reply.path("depth")).intValue()).isEqualTo(1);
        Response deeper = api.postComment(thread, reader.token(), "deeper", reply.path("id"));
        assertThat(((Number) deeper.path("depth")).intValue()).isEqualTo(2);

        List<Map<String, Object>> comments = api.send(c -> c.page(thread, null, null, null)).list("comments");
        assertThat(comments).extracting(c -> c.get("id")).containsExactly(top, reply.path("id"), deeper.path("id"));
        assertThat(((Number) comments.get(0).get("replyCount")).intValue()).isEqualTo(1);
        assertThat(commentCount()).isEqualTo(3);
    }

    @Test
    void fieldsAClientMayNotSetAreIgnored() {
        Map<String, Object> forged = new LinkedHashMap<>();
        forged.put("body", "honest text");
        forged.put("id", "1");
        forged.put("score", 1000);
        forged.put("author", Map.of("username", "admin", "displayName", "Admin"));
        forged.put("createdAt", "2000-01-01T00:00:00Z");
        forged.put("replyCount", 50);
        Response created = api.call(c -> c.post(thread, null, null)).as(reader).body(forged).send();
        created.expectStatus(201);
        assertThat((String) created.path("id")).isNotEqualTo("1");
        assertThat(((Number) created.path("score")).intValue()).isZero();
        assertThat(((Number) created.path("replyCount")).intValue()).isZero();
        assertThat((String) created.path("author.username")).isEqualTo(reader.username());
        assertThat((String) created.path("createdAt")).doesNotStartWith("2000");
    }

    @Test
    void bodiesAreRenderedFromMarkdownWithoutAnythingExecutable() {
        String[] attacks = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "[click](javascript:alert(1))",
                "[click](JaVaScRiPt:alert(1))",
                "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[click](vbscript:msgbox(1))",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<svg onload=alert(1)>",
                "<iframe src=\"https://evil.example\"></iframe>",
                "<style>body{display:none}</style>",
                "[x](&#106;avascript:alert(1))",
                "![x](javascript:alert(1))",
        };
        for (String attack : attacks) {
            // a reader each: two attacks differing only in case are one text repeated, which is refused (422)
            String html = api.postComment(thread, api.newUser().token(), attack, null).expectStatus(201).path("bodyHtml");
            String lower = html.toLowerCase();
            assertThat(lower).as(attack).doesNotContain("<script", "<img", "<svg", "<iframe", "<style", "onerror=",
                    "onload=", "href=\"javascript", "href=\"data", "href=\"vbscript", "src=");
        }
    }

    @Test
    void linksAreKeptOnlyForWebAndMailWithNofollowUgcNoopener() {
        String html = api.postComment(thread, reader.token(),
                "See [the report](https://example.org/report) or mail [us](mailto:desk@example.org) or https://example.com/auto",
                null).expectStatus(201).path("bodyHtml");
        assertThat(html).contains("href=\"https://example.org/report\"", "href=\"mailto:desk&#64;example.org\"",
                "href=\"https://example.com/auto\"");
        assertThat(html.split("<a ", -1)).hasSize(4);
        for (String anchor : html.split("<a ")) {
            if (anchor.contains("href=")) {
                String rel = anchor.replaceAll("(?s).*rel=\"([^\"]*)\".*", "$1");
                assertThat(rel.split(" ")).containsExactlyInAnyOrder("nofollow", "ugc", "noopener");
            }
        }
    }

    @Test
    void bodiesOutsideOneToTenThousandCharactersAreRefusedAndNothingIsStored() {
        String before = db.snapshot();
        assertProblem(api.postComment(thread, reader.token(), "", null), 400);
        assertProblem(api.postComment(thread, reader.token(), "   \n\t ", null), 400);
        assertProblem(api.postComment(thread, reader.token(), "x".repeat(10_001), null), 400);
        assertProblem(postRaw("{\"body\":\"" + "😀".repeat(10_001) + "\"}"), 400);
        assertProblem(postRaw("{}"), 400);
        assertThat(db.snapshot()).isEqualTo(before);

        // counted in code points, sent as raw UTF-8 (40,000 bytes) as a browser would
        postRaw("{\"body\":\"" + "😀".repeat(10_000) + "\"}").expectStatus(201);
    }

    @Test
    void controlCharactersAreRefusedAndBidiOverridesRemoved() {
        String before = db.snapshot();
        assertProblem(postRaw("{\"body\":\"nul \\u0000 here\"}"), 400);
        assertProblem(postRaw("{\"body\":\"bell \\u0007\"}"), 400);
        assertProblem(postRaw("{\"body\":\"half \\ud800 pair\"}"), 400);
        assertThat(db.snapshot()).isEqualTo(before);

        String html = api.postComment(thread, reader.token(), "abc\u202Edef\u2066ghi", null).expectStatus(201).path("bodyHtml");
        assertThat(html).isEqualTo("<p>abcdefghi</p>");
    }

    @Test
    void aBodyOver64KiBIsRefusedWith413() {
        String before = db.snapshot();
        Response tooLarge = postRaw("{\"body\":\"" + "a".repeat(70_000) + "\"}");
        assertProblem(tooLarge, 413);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void badParentsAreRefusedWith422() {
        String otherThread = api.newThread();
        String elsewhere = api.postComment(otherThread, reader.token(), "elsewhere", null).path("id");
        String gone = api.postComment(thread, reader.token(), "to delete", null).path("id");
        api.postComment(thread, reader.token(), "keeps it as a tombstone", gone).expectStatus(201);
        api.send(reader, c -> c.delete(gone)).expectStatus(204);
        String before = db.snapshot();

        assertProblem(api.postComment(thread, reader.token(), "x", elsewhere), 422);
        assertProblem(api.postComment(thread, reader.token(), "x", "987654321"), 422);
        assertProblem(api.postComment(thread, reader.token(), "x", "not-an-id"), 422);
        Response onDeleted = api.postComment(thread, reader.token(), "x", gone);
        assertProblem(onDeleted, 422);
        assertThat((String) onDeleted.path("type")).endsWith("parent-deleted");
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void repliesNestSixtyFourLevelsAndNoDeeper() {
        String parent = null;
        for (int level = 1; level <= 64; level++) {
            Response posted = api.postComment(thread, reader.token(), "level " + level, parent);
            posted.expectStatus(201);
            assertThat(((Number) posted.path("depth")).intValue()).isEqualTo(level - 1);
            parent = posted.path("id");
        }
        String before = db.snapshot();
        Response tooDeep = api.postComment(thread, reader.token(), "level 65", parent);
        assertProblem(tooDeep, 422);
        assertThat((String) tooDeep.path("type")).endsWith("too-deep");
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(api.readAll(thread, "oldest", 200)).hasSize(64);
    }

    @Test
    void postingNeedsATokenAndAnExistingThread() {
        String before = db.snapshot();
        assertProblem(api.postComment(thread, null, "anonymous", null), 401);
        assertProblem(api.postComment("987654321", reader.token(), "nowhere", null), 404);
        assertProblem(api.postComment("nope", reader.token(), "nowhere", null), 404);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void theAuthorEditsAndNobodyElseDoes() {
        String id = api.postComment(thread, reader.token(), "first version", null).path("id");

        Response edited = api.send(reader, c -> c.edit(id, new EditCommentRequest("second _version_")));
        edited.expectStatus(200);
        assertThat((String) edited.path("bodyHtml")).isEqualTo("<p>second <em>version</em></p>");
        assertThat((String) edited.path("editedAt")).isNotNull();

        assertProblem(api.send(api.newUser(), c -> c.edit(id, new EditCommentRequest("hijack"))), 403);
        assertProblem(api.send(api.newModerator(), c -> c.edit(id, new EditCommentRequest("moderator rewrite"))), 403);
        assertProblem(api.send(c -> c.edit(id, new EditCommentRequest("anon"))), 401);
        assertProblem(api.send(reader, c -> c.edit(id, new EditCommentRequest(""))), 400);
        assertProblem(api.send(reader, c -> c.edit("987654321", new EditCommentRequest("x"))), 404);
        assertThat((String) api.send(c -> c.comment(id)).path("bodyHtml")).isEqualTo("<p>second <em>version</em></p>");

        api.as(api.admin()).lock(thread, new LockRequest(null, null));
        assertProblem(api.send(reader, c -> c.edit(id, new EditCommentRequest("after the lock"))), 423);
        assertThat((String) api.send(c -> c.comment(id)).path("bodyHtml")).isEqualTo("<p>second <em>version</em></p>");
    }

    @Test
    void deletingALeafRemovesItAndItsCount() {
        String top = api.postComment(thread, reader.token(), "top", null).path("id");
        String leaf = api.postComment(thread, reader.token(), "leaf", top).path("id");

        assertProblem(api.send(api.newUser(), c -> c.delete(leaf)), 403);
        assertProblem(api.send(c -> c.delete(leaf)), 401);
        api.send(reader, c -> c.delete(leaf)).expectStatus(204);

        assertProblem(api.send(c -> c.comment(leaf)), 404);
        assertProblem(api.send(reader, c -> c.delete(leaf)), 404);
        List<Map<String, Object>> comments = api.readAll(thread, "oldest", 50);
        assertThat(comments).extracting(c -> c.get("id")).containsExactly(top);
        assertThat(((Number) comments.get(0).get("replyCount")).intValue()).isZero();
        assertThat(commentCount()).isEqualTo(1);
    }

    @Test
    void deletingACommentWithRepliesLeavesATombstoneThatVanishesWithItsLastReply() {
        String top = api.postComment(thread, reader.token(), "top", null).path("id");
        String middle = api.postComment(thread, reader.token(), "middle", top).path("id");
        String other = api.newUser().token();
        String leaf = api.postComment(thread, other, "leaf", middle).path("id");

        api.send(reader, c -> c.delete(middle)).expectStatus(204);
        Response tombstone = api.send(c -> c.comment(middle));
        tombstone.expectStatus(200);
        assertThat((Boolean) tombstone.path("deleted")).isTrue();
        assertThat((Object) tombstone.path("author")).isNull();
        assertThat((Object) tombstone.path("bodyHtml")).isNull();
        assertThat(tombstone.body()).doesNotContain("middle").doesNotContain(reader.username());
        assertThat(api.readAll(thread, "oldest", 50)).extracting(c -> c.get("id")).containsExactly(top, middle, leaf);
        assertThat(commentCount()).isEqualTo(2);
        assertProblem(api.send(reader, c -> c.delete(middle)), 404);

        api.send(other, c -> c.delete(leaf)).expectStatus(204);
        List<Map<String, Object>> left = api.readAll(thread, "oldest", 50);
        assertThat(left).extracting(c -> c.get("id")).containsExactly(top);
        assertThat(((Number) left.get(0).get("replyCount")).intValue()).isZero();
        assertThat(commentCount()).isEqualTo(1);
    }

    @Test
    void aModeratorsDeleteOfAnothersCommentRemovesItEvenInALockedThreadKeepingTheTextAndIsAudited() {
        String comment = api.postComment(thread, reader.token(), "spam spam", null).path("id");
        Api.Session moderator = api.newModerator();
        api.as(moderator).lock(thread, new LockRequest(null, null));
        assertProblem(api.send(reader, c -> c.delete(comment)), 423);

        api.send(moderator, c -> c.delete(comment)).expectStatus(204);
        api.send(moderator, c -> c.delete(comment)).expectStatus(204);
        List<Map<String, Object>> listed = api.readAll(thread, "oldest", 50);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).containsEntry("status", "removed").containsEntry("deleted", true)
                .containsEntry("author", null).containsEntry("bodyHtml", null);
        assertThat(api.send(c -> c.thread(thread)).body()).contains("\"commentCount\":0");
        assertThat(db.count("SELECT count(*) FROM comment WHERE id = ? AND body = 'spam spam'", db.rowId(comment))).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'comment.remove' AND target_id = ?"
                + " AND actor_id = ?", db.rowId(comment), db.rowId(moderator.id()))).isEqualTo(1);
    }

    @Test
    void votesCountOncePerAccountCanChangeAndCannotBeSelfCast() {
        String comment = api.postComment(thread, reader.token(), "vote on me", null).path("id");
        Api.Session a = api.newUser();
        Api.Session b = api.newUser();

        assertThat(((Number) api.send(a, c -> c.vote(comment, vote(1))).expectStatus(200).path("score")).intValue()).isEqualTo(1);
        assertThat(((Number) api.send(a, c -> c.vote(comment, vote(1))).expectStatus(200).path("score")).intValue()).isEqualTo(1);
        assertThat(((Number) api.send(b, c -> c.vote(comment, vote(-1))).expectStatus(200).path("score")).intValue()).isZero();
        assertThat(((Number) api.send(a, c -> c.vote(comment, vote(-1))).expectStatus(200).path("score")).intValue()).isEqualTo(-2);
        assertThat(((Number) api.send(b, c -> c.vote(comment, vote(0))).expectStatus(200).path("score")).intValue()).isEqualTo(-1);

        String before = db.snapshot();
        assertProblem(api.send(reader, c -> c.vote(comment, vote(1))), 403);
        assertProblem(api.send(a, c -> c.vote(comment, vote(2))), 400);
        assertProblem(api.call(c -> c.vote(comment, null)).as(a).body("{}").send(), 400);
        assertProblem(api.send(c -> c.vote(comment, vote(1))), 401);
        assertProblem(api.send(a, c -> c.vote("987654321", vote(1))), 404);
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(((Number) api.send(c -> c.comment(comment)).path("score")).intValue()).isEqualTo(-1);
    }

    @Test
    void limitAndSortAndCursorAreValidated() {
        assertProblem(page(null, "0", null), 400);
        assertProblem(page(null, "201", null), 400);
        assertProblem(page(null, "ten", null), 400);
        assertProblem(page("random", null, null), 400);
        assertProblem(page(null, null, "garbage!"), 400);
        assertProblem(page(null, null, java.util.Base64.getUrlEncoder().encodeToString("o|0|1|zz".getBytes())), 400);

        for (int i = 0; i < 3; i++) {
            api.postComment(thread, reader.token(), "c" + i, null).expectStatus(201);
        }
        String oldestCursor = page(null, "1", null).path("next");
        assertProblem(page("newest", null, oldestCursor), 400);
        assertThat(page(null, "200", null).list("comments")).hasSize(3);
        assertThat((Object) page(null, "3", null).path("next")).isNull();
        assertThat(page(null, null, null).list("comments")).hasSize(3);
    }

    private Response page(String sort, String limit, String after) {
        return api.send(c -> c.page(thread, sort, limit, after));
    }
}
