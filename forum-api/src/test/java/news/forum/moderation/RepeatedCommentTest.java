package news.forum.moderation;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The same author posting the same text again within ten minutes is refused with 422; nobody else is. */
class RepeatedCommentTest extends ApiTestBase {

    @Test
    void theSameTextAgainIsRefusedWith422EvenReworded() {
        String thread = api.newThread();
        Api.Session session = api.newUser();
        String reader = session.token();
        String first = api.postComment(thread, reader, "Buy cheap watches at my shop, today only!", null)
                .expectStatus(201).path("id");
        // the author's own: other classes post beside this one on the shared server
        String byAuthor = "SELECT count(*) FROM comment WHERE author_id = ?";
        long comments = db.count(byAuthor, db.rowId(session.id()));
        for (String again : new String[]{"Buy cheap watches at my shop, today only!",
                "BUY CHEAP WATCHES   at my shop... today only", "Buy cheap watches at my shop, today only!"}) {
            Response refused = api.postComment(thread, reader, again, null);
            assertProblem(refused, 422);
            assertThat((String) refused.path("type")).endsWith("/repeated-comment");
        }
        assertProblem(api.postComment(thread, reader, "Ｂｕｙ ｃｈｅａｐ watches at my shop today only", first), 422);
        assertProblem(api.postComment(api.newThread(), reader, "Buy cheap watches at my shop, today only!", null), 422);
        assertThat(db.count(byAuthor, db.rowId(session.id()))).isEqualTo(comments);

        api.postComment(thread, reader, "Buy cheap watches at my shop, tomorrow too!", null).expectStatus(201);
        api.postComment(thread, api.newUser().token(), "Buy cheap watches at my shop, today only!", null)
                .expectStatus(201);
    }

    @Test
    void theSameTextIsWelcomeAgainAfterTenMinutes() {
        String thread = api.newThread();
        Api.Session session = api.newUser();
        String reader = session.token();
        api.postComment(thread, reader, "Agreed.", null).expectStatus(201);
        assertProblem(api.postComment(thread, reader, "agreed", null), 422);
        // ten minutes pass (moved back in the database rather than waited for)
        db.update("UPDATE recent_comment_text SET posted_at = posted_at - interval '601 seconds' WHERE author_id = ?",
                db.rowId(session.id()));
        api.postComment(thread, reader, "Agreed!", null).expectStatus(201);
        assertProblem(api.postComment(thread, reader, "Agreed", null), 422);
    }

    @Test
    void aRefusedCommentDoesNotCountAsPosted() {
        String thread = api.newThread();
        String reader = api.newUser().token();
        api.send(api.admin().token(), c -> c.lock(thread, new LockRequest(null, null))).expectStatus(200);
        assertProblem(api.postComment(thread, reader, "Too late?", null), 423);
        api.send(api.admin().token(), c -> c.unlock(thread)).expectStatus(200);
        api.postComment(thread, reader, "Too late?", null).expectStatus(201);
    }

    @Test
    void twoCopiesSentAtOnceMakeOneComment() throws Exception {
        String thread = api.newThread();
        String reader = api.newUser().token();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> copies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                copies.add(() -> api.postComment(thread, reader, "First!", null).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(copies)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 422);
        } finally {
            pool.shutdown();
        }
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isEqualTo(1);
    }
}
