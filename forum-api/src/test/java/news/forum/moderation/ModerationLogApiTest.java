package news.forum.moderation;

import news.forum.support.Api;
import news.forum.support.Response;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModerationLogApiTest extends ModerationTestBase {

    @Test
    void everyModeratorActionIsOneEntryNewestFirstWithPublicIds() {
        Api.Session moderator = moderator();
        Api.Session user = api.newUser();
        String thread = api.newThread();
        String comment = api.postComment(thread, user.token(), "a comment", null).path("id");
        settings(thread, moderator.token(), Map.of("premoderation", "all")).expectStatus(200);
        String held = api.postComment(thread, user.token(), "held", null).expectStatus(202).path("id");

        api.send(moderator.token(), c -> c.lock(thread, new LockRequest("Cooling off", null))).expectStatus(200);
        api.send(moderator.token(), c -> c.unlock(thread)).expectStatus(200);
        remove(comment, moderator.token(), "spam").expectStatus(200);
        restore(comment, moderator.token()).expectStatus(200);
        approve(held, moderator.token()).expectStatus(200);
        api.call(c -> c.ban(user.username(), null)).token(moderator.token()).body(Map.of("reason", "Trolling", "removeComments", true)).send().expectStatus(200);
        api.send(moderator.token(), c -> c.lift(user.username())).expectStatus(200);

        List<Map<String, Object>> mine = new ArrayList<>();
        String after = null;
        do {
            String cursor = after;
            Response page = api.send(moderator, c -> c.log(cursor, "7"));
            page.expectStatus(200);
            page.list("entries").stream().filter(e -> moderator.username().equals(e.get("actor"))).forEach(mine::add);
            after = page.path("next");
        } while (after != null && mine.size() < 9);

        assertThat(mine).extracting(e -> e.get("action")).containsExactly("account.unban", "account.remove-comments",
                "account.ban", "comment.approve", "comment.restore", "comment.remove", "thread.unlock", "thread.lock",
                "thread.moderation");
        String articleKey = api.send(c -> c.thread(thread)).path("articleKey");
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
        assertProblem(api.send(c -> c.log(null, null)), 401);
        assertProblem(api.send(api.newUser(), c -> c.log(null, null)), 403);
        String moderator = moderator().token();
        assertProblem(api.send(moderator, c -> c.log("' OR 1=1", null)), 400);
        assertProblem(api.send(moderator, c -> c.log(java.util.Base64.getUrlEncoder()
                .encodeToString("l||12".getBytes()), null)), 400);
        assertProblem(api.send(moderator, c -> c.log(null, "abc")), 400);
        Response first = api.send(moderator, c -> c.log(null, "1"));
        first.expectStatus(200);
        assertThat(first.list("entries")).hasSize(1);
        Response second = api.send(moderator, c -> c.log(first.path("next"), "1"));
        second.expectStatus(200);
        assertThat((String) second.list("entries").get(0).get("id")).isNotEqualTo(first.list("entries").get(0).get("id"));
    }
}
