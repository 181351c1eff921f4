package news.forum.moderation;

import news.forum.support.Api;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WholeDatabase
class ThreadModerationApiTest extends ModerationTestBase {

    @Test
    void aModeratorSetsPremoderationAndSlowModeAndTheThreadShowsThem() {
        String thread = api.newThread();
        Api.Session moderator = moderator();
        Response fresh = api.send(c -> c.thread(thread));
        assertThat(fresh.json()).containsEntry("premoderation", "none").containsEntry("slowModeSeconds", 0)
                .containsEntry("slowModeUntil", null);

        Response set = settings(thread, moderator.token(), Map.of("premoderation", "new_accounts", "slowModeSeconds", 30));
        set.expectStatus(200);
        assertThat(set.json()).containsEntry("premoderation", "new_accounts").containsEntry("slowModeSeconds", 30)
                .containsEntry("slowModeUntil", null);
        Response page = api.send(c -> c.page(thread, null, null, null));
        assertThat((Object) page.path("thread")).isEqualTo(set.json());
        long row = db.rowId(thread);
        assertThat(db.count("SELECT count(*) FROM thread WHERE id = ? AND premoderation = 'new_accounts'"
                + " AND slow_mode_seconds = 30 AND slow_mode_until IS NULL", row)).isEqualTo(1);

        // a field left out stays; 0 switches slow mode off; "default" follows the site again
        Response slowOff = settings(thread, moderator.token(), Map.of("slowModeSeconds", 0));
        assertThat(slowOff.json()).containsEntry("premoderation", "new_accounts").containsEntry("slowModeSeconds", 0);
        Response siteDefault = settings(thread, moderator.token(), Map.of("premoderation", "default"));
        assertThat(siteDefault.json()).containsEntry("premoderation", "none");
        assertThat(db.count("SELECT count(*) FROM thread WHERE id = ? AND premoderation IS NULL", row)).isEqualTo(1);
        settings(thread, moderator.token(), Map.of("premoderation", "none")).expectStatus(200);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'thread' AND target_id = ?"
                + " AND action = 'thread.moderation'", row)).isEqualTo(4);
        settings(thread, moderator.token(), Map.of("premoderation", "none")).expectStatus(200);
        assertThat(db.count("SELECT count(*) FROM audit_entry WHERE target_type = 'thread' AND target_id = ?"
                + " AND action = 'thread.moderation'", row)).isEqualTo(4);
    }

    @Test
    void slowModeSwitchedOnAutomaticallyShowsUntilWhenAndASettingByHandReplacesIt() {
        String thread = api.newThread();
        long row = db.rowId(thread);
        // what the automatic switch (the rules' part of the engine) writes
        db.update("UPDATE thread SET slow_mode_seconds = 60, slow_mode_until = now() + interval '10 minutes' WHERE id = ?", row);
        Response automatic = api.send(c -> c.thread(thread));
        assertThat(((Number) automatic.path("slowModeSeconds")).intValue()).isEqualTo(60);
        assertThat((String) automatic.path("slowModeUntil")).endsWith("Z");

        db.update("UPDATE thread SET slow_mode_until = now() - interval '1 second' WHERE id = ?", row);
        Response expired = api.send(c -> c.thread(thread));
        assertThat(expired.json()).containsEntry("slowModeSeconds", 0).containsEntry("slowModeUntil", null);

        Response byHand = settings(thread, moderator().token(), Map.of("slowModeSeconds", 15));
        assertThat(byHand.json()).containsEntry("slowModeSeconds", 15).containsEntry("slowModeUntil", null);
    }

    @Test
    void onlyModeratorsChangeTheSettingsAndBadValuesChangeNothing() {
        String thread = api.newThread();
        String moderator = moderator().token();
        String before = snapshot();
        assertProblem(settings(thread, null, Map.of("slowModeSeconds", 10)), 401);
        assertProblem(settings(thread, api.newUser().token(), Map.of("slowModeSeconds", 10)), 403);
        assertProblem(settings("AAAAAAAAAAA", moderator, Map.of("slowModeSeconds", 10)), 404);
        assertProblem(settings(thread, moderator, Map.of("premoderation", "sometimes")), 400);
        assertProblem(settings(thread, moderator, Map.of()), 400);
        assertProblem(settings(thread, moderator, Map.of("slowModeSeconds", -1)), 400);
        assertProblem(settings(thread, moderator, Map.of("slowModeSeconds", 86_401)), 400);
        assertProblem(settings(thread, moderator, Map.of("slowModeSeconds", "ten")), 400);
        Map<String, Object> both = new HashMap<>();
        both.put("premoderation", "all");
        both.put("slowModeSeconds", 1.5);
        assertProblem(settings(thread, moderator, both), 400);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aLockCarriesTheModeratorsNoteUntilTheThreadIsUnlocked() {
        String thread = api.newThread();
        Api.Session moderator = moderator();
        Response locked = api.send(moderator.token(), c -> c.lock(thread, new LockRequest("Legal review", "We will reopen once the court has ruled.\nThank you for waiting.")));
        locked.expectStatus(200);
        assertThat(locked.json()).containsEntry("lockReason", "Legal review")
                .containsEntry("lockNote", "We will reopen once the court has ruled.\nThank you for waiting.");
        assertThat((String) api.send(c -> c.page(thread, null, null, null)).path("thread.lockNote"))
                .isEqualTo("We will reopen once the court has ruled.\nThank you for waiting.");
        // locking again changes nothing, the note included
        api.send(moderator.token(), c -> c.lock(thread, new LockRequest(null, "another note"))).expectStatus(200);
        assertThat((String) api.send(c -> c.thread(thread)).path("lockNote")).startsWith("We will reopen");

        api.send(moderator.token(), c -> c.unlock(thread)).expectStatus(200);
        assertThat((Object) api.send(c -> c.thread(thread)).path("lockNote")).isNull();
        assertProblem(api.send(moderator.token(), c -> c.lock(thread, new LockRequest(null, "x".repeat(2001)))), 400);
        assertProblem(api.send(moderator.token(), c -> c.lock(thread, new LockRequest(null, "bell\u0007"))), 400);
        assertThat((Boolean) api.send(c -> c.thread(thread)).path("locked")).isFalse();
    }
}
