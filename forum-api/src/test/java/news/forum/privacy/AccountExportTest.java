package news.forum.privacy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /me/export: everything about the caller, as one JSON document streamed while it is read. */
@MicronautTest(transactional = false)
class AccountExportTest extends ApiTestBase {

    @Test
    void theExportHoldsTheAccountItsCommentsWithThreadAndStateItsVotesFlagsAndBansAndNobodyElses() {
        String thread = api.newThread();
        String otherThread = api.newThread();
        Api.Session owner = api.newUser();
        Api.Session other = api.newUser();
        Api.Session moderator = api.newModerator();
        api.patch("/api/v1/me", owner.token(), Map.of("displayName", "Owner of the data")).expectStatus(200);
        String kept = api.postComment(thread, owner.token(), "My **first** comment", null).expectStatus(201).path("id");
        String gone = api.postComment(otherThread, owner.token(), "A comment I deleted", null).path("id");
        api.delete("/api/v1/comments/" + gone, owner.token()).expectStatus(204);
        String removed = api.postComment(otherThread, owner.token(), "A comment a moderator removed", null).path("id");
        api.put("/api/v1/comments/" + removed + "/removal", moderator.token(), Map.of("reason", "Rude")).expectStatus(200);
        String othersComment = api.postComment(thread, other.token(), "Someone else's private words", null).path("id");
        api.put("/api/v1/comments/" + othersComment + "/vote", owner.token(), Map.of("value", -1)).expectStatus(200);
        api.post("/api/v1/comments/" + othersComment + "/flags", owner.token(),
                Map.of("reason", "off_topic", "detail", "not about the article")).expectStatus(201);
        api.put("/api/v1/accounts/" + owner.username() + "/ban", moderator.token(), Map.of("reason", "Cool down")).expectStatus(200);
        api.delete("/api/v1/accounts/" + owner.username() + "/ban", moderator.token()).expectStatus(200);

        Response export = api.get("/api/v1/me/export", owner.token());
        export.expectStatus(200);
        assertThat(export.contentType()).startsWith("application/json");
        assertThat(export.header("Content-Disposition")).startsWith("attachment").contains("forum-account-data.json");
        assertThat(export.header("Cache-Control")).isEqualTo("no-store");
        assertThat(export.body()).doesNotContain("Someone else's private words").doesNotContain(other.username())
                .doesNotContain(moderator.username()).doesNotContain("argon").doesNotContain(Api.PASSWORD);

        assertThat(export.<Map<String, Object>>path("account")).containsEntry("id", owner.id())
                .containsEntry("username", owner.username()).containsEntry("displayName", "Owner of the data")
                .containsEntry("role", "USER").containsEntry("signIn", "password").containsKey("createdAt");
        assertThat((String) export.path("account.ban")).isNull();
        assertThat((String) export.path("about.format")).isEqualTo("forum-account-export/1");

        List<Map<String, Object>> comments = export.list("comments");
        assertThat(comments).extracting(c -> c.get("id")).containsExactly(kept, gone, removed);
        assertThat(comments.get(0)).containsEntry("body", "My **first** comment").containsEntry("status", "published");
        assertThat((Map<String, Object>) comments.get(0).get("thread")).containsEntry("id", thread).containsKey("articleKey");
        assertThat(comments.get(1)).containsEntry("status", "deleted").containsEntry("body", null);
        assertThat(comments.get(2)).containsEntry("status", "removed").containsEntry("body", "A comment a moderator removed");
        assertThat((Map<String, Object>) comments.get(2).get("removal")).containsEntry("reason", "Rude");
        assertThat(((Map<?, ?>) comments.get(2).get("thread")).get("id")).isEqualTo(otherThread);

        assertThat(export.list("votes")).containsExactly(Map.of("commentId", othersComment, "threadId", thread, "value", -1));
        List<Map<String, Object>> flags = export.list("flagsRaised");
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0)).containsEntry("commentId", othersComment).containsEntry("reason", "off_topic")
                .containsEntry("detail", "not about the article").containsEntry("resolvedAt", null);
        assertThat(export.list("moderation")).extracting(e -> e.get("action"), e -> e.get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("account.ban", "Cool down"),
                        org.assertj.core.groups.Tuple.tuple("account.unban", null));
    }

    @Test
    void aLongHistoryIsStreamedPageByPageAndArrivesWhole() {
        String thread = api.newThread();
        Api.Session owner = api.newUser();
        int posted = 2 * AccountExport.PAGE + 37;
        for (int i = 0; i < posted; i++) {
            api.postComment(thread, owner.token(), "Comment number " + i + " of a long history", null).expectStatus(201);
        }
        Response export = api.get("/api/v1/me/export", owner.token());
        export.expectStatus(200);
        // written while it is read: no length known ahead
        assertThat(export.header("Content-Length")).isNull();
        assertThat(export.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        List<Map<String, Object>> comments = export.list("comments");
        assertThat(comments).hasSize(posted);
        assertThat(comments).extracting(c -> c.get("body")).startsWith("Comment number 0 of a long history")
                .endsWith("Comment number " + (posted - 1) + " of a long history").doesNotHaveDuplicates();
    }

    @Test
    void onlyASignedInCallerHasAnExport() {
        assertProblem(api.get("/api/v1/me/export"), 401);
    }
}
