package news.forum.moderation;

import io.micronaut.context.annotation.Property;
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
@Property(name = "forum.throttle.trusted-proxies", value = "127.0.0.1,::1")
class FlagApiTest extends ModerationTestBase {

    @Test
    void aFlagIsTakenOncePerReaderAndNeverFromTheAuthor() {
        String thread = api.newThread();
        Api.Session author = api.newUser();
        Api.Session reader = api.newUser();
        String comment = api.postComment(thread, author.token(), "questionable", null).path("id");

        Response flagged = api.send(reader.token(), c -> c.flag(comment, new FlagRequest("off_topic", "Not about the article")));
        flagged.expectStatus(201);
        assertThat(flagged.json()).containsEntry("commentId", comment).containsEntry("reason", "off_topic")
                .containsEntry("detail", "Not about the article").containsEntry("flaggedBy", null);
        String before = snapshot();
        Response again = flag(comment, reader.token(), "spam");
        assertProblem(again, 409);
        assertProblem(flag(comment, author.token(), "spam"), 403);
        assertProblem(flag(comment, null, "spam"), 401);
        assertProblem(flag("AAAAAAAAAAA", reader.token(), "spam"), 404);
        assertProblem(flag(comment, api.newUser().token(), "boring"), 400);
        assertProblem(api.call(c -> c.flag(comment, null)).token(api.newUser().token()).body(Map.of()).send(), 400);
        assertProblem(api.send(api.newUser().token(), c -> c.flag(comment, new FlagRequest("other", "x".repeat(501)))), 400);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(listed(thread, null, comment)).containsEntry("status", "published");
        assertThat(db.count("SELECT flag_count FROM comment WHERE id = ?", db.rowId(comment))).isEqualTo(1);
    }

    @Test
    void atTheThresholdTheCommentIsHiddenFromReadersUntilAModeratorApprovesIt() {
        String thread = api.newThread();
        Api.Session author = api.newUser();
        Api.Session moderator = moderator();
        String comment = api.postComment(thread, author.token(), "Everyone here is an idiot", null).path("id");
        String reply = api.postComment(thread, api.newUser().token(), "Calm down", comment).path("id");
        List<Map<String, Object>> published = listing(thread, null);

        flagFromOwnAddress(comment, establishedReader(), "abuse").expectStatus(201);
        flagFromOwnAddress(comment, establishedReader(), "spam").expectStatus(201);
        assertThat(listed(thread, null, comment)).containsEntry("status", "published");
        assertThat(commentCount(thread)).isEqualTo(2);
        Api.Session third = establishedReader();
        flagFromOwnAddress(comment, third, "abuse").expectStatus(201);

        for (String reader : new String[]{null, third.token()}) {
            Map<String, Object> hidden = listed(thread, reader, comment);
            assertThat(hidden).containsEntry("status", "hidden").containsEntry("deleted", true)
                    .containsEntry("author", null).containsEntry("bodyHtml", null);
            assertThat(api.send(reader, c -> c.comment(comment)).body()).doesNotContain("idiot");
        }
        assertThat(listedIds(thread, null)).containsExactly(comment, reply);
        assertThat(listed(thread, author.token(), comment)).containsEntry("status", "hidden")
                .containsEntry("deleted", false);
        Map<String, Object> seenByModerator = listed(thread, moderator.token(), comment);
        assertThat((String) seenByModerator.get("bodyHtml")).contains("idiot");
        assertThat(seenByModerator.get("review")).isEqualTo(json("flagCount", 3, "holdReason", null, "publishedBodyHtml", null));
        assertThat(commentCount(thread)).isEqualTo(1);
        assertProblem(flag(comment, api.newUser().token(), "spam"), 409);
        assertProblem(api.send(api.newUser().token(), c -> c.vote(comment, new VoteRequest(BigDecimal.valueOf(1)))), 409);
        assertProblem(api.postComment(thread, api.newUser().token(), "answer", comment), 422);

        Response approved = approve(comment, moderator.token());
        approved.expectStatus(200);
        assertThat((String) approved.path("status")).isEqualTo("published");
        assertThat(listing(thread, null)).isEqualTo(published);
        assertThat(commentCount(thread)).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM comment_flag WHERE comment_id = ? AND resolved_at IS NOT NULL"
                + " AND resolved_by = ?", db.rowId(comment), db.rowId(moderator.id()))).isEqualTo(3);
        // an earlier flagger cannot flag again; a new reader can, and the count starts over
        assertProblem(flag(comment, third.token(), "abuse"), 409);
        flag(comment, api.newUser().token(), "abuse").expectStatus(201);
        assertThat(listed(thread, null, comment)).containsEntry("status", "published");
    }

    @Test
    void theFlaggedQueueShowsTheFlagsWithTheirReasonsOldestFirstAndEmptiesOnApproval() {
        Api.Session moderator = moderator();
        String thread = api.newThread();
        Api.Session author = api.newUser();
        String first = api.postComment(thread, author.token(), "first flagged", null).path("id");
        String second = api.postComment(thread, author.token(), "second flagged", null).path("id");
        Api.Session flagger = api.newUser();
        api.send(flagger.token(), c -> c.flag(first, new FlagRequest("spam", "links to a shop"))).expectStatus(201);
        flag(second, flagger.token(), "other").expectStatus(201);

        List<Map<String, Object>> queue = readQueue("flagged", moderator.token());
        Map<String, Object> item = queue.stream()
                .filter(i -> first.equals(((Map<?, ?>) i.get("comment")).get("id"))).findFirst().orElseThrow();
        assertThat(item.get("flags")).asList().singleElement().isInstanceOf(Map.class);
        Map<?, ?> shownFlag = (Map<?, ?>) ((List<?>) item.get("flags")).get(0);
        assertThat(shownFlag.get("reason")).isEqualTo("spam");
        assertThat(shownFlag.get("detail")).isEqualTo("links to a shop");
        assertThat(shownFlag.get("flaggedBy")).isEqualTo(flagger.username());
        assertThat(item.get("thread")).isEqualTo(Map.of("id", thread,
                "articleKey", api.send(c -> c.thread(thread)).path("articleKey"),
                "title", api.send(c -> c.thread(thread)).path("title")));
        assertThat(((Map<?, ?>) ((Map<?, ?>) item.get("comment")).get("author")).get("username")).isEqualTo(author.username());
        List<String> order = queue.stream().map(i -> (String) ((Map<?, ?>) i.get("comment")).get("id")).toList();
        assertThat(order).containsSubsequence(first, second);

        approve(first, moderator.token()).expectStatus(200);
        remove(second, moderator.token(), "not needed").expectStatus(200);
        List<String> after = readQueue("flagged", moderator.token()).stream()
                .map(i -> (String) ((Map<?, ?>) i.get("comment")).get("id")).toList();
        assertThat(after).doesNotContain(first, second);
    }
}
