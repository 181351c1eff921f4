package news.forum.comment;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest extends ApiTestBase {

    @Test
    void manyRepliesAtOnceAreAllStoredAndCountedExactly() throws Exception {
        String thread = api.newThread();
        Api.Session opener = api.newUser();
        String parent = api.postComment(thread, opener.token(), "reply to me, all of you", null).path("id");
        List<Api.Session> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writers.add(api.newUser());
        }
        int perWriter = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            List<Callable<List<Integer>>> jobs = new ArrayList<>();
            for (Api.Session writer : writers) {
                jobs.add(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        statuses.add(api.postComment(thread, writer.token(), "reply " + i, i % 4 == 0 ? null : parent).status());
                    }
                    return statuses;
                });
            }
            for (Future<List<Integer>> result : pool.invokeAll(jobs)) {
                assertThat(result.get()).containsOnly(201);
            }
        } finally {
            pool.shutdownNow();
        }
        int total = 1 + writers.size() * perWriter;
        int replies = writers.size() * perWriter * 3 / 4;
        assertThat(((Number) api.send(c -> c.thread(thread)).path("commentCount")).intValue()).isEqualTo(total);
        assertThat(((Number) api.send(c -> c.comment(parent)).path("replyCount")).intValue()).isEqualTo(replies);
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isEqualTo(total);
        assertThat(api.readAll(thread, "oldest", 200)).hasSize(total);
    }

    /**
     * Replies race a lock, round after round. Whatever the interleaving, once the lock's 200 has arrived the
     * thread's comments are final: nothing commits after it, every 201 is stored, every later reply gets 423.
     */
    @Test
    void nothingCommitsIntoAThreadAfterItsLockIsAnswered() throws Exception {
        Api.Session moderator = api.newModerator();
        List<Api.Session> writers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            writers.add(api.newUser());
        }
        Random random = new Random(7);
        long acceptedBeforeLocks = 0;
        ExecutorService pool = Executors.newFixedThreadPool(writers.size());
        try {
            for (int round = 0; round < 15; round++) {
                String thread = api.newThread();
                int thisRound = round; // each round's texts are new: one author repeating a text is refused
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                AtomicBoolean lockAnswered = new AtomicBoolean();
                Set<String> acknowledgedAfterLockAnswer = ConcurrentHashMap.newKeySet();
                CountDownLatch started = new CountDownLatch(writers.size());
                List<Future<Integer>> results = new ArrayList<>();
                for (Api.Session writer : writers) {
                    results.add(pool.submit(() -> {
                        started.countDown();
                        for (int i = 0; i < 400; i++) {
                            boolean lockedBeforeSending = lockAnswered.get();
                            Response posted = api.postComment(thread, writer.token(), "racing " + thisRound + "." + i, null);
                            if (posted.status() == 423) {
                                return 423;
                            }
                            posted.expectStatus(201);
                            acknowledged.add(posted.path("id"));
                            if (lockedBeforeSending) {
                                acknowledgedAfterLockAnswer.add(posted.path("id"));
                            }
                        }
                        return 0;
                    }));
                }
                started.await();
                Thread.sleep(5 + random.nextInt(40));
                api.send(moderator.token(), c -> c.lock(thread, new LockRequest(null, null))).expectStatus(200);
                lockAnswered.set(true);
                long storedAtLockAnswer = db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread));

                for (Future<Integer> result : results) {
                    assertThat(result.get(60, TimeUnit.SECONDS)).as("every writer ends on a 423").isEqualTo(423);
                }
                long storedAtEnd = db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread));
                assertThat(storedAtEnd).as("round %d: nothing committed after the lock's answer", round)
                        .isEqualTo(storedAtLockAnswer);
                assertThat(acknowledgedAfterLockAnswer).as("no reply sent after the lock's answer was accepted").isEmpty();
                assertThat(storedAtEnd).as("every 201 is stored, nothing else").isEqualTo(acknowledged.size());
                assertThat(((Number) api.send(c -> c.thread(thread)).path("commentCount")).longValue())
                        .isEqualTo(storedAtEnd);
                acceptedBeforeLocks += storedAtEnd;
            }
            assertThat(acceptedBeforeLocks).as("the replies really raced the locks").isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void votesAtOnceAddUpExactly() throws Exception {
        String thread = api.newThread();
        String comment = api.postComment(thread, api.newUser().token(), "vote!", null).path("id");
        List<Api.Session> voters = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            voters.add(api.newUser());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < voters.size(); i++) {
                Api.Session voter = voters.get(i);
                int finalValue = i % 3 == 0 ? -1 : 1;
                jobs.add(() -> {
                    // each voter changes its mind a few times, with its own requests racing each other
                    for (int v : new int[]{1, -1, 0, 1, finalValue}) {
                        api.send(voter.token(), c -> c.vote(comment, new VoteRequest(BigDecimal.valueOf(v)))).expectStatus(200);
                    }
                    return finalValue;
                });
            }
            int expected = 0;
            for (Future<Integer> result : pool.invokeAll(jobs)) {
                expected += result.get();
            }
            assertThat(((Number) api.send(c -> c.comment(comment)).path("score")).intValue()).isEqualTo(expected);
            assertThat(db.count("SELECT coalesce(sum(value), 0) FROM comment_vote WHERE comment_id = ?", db.rowId(comment)))
                    .isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneAccountsConcurrentFirstVotesCountOnce() throws Exception {
        String thread = api.newThread();
        String comment = api.postComment(thread, api.newUser().token(), "vote!", null).path("id");
        Api.Session voter = api.newUser();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                jobs.add(() -> api.send(voter.token(), c -> c.vote(comment, new VoteRequest(BigDecimal.valueOf(1)))).status());
            }
            for (Future<Integer> result : pool.invokeAll(jobs)) {
                assertThat(result.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(((Number) api.send(c -> c.comment(comment)).path("score")).intValue()).isEqualTo(1);
    }
}
