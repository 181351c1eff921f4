package news.forum.thread;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WholeDatabase
class ArticleAndThreadApiTest extends ApiTestBase {

    @Test
    void puttingANewArticleCreatesItAndItsThreadOnce() {
        Api.Session moderator = api.newModerator();
        String key = Api.uniqueName("story.2026~a-");
        Response created = api.call(c -> c.save(key, null)).token(moderator.token()).body(Map.of("title", "Floods in the north", "url", "https://news.example/floods")).send();
        created.expectStatus(201);
        assertThat((String) created.path("key")).isEqualTo(key);
        assertThat((String) created.path("title")).isEqualTo("Floods in the north");
        assertThat((String) created.path("thread.articleKey")).isEqualTo(key);
        assertThat((Boolean) created.path("thread.locked")).isFalse();
        assertThat(((Number) created.path("thread.commentCount")).intValue()).isZero();

        Response updated = api.call(c -> c.save(key, null)).token(moderator.token()).body(Map.of("title", "Floods in the north: update", "url", "https://news.example/floods")).send();
        updated.expectStatus(200);
        assertThat((String) updated.path("thread.id")).isEqualTo(created.path("thread.id"));
        assertThat((String) updated.path("thread.title")).isEqualTo("Floods in the north: update");
        assertThat(db.count("SELECT count(*) FROM thread t JOIN article a ON a.id = t.article_id WHERE a.article_key = ?", key))
                .isEqualTo(1);

        Response read = api.send(c -> c.article(key));
        read.expectStatus(200);
        assertThat((String) read.path("title")).isEqualTo("Floods in the north: update");
        Response thread = api.send(c -> c.thread(created.path("thread.id")));
        thread.expectStatus(200);
        assertThat(thread.json()).containsOnlyKeys("id", "articleKey", "title", "locked", "lockedAt", "lockedBy",
                "lockReason", "lockNote", "commentCount", "premoderation", "slowModeSeconds", "slowModeUntil",
                "lastEventId");
    }

    @Test
    void onlyModeratorsAndAdminsPutArticles() {
        String before = db.snapshot();
        String key = Api.uniqueName("nope-");
        Map<String, String> article = Map.of("title", "T", "url", "https://news.example/t");
        assertProblem(api.call(c -> c.save(key, null)).token(api.newUser().token()).body(article).send(), 403);
        assertProblem(api.call(c -> c.save(key, null)).body(article).send(), 401);
        assertThat(api.send(c -> c.article(key)).status()).isEqualTo(404);
        assertThat(db.snapshot().replaceAll("accounts=\\d+ ", "").replaceAll("refreshTokens=\\d+", ""))
                .isEqualTo(before.replaceAll("accounts=\\d+ ", "").replaceAll("refreshTokens=\\d+", ""));
    }

    @Test
    void badArticleKeysTitlesAndUrlsAreRefused() {
        String admin = api.admin().token();
        String before = db.snapshot();
        assertProblem(api.call(c -> c.save("k".repeat(201), null)).token(admin).body(Map.of("title", "T", "url", "https://n.example/")).send(), 400);
        assertProblem(api.call(c -> c.save("bad key", null)).token(admin).body(Map.of("title", "T", "url", "https://n.example/")).send(), 400);
        assertProblem(saveRaw(admin, Map.of("title", "", "url", "https://n.example/")), 400);
        assertProblem(saveRaw(admin, Map.of("title", "T", "url", "javascript:alert(1)")), 400);
        assertProblem(saveRaw(admin, Map.of("title", "T", "url", "/relative")), 400);
        assertProblem(saveRaw(admin, Map.of("title", "T")), 400);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void unknownArticlesAndThreadsAre404() {
        assertProblem(api.send(c -> c.article(Api.uniqueName("missing-"))), 404);
        assertProblem(api.send(c -> c.thread("999999999")), 404);
        assertProblem(api.send(c -> c.thread("not-an-id")), 404);
        assertProblem(api.send(c -> c.page("999999999", null, null, null)), 404);
    }

    @Test
    void aModeratorLocksWithAReasonAndUnlocksIdempotentlyAndEachChangeIsAudited() {
        Api.Session moderator = api.newModerator();
        String thread = api.newThread();

        Response locked = api.send(moderator.token(), c -> c.lock(thread, new LockRequest("Legal review", null)));
        locked.expectStatus(200);
        assertThat((Boolean) locked.path("locked")).isTrue();
        assertThat((String) locked.path("lockReason")).isEqualTo("Legal review");
        assertThat((String) locked.path("lockedBy")).isEqualTo(moderator.username());
        assertThat((String) locked.path("lockedAt")).endsWith("Z");

        Response again = api.send(moderator.token(), c -> c.lock(thread, new LockRequest(null, null)));
        again.expectStatus(200);
        assertThat((String) again.path("lockedAt")).isEqualTo(locked.path("lockedAt"));

        Response refused = api.postComment(thread, api.newUser().token(), "Too late?", null);
        assertProblem(refused, 423);
        assertThat((String) refused.path("detail")).isEqualTo("Comments are closed: Legal review");

        Response unlocked = api.send(moderator.token(), c -> c.unlock(thread));
        unlocked.expectStatus(200);
        assertThat((Boolean) unlocked.path("locked")).isFalse();
        assertThat((String) unlocked.path("lockReason")).isNull();
        api.send(moderator.token(), c -> c.unlock(thread)).expectStatus(200);
        api.postComment(thread, api.newUser().token(), "Open again", null).expectStatus(201);

        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'thread' AND target_id = ?"
                + " AND action = 'thread.lock' AND reason = 'Legal review' AND actor_id = ?",
                db.rowId(thread), db.rowId(moderator.id())))
                .isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'thread' AND target_id = ?"
                + " AND action = 'thread.unlock'", db.rowId(thread))).isEqualTo(1);
    }

    @Test
    void usersCannotLockAndAnonymousCallersMustSignIn() {
        String thread = api.newThread();
        assertProblem(api.send(api.newUser().token(), c -> c.lock(thread, new LockRequest(null, null))), 403);
        assertProblem(api.send(c -> c.lock(thread, new LockRequest(null, null))), 401);
        assertProblem(api.send(c -> c.unlock(thread)), 401);
        assertThat((Boolean) api.send(c -> c.thread(thread)).path("locked")).isFalse();
    }

    @Test
    void aLockedThreadKeepsAndShowsEveryComment() {
        Api.Session reader = api.newUser();
        String thread = api.newThread();
        String first = api.postComment(thread, reader.token(), "first", null).path("id");
        api.postComment(thread, reader.token(), "reply", first).expectStatus(201);
        api.send(api.admin().token(), c -> c.lock(thread, new LockRequest(null, null))).expectStatus(200);

        Response page = api.send(c -> c.page(thread, null, null, null));
        page.expectStatus(200);
        assertThat(page.list("comments")).hasSize(2);
        assertThat((Boolean) page.path("thread.locked")).isTrue();
        assertThat(((Number) page.path("thread.commentCount")).intValue()).isEqualTo(2);
        assertProblem(api.postComment(thread, reader.token(), "reply 2", first), 423);
    }

    private Response saveRaw(String token, Object article) {
        return api.call(c -> c.save("ok-key-1", null)).token(token).body(article).send();
    }
}
