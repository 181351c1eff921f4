package news.forum.moderation;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow mode set by hand (what PUT /threads/{id}/moderation stores: seconds, and no end) holds each reader to one
 * comment per interval in that thread, and nobody else; an automatic slow mode that has run out holds nobody. A
 * comment made just before slow mode began counts as the reader's last.
 */
class SlowModeTest extends ApiTestBase {

    @Test
    void slowModeSetByHandLetsEachReaderPostOncePerIntervalWith429AndRetryAfterOtherwise() {
        String thread = api.newThread();
        slowMode(thread, 120, "NULL");
        Api.Session reader = api.newUser();
        api.postComment(thread, reader.token(), "My one comment", null).expectStatus(201);
        // the reader's own: other classes post beside this one on the shared server
        long comments = db.count("SELECT count(*) FROM comment WHERE author_id = ?", db.rowId(reader.id()));

        Response refused = api.postComment(thread, reader.token(), "And another one at once", null);
        assertProblem(refused, 429);
        assertThat((String) refused.path("type")).endsWith("/slow-mode");
        assertThat((String) refused.path("detail")).contains("one comment every 120 seconds");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 120L);
        assertThat(db.count("SELECT count(*) FROM comment WHERE author_id = ?", db.rowId(reader.id())))
                .as("the refused comment is not stored").isEqualTo(comments);

        api.postComment(thread, api.newUser().token(), "Another reader is not held back", null).expectStatus(201);
        api.postComment(api.newThread(), reader.token(), "Nor is the reader elsewhere", null).expectStatus(201);
    }

    @Test
    void theIntervalRunsFromTheLastAcceptedComment() {
        String thread = api.newThread();
        slowMode(thread, 60, "NULL");
        Api.Session reader = api.newUser();
        String first = api.postComment(thread, reader.token(), "First", null).expectStatus(201).path("id");
        assertProblem(api.postComment(thread, reader.token(), "Too soon", first), 429);
        // the interval has passed (moved back in the database rather than waited for)
        db.update("UPDATE slow_mode_post SET posted_at = posted_at - interval '61 seconds' WHERE thread_id = ?",
                db.rowId(thread));
        api.postComment(thread, reader.token(), "In good time", first).expectStatus(201);
        assertProblem(api.postComment(thread, reader.token(), "Too soon again", first), 429);
    }

    @Test
    void moderatorsAreExemptFromSlowMode() {
        String thread = api.newThread();
        slowMode(thread, 300, "NULL");
        String moderator = api.newModerator().token();
        api.postComment(thread, moderator, "Please keep it civil", null).expectStatus(201);
        api.postComment(thread, moderator, "Slow mode is on for now", null).expectStatus(201);
    }

    @Test
    void anAutomaticSlowModeThatHasRunOutHoldsNobody() {
        String thread = api.newThread();
        slowMode(thread, 120, "now() - interval '1 minute'");
        String reader = api.newUser().token();
        api.postComment(thread, reader, "One", null).expectStatus(201);
        api.postComment(thread, reader, "Two", null).expectStatus(201);

        slowMode(thread, 120, "now() + interval '10 minutes'");
        assertProblem(api.postComment(thread, reader, "Three, a moment after two", null), 429);
        api.postComment(thread, api.newUser().token(), "A first comment under slow mode", null).expectStatus(201);
    }

    @Test
    void slowModeSwitchedOffHoldsNobody() {
        String thread = api.newThread();
        slowMode(thread, 0, "NULL");
        String reader = api.newUser().token();
        api.postComment(thread, reader, "One", null).expectStatus(201);
        api.postComment(thread, reader, "Two", null).expectStatus(201);
    }

    @Test
    void outsideSlowModeAReaderPostingSeveralAtOnceIsNeverHeldBack() throws Exception {
        String thread = api.newThread();
        String reader = api.newUser().token();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Callable<Integer>> posts = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = "Several tabs at once, number " + i;
                posts.add(() -> api.postComment(thread, reader, body, null).status());
            }
            for (java.util.concurrent.Future<Integer> status : pool.invokeAll(posts)) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** What the thread moderation endpoint (or the automatic switch) stores. */
    private void slowMode(String thread, int seconds, String until) {
        db.update("UPDATE thread SET slow_mode_seconds = ?, slow_mode_until = " + until + " WHERE id = ?",
                seconds, db.rowId(thread));
    }
}
