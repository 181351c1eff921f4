package news.forum.privacy;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /me/export: everything about the caller, as one JSON document streamed while it is read. */
class AccountExportTest extends ApiTestBase {

    @Test
    void theExportHoldsTheAccountItsCommentsWithThreadAndStateItsVotesFlagsAndBansAndNobodyElses() {
        String thread = api.newThread();
        String otherThread = api.newThread();
        Api.Session owner = api.newUser();
        Api.Session other = api.newUser();
        Api.Session moderator = api.newModerator();
        api.call(c -> c.changeProfile(null)).token(owner.token()).body(Map.of("displayName", "Owner of the data")).send().expectStatus(200);
        String kept = api.postComment(thread, owner.token(), "My **first** comment", null).expectStatus(201).path("id");
        String gone = api.postComment(otherThread, owner.token(), "A comment I deleted", null).path("id");
        api.send(owner.token(), c -> c.delete(gone)).expectStatus(204);
        String removed = api.postComment(otherThread, owner.token(), "A comment a moderator removed", null).path("id");
        api.call(c -> c.remove(removed, null)).token(moderator.token()).body(Map.of("reason", "Rude")).send().expectStatus(200);
        String othersComment = api.postComment(thread, other.token(), "Someone else's private words", null).path("id");
        api.call(c -> c.vote(othersComment, null)).token(owner.token()).body(Map.of("value", -1)).send().expectStatus(200);
        api.call(c -> c.flag(othersComment, null)).token(owner.token()).body(Map.of("reason", "off_topic", "detail", "not about the article")).send().expectStatus(201);
        api.call(c -> c.ban(owner.username(), null)).token(moderator.token()).body(Map.of("reason", "Cool down")).send().expectStatus(200);
        api.send(moderator.token(), c -> c.lift(owner.username())).expectStatus(200);

        Response export = api.send(owner.token(), c -> c.exportAccount());
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
        Response export = api.send(owner.token(), c -> c.exportAccount());
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
        assertProblem(api.send(c -> c.exportAccount()), 401);
    }
}
