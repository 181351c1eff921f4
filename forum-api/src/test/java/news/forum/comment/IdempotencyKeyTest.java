package news.forum.comment;

import news.forum.support.Api;
import news.forum.support.Response;
import news.forum.support.ThreadTestBase;
import news.forum.support.WholeDatabase;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A client may retry a post with the same Idempotency-Key without ever posting twice. */
@WholeDatabase
class IdempotencyKeyTest extends ThreadTestBase {

    private Response post(Api.Session who, String key, String body) {
        return api.call(c -> c.post(thread, null, key)).as(who).body("{\"body\":\"" + body + "\"}").send();
    }

    @Test
    void keysAreForgottenAfterTheRetentionAndNotBefore() {
        post(reader, "kept-a-day", "first body").expectStatus(201);
        post(reader, "recent", "recent body").expectStatus(201);
        db.update("UPDATE idempotency_key SET created_at = now() - interval '25 hours'"
                + " WHERE idempotency_key = 'kept-a-day' AND account_id = ?", db.rowId(reader.id()));

        bean(IdempotencyKeys.class).pruneExpired();

        // the old key is free again: it names a new request; the recent one still guards its first answer
        post(reader, "kept-a-day", "another body a day later").expectStatus(201);
        post(reader, "recent", "another body").expectStatus(422);
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isEqualTo(3);
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirst201AndStoresNothingNew() {
        Response first = post(reader, "retry-1", "posted once");
        first.expectStatus(201);
        Response retry = post(reader, "retry-1", "posted once");
        retry.expectStatus(201);

        assertThat((String) retry.path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isEqualTo(1);
        assertThat(api.anonymous().thread(thread).commentCount()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
        post(reader, "retry-2", "the original").expectStatus(201);
        Response reused = post(reader, "retry-2", "something else");
        assertProblem(reused, 422);
        assertThat((String) reused.path("type")).endsWith("idempotency-key-reused");
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isEqualTo(1);
    }

    @Test
    void keysBelongToOneAccount() {
        Response mine = post(reader, "shared-key", "mine");
        Response theirs = post(api.newUser(), "shared-key", "mine");
        assertThat((String) theirs.expectStatus(201).path("id")).isNotEqualTo(mine.expectStatus(201).path("id"));
    }

    @Test
    void requestsRacingWithOneKeyMakeOneComment() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "race-" + round;
            String body = "at once, round " + round; // a new text each round: the same text again is a repeat (422)
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Response> answers = new ArrayList<>();
            try {
                List<Callable<Response>> same = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    same.add(() -> post(reader, key, body));
                }
                for (Future<Response> answer : pool.invokeAll(same)) {
                    answers.add(answer.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(answers).extracting(Response::status).containsOnly(201);
            assertThat(answers).extracting(r -> (String) r.path("id")).containsOnly((String) answers.get(0).path("id"));
        }
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isEqualTo(5);
    }

    @Test
    void aMalformedKeyIsRefused() {
        String before = db.snapshot();
        assertProblem(post(reader, "k".repeat(256), "x"), 400);
        assertProblem(post(reader, "has space", "x"), 400);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aRefusedPostDoesNotUseUpItsKey() {
        api.as(api.admin()).lock(thread, new LockRequest(null, null));
        assertProblem(post(reader, "after-unlock", "hello"), 423);
        api.as(api.admin()).unlock(thread);
        post(reader, "after-unlock", "hello").expectStatus(201);
    }
}
