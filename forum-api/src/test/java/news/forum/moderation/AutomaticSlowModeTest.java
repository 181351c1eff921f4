package news.forum.moderation;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A thread that receives more than 5 comments (or 3 flags) in a minute goes into slow mode by itself, once. */
@Property(name = "forum.moderation.auto-slow-mode.replies-per-minute", value = "5")
@Property(name = "forum.moderation.auto-slow-mode.flags-per-minute", value = "3")
@Property(name = "forum.moderation.auto-slow-mode.seconds", value = "45")
@Property(name = "forum.moderation.auto-slow-mode.duration", value = "10m")
class AutomaticSlowModeTest extends ApiTestBase {

    @Test
    void aBurstOfCommentsSwitchesSlowModeOnAndTheSwitchIsAudited() {
        String thread = api.newThread();
        List<Api.Session> readers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Session reader = api.newUser();
            readers.add(reader);
            api.postComment(thread, reader.token(), "Comment " + i + " of the rush", null).expectStatus(201);
        }
        assertThat(slowModeHolds(thread)).as("five comments in a minute are not a rush yet").isFalse();
        api.postComment(thread, api.newUser().token(), "The sixth comment", null).expectStatus(201);

        assertThat(slowModeHolds(thread)).isTrue();
        assertThat(db.count("SELECT slow_mode_seconds FROM thread WHERE id = ?", db.rowId(thread))).isEqualTo(45);
        assertThat(db.count("SELECT count(*) FROM thread WHERE id = ? AND slow_mode_until BETWEEN now() + interval '9 minutes'"
                + " AND now() + interval '10 minutes'", db.rowId(thread))).isEqualTo(1);
        assertThat(autoSwitches(thread)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'thread.slow-mode.auto' AND target_id = ?"
                + " AND target_type = 'thread' AND actor_id IS NULL AND reason LIKE '%one comment every 45 seconds%'",
                db.rowId(thread))).isEqualTo(1);

        Response refused = api.postComment(thread, readers.get(0).token(), "Once more, at once", null);
        assertProblem(refused, 429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 45L);
        api.postComment(thread, api.newUser().token(), "A newcomer may still speak once", null).expectStatus(201);
        assertThat(autoSwitches(thread)).as("switched on once, however many comments follow").isEqualTo(1);
        api.postComment(api.newThread(), readers.get(0).token(), "Other threads stay as they were", null)
                .expectStatus(201);
    }

    @Test
    void concurrentPostersSwitchSlowModeOnExactlyOnce() throws Exception {
        String thread = api.newThread();
        List<Api.Session> readers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            readers.add(api.newUser());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < readers.size(); i++) {
                String token = readers.get(i).token();
                String body = "Everyone at once, number " + i;
                posts.add(() -> api.postComment(thread, token, body, null).status());
            }
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertThat(status.get()).as("each reader's first comment is accepted").isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(slowModeHolds(thread)).isTrue();
        assertThat(autoSwitches(thread)).isEqualTo(1);
    }

    @Test
    void aSlowModeSetByHandIsLeftAsItIs() {
        String thread = api.newThread();
        db.update("UPDATE thread SET slow_mode_seconds = 7, slow_mode_until = NULL WHERE id = ?", db.rowId(thread));
        for (int i = 0; i < 8; i++) {
            api.postComment(thread, api.newUser().token(), "Comment " + i, null).expectStatus(201);
        }
        assertThat(db.count("SELECT count(*) FROM thread WHERE id = ? AND slow_mode_seconds = 7 AND slow_mode_until IS NULL",
                db.rowId(thread))).isEqualTo(1);
        assertThat(autoSwitches(thread)).isZero();
    }

    @Test
    void flagsRaisedThroughTheFlagEndpointSwitchItOnToo() {
        String thread = api.newThread();
        long threadId = db.rowId(thread);
        String first = api.postComment(thread, api.newUser().token(), "Flag bait one", null).expectStatus(201).path("id");
        String second = api.postComment(thread, api.newUser().token(), "Flag bait two", null).expectStatus(201).path("id");
        for (int i = 0; i < 3; i++) {
            String flagged = i < 2 ? first : second;
            api.send(api.newUser().token(), c -> c.flag(flagged, new FlagRequest("abuse", null))).expectStatus(201);
        }
        assertThat(slowModeHolds(thread)).isFalse();
        api.send(api.newUser().token(), c -> c.flag(second, new FlagRequest("spam", null)))
                .expectStatus(201);
        assertThat(slowModeHolds(thread)).isTrue();
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE action = 'thread.slow-mode.auto' AND target_id = ?"
                + " AND actor_id IS NULL AND reason LIKE '%flags in a minute%'", threadId)).isEqualTo(1);
    }

    private boolean slowModeHolds(String thread) {
        return db.count("SELECT count(*) FROM thread WHERE id = ? AND slow_mode_seconds > 0"
                + " AND (slow_mode_until IS NULL OR slow_mode_until > now())", db.rowId(thread)) == 1;
    }

    private long autoSwitches(String thread) {
        return db.count("SELECT count(*) FROM audit_entry WHERE action = 'thread.slow-mode.auto' AND target_id = ?",
                db.rowId(thread));
    }
}
