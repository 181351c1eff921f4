package news.forum.thread;

import jakarta.inject.Singleton;
import news.forum.database.Sql;
import news.forum.moderation.ModerationSettings;
import news.forum.web.PublicIds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import static news.forum.web.PublicIds.Kind.THREAD;

@Singleton
public class ThreadRepository {

    /** Enough of a thread to decide whether it takes a write. */
    public record ThreadState(long id, boolean locked, String lockReason) {
    }

    private static final String VIEW = """
            SELECT t.id, ar.article_key, ar.title, t.locked, t.locked_at, lb.username AS locked_by,
                   t.lock_reason, t.lock_note, t.comment_count, t.event_seq, t.premoderation,
                   t.slow_mode_seconds, t.slow_mode_until,
                   t.slow_mode_seconds > 0 AND (t.slow_mode_until IS NULL OR t.slow_mode_until > now()) AS slow_mode_on
            FROM thread t
            JOIN article ar ON ar.id = t.article_id
            LEFT JOIN account lb ON lb.id = t.locked_by
            """;

    private final Sql sql;
    private final PublicIds ids;
    private final ModerationSettings settings;

    ThreadRepository(Sql sql, PublicIds ids, ModerationSettings settings) {
        this.sql = sql;
        this.ids = ids;
        this.settings = settings;
    }

    public Optional<ThreadView> findView(long threadId) {
        return sql.one(VIEW + " WHERE t.id = ?", this::view, threadId);
    }

    public Optional<ThreadView> findViewByArticleKey(String articleKey) {
        return sql.one(VIEW + " WHERE ar.article_key = ?", this::view, articleKey);
    }

    public Optional<ThreadState> findState(long threadId) {
        return sql.one("SELECT id, locked, lock_reason FROM thread WHERE id = ?", ThreadRepository::state, threadId);
    }

    /** Waits for a lock or unlock in progress and blocks one from starting until this transaction ends. */
    public Optional<ThreadState> findStateForShare(long threadId) {
        return sql.one("SELECT id, locked, lock_reason FROM thread WHERE id = ? FOR SHARE", ThreadRepository::state, threadId);
    }

    /**
     * Waits for a lock or unlock in progress and holds the row for a write that follows in this transaction; taking
     * it FOR SHARE first and updating it later would let two such writes deadlock on the upgrade.
     */
    public Optional<ThreadState> findStateForUpdate(long threadId) {
        return sql.one("SELECT id, locked, lock_reason FROM thread WHERE id = ? FOR NO KEY UPDATE", ThreadRepository::state, threadId);
    }

    public void createForArticle(long articleId) {
        sql.update("INSERT INTO thread (article_id) VALUES (?) ON CONFLICT (article_id) DO NOTHING", articleId);
    }

    /** Counts comments that start (+) or stop (-) showing to readers. */
    public void addToCommentCount(long threadId, int change) {
        sql.update("UPDATE thread SET comment_count = comment_count + ? WHERE id = ?", change, threadId);
    }

    /** True when this call locked it; false when it was locked already or does not exist. */
    boolean lock(long threadId, long actorId, String reason, String note) {
        return sql.update("""
                UPDATE thread SET locked = true, locked_at = now(), locked_by = ?, lock_reason = ?, lock_note = ?
                WHERE id = ? AND NOT locked""", actorId, reason, note, threadId) == 1;
    }

    boolean unlock(long threadId) {
        return sql.update("""
                UPDATE thread SET locked = false, locked_at = NULL, locked_by = NULL, lock_reason = NULL, lock_note = NULL
                WHERE id = ? AND locked""", threadId) == 1;
    }

    /** The thread's own settings, locked for a change. */
    record ModerationState(String premoderation, int slowModeSeconds, Instant slowModeUntil) {
    }

    Optional<ModerationState> lockModerationState(long threadId) {
        return sql.one("SELECT premoderation, slow_mode_seconds, slow_mode_until FROM thread WHERE id = ? FOR UPDATE",
                row -> new ModerationState(row.getString("premoderation"), row.getInt("slow_mode_seconds"),
                        Sql.instant(row, "slow_mode_until")), threadId);
    }

    /** Slow mode set by hand holds until changed, so it has no end time. */
    void updateModeration(long threadId, String premoderation, int slowModeSeconds, Instant slowModeUntil) {
        sql.update("UPDATE thread SET premoderation = ?, slow_mode_seconds = ?, slow_mode_until = ? WHERE id = ?",
                premoderation, slowModeSeconds, slowModeUntil, threadId);
    }

    private ThreadView view(ResultSet row) throws SQLException {
        String premoderation = row.getString("premoderation");
        boolean slowMode = row.getBoolean("slow_mode_on");
        return new ThreadView(ids.format(THREAD, row.getLong("id")), row.getString("article_key"), row.getString("title"),
                row.getBoolean("locked"), Sql.instant(row, "locked_at"), row.getString("locked_by"),
                row.getString("lock_reason"), row.getString("lock_note"), row.getInt("comment_count"),
                premoderation == null ? settings.premoderation() : premoderation,
                slowMode ? row.getInt("slow_mode_seconds") : 0,
                slowMode ? Sql.instant(row, "slow_mode_until") : null,
                row.getLong("event_seq"));
    }

    private static ThreadState state(ResultSet row) throws SQLException {
        return new ThreadState(row.getLong("id"), row.getBoolean("locked"), row.getString("lock_reason"));
    }
}
