package news.forum.moderation;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.MadeUpAddresses;
import news.forum.support.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The moderation requests the tests here share. */
abstract class ModerationTestBase extends ApiTestBase {

    /** A map of name, value pairs that may hold null values (as JSON does). */
    static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    Response remove(String commentId, String token, String reason) {
        return api.send(token, c -> c.remove(commentId, new RemovalRequest(reason)));
    }

    Response restore(String commentId, String token) {
        return api.send(token, c -> c.restore(commentId));
    }

    Response approve(String commentId, String token) {
        return api.send(token, c -> c.approve(commentId));
    }

    Response flag(String commentId, String token, String reason) {
        return api.send(token, c -> c.flag(commentId, new FlagRequest(reason, null)));
    }

    /**
     * A reader whose flags count towards hiding: registered over a day ago (moved back in the database rather than
     * waited for) and with a published comment.
     */
    Api.Session establishedReader() {
        Api.Session reader = api.newUser();
        api.postComment(api.newThread(), reader.token(), "A published comment of " + reader.username(), null)
                .expectStatus(201);
        db.update("UPDATE account SET created_at = now() - interval '2 days' WHERE id = ?", db.rowId(reader.id()));
        return reader;
    }

    /** A flag sent through a trusted proxy (127.0.0.1, when configured so) from a network address of its own. */
    Response flagFromOwnAddress(String commentId, Api.Session reader, String reason) {
        return flagFrom(commentId, reader, reason, MadeUpAddresses.next());
    }

    Response flagFrom(String commentId, Api.Session reader, String reason, String address) {
        return api.call(c -> c.flag(commentId, new FlagRequest(reason, null))).as(reader)
                .header("X-Forwarded-For", address).send();
    }

    Response settings(String threadId, String token, Map<String, Object> settings) {
        return api.call(c -> c.moderation(threadId, null)).token(token).body(settings).send();
    }

    /** Every comment of the thread as this reader (null: anonymous) sees them, oldest first. */
    List<Map<String, Object>> listing(String threadId, String token) {
        Response page = api.send(token, c -> c.page(threadId, "oldest", "200", null));
        page.expectStatus(200);
        return page.list("comments");
    }

    List<String> listedIds(String threadId, String token) {
        return listing(threadId, token).stream().map(c -> (String) c.get("id")).toList();
    }

    Map<String, Object> listed(String threadId, String token, String commentId) {
        return listing(threadId, token).stream().filter(c -> commentId.equals(c.get("id"))).findFirst().orElse(null);
    }

    int commentCount(String threadId) {
        return ((Number) api.send(c -> c.thread(threadId)).path("commentCount")).intValue();
    }

    /** The counters as stored: the thread's comment count and every comment's reply count. */
    Map<String, Long> storedCounts(String threadId) {
        long thread = db.rowId(threadId);
        Map<String, Long> counts = new HashMap<>();
        counts.put("thread", db.count("SELECT comment_count FROM thread WHERE id = ?", thread));
        counts.put("replies", db.count("SELECT coalesce(sum(reply_count), 0) FROM comment WHERE thread_id = ?", thread));
        return counts;
    }

    /** The database's rows and counters, moderation state included, without the accounts a test signs in. */
    String snapshot() {
        return db.snapshot().replaceAll("accounts=\\d+ ", "").replaceAll("refreshTokens=\\d+", "")
                + " removed=" + db.count("SELECT count(*) FROM comment WHERE removed_at IS NOT NULL")
                + " reasons=" + db.count("SELECT count(DISTINCT removal_reason) FROM comment")
                + " inReview=" + db.count("SELECT count(*) FROM comment WHERE review_state IS NOT NULL")
                + " flags=" + db.count("SELECT count(*) FROM comment_flag")
                + " openFlags=" + db.count("SELECT coalesce(sum(flag_count), 0) FROM comment")
                + " bans=" + db.count("SELECT count(*) FROM account WHERE ban_reason IS NOT NULL")
                + " settings=" + db.count("SELECT count(*) FROM thread WHERE premoderation IS NOT NULL OR slow_mode_seconds > 0")
                + " notes=" + db.count("SELECT count(*) FROM thread WHERE lock_note IS NOT NULL");
    }

    /** A thread whose comments all wait for review. */
    String premoderatedThread() {
        String thread = api.newThread();
        settings(thread, api.admin().token(), Map.of("premoderation", "all")).expectStatus(200);
        return thread;
    }

    Api.Session moderator() {
        return api.newModerator();
    }

    /** The whole queue, page by page. */
    List<Map<String, Object>> readQueue(String kind, String token) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        String after = null;
        do {
            String cursor = after;
            Response page = api.send(token, c -> c.queue(kind, cursor, "100"));
            page.expectStatus(200);
            items.addAll(page.list("items"));
            after = page.path("next");
        } while (after != null);
        return items;
    }
}
