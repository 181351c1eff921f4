package news.forum.moderation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import news.forum.support.Api;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ModerationLogApiTest extends ModerationTestBase {

    @Test
    void everyModeratorActionIsOneEntryNewestFirstWithPublicIds() {
        Api.Session moderator = moderator();
        Api.Session user = api.newUser();
        String thread = api.newThread();
        String comment = api.postComment(thread, user.token(), "a comment", null).path("id");
        settings(thread, moderator.token(), Map.of("premoderation", "all")).expectStatus(200);
        String held = api.postComment(thread, user.token(), "held", null).expectStatus(202).path("id");

        api.put("/api/v1/threads/" + thread + "/lock", moderator.token(), Map.of("reason", "Cooling off")).expectStatus(200);
        api.delete("/api/v1/threads/" + thread + "/lock", moderator.token()).expectStatus(200);
        remove(comment, moderator.token(), "spam").expectStatus(200);
        restore(comment, moderator.token()).expectStatus(200);
        approve(held, moderator.token()).expectStatus(200);
        api.put("/api/v1/accounts/" + user.username() + "/ban", moderator.token(),
                Map.of("reason", "Trolling", "removeComments", true)).expectStatus(200);
        api.delete("/api/v1/accounts/" + user.username() + "/ban", moderator.token()).expectStatus(200);

        List<Map<String, Object>> mine = new ArrayList<>();
        String after = null;
        do {
            Response page = api.get("/api/v1/moderation/log?limit=7" + (after == null ? "" : "&after=" + after),
                    moderator.token());
            page.expectStatus(200);
            page.list("entries").stream().filter(e -> moderator.username().equals(e.get("actor"))).forEach(mine::add);
            after = page.path("next");
        } while (after != null && mine.size() < 9);

        assertThat(mine).extracting(e -> e.get("action")).containsExactly("account.unban", "account.remove-comments",
                "account.ban", "comment.approve", "comment.restore", "comment.remove", "thread.unlock", "thread.lock",
                "thread.moderation");
        String articleKey = api.get("/api/v1/threads/" + thread).path("articleKey");
        assertThat(mine.get(0).get("target")).isEqualTo(json("type", "account", "id", user.id(),
                "label", user.username(), "threadId", null));
        assertThat(mine.get(2).get("reason")).isEqualTo("Trolling");
        assertThat(mine.get(3).get("target")).isEqualTo(Map.of("type", "comment", "id", held, "label", articleKey,
                "threadId", thread));
        assertThat(mine.get(5).get("reason")).isEqualTo("spam");
        assertThat(mine.get(7).get("target")).isEqualTo(json("type", "thread", "id", thread, "label", articleKey,
                "threadId", null));
        assertThat(mine.get(7).get("reason")).isEqualTo("Cooling off");
        for (Map<String, Object> entry : mine) {
            assertThat((String) entry.get("id")).hasSize(11);
            assertThat((String) entry.get("createdAt")).endsWith("Z");
        }
    }

    @Test
    void theLogIsForModeratorsOnlyAndItsCursorIsChecked() {
        assertProblem(api.get("/api/v1/moderation/log", null), 401);
        assertProblem(api.get("/api/v1/moderation/log", api.newUser().token()), 403);
        String moderator = moderator().token();
        assertProblem(api.get("/api/v1/moderation/log?after=%27%20OR%201=1", moderator), 400);
        assertProblem(api.get("/api/v1/moderation/log?after=" + java.util.Base64.getUrlEncoder()
                .encodeToString("l||12".getBytes()), moderator), 400);
        assertProblem(api.get("/api/v1/moderation/log?limit=abc", moderator), 400);
        Response first = api.get("/api/v1/moderation/log?limit=1", moderator);
        first.expectStatus(200);
        assertThat(first.list("entries")).hasSize(1);
        Response second = api.get("/api/v1/moderation/log?limit=1&after=" + first.path("next"), moderator);
        second.expectStatus(200);
        assertThat((String) second.list("entries").get(0).get("id")).isNotEqualTo(first.list("entries").get(0).get("id"));
    }
}
