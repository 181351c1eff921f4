package news.forum.thread;

import jakarta.inject.Singleton;
import news.forum.database.Sql;
import news.forum.web.PublicIds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

@Singleton
public class ThreadRepository {

    /** Enough of a thread to decide whether it takes a write. */
    public record ThreadState(long id, boolean locked, String lockReason) {
    }

    private static final String VIEW = """
            SELECT t.id, ar.article_key, ar.title, t.locked, t.locked_at, lb.username AS locked_by,
                   t.lock_reason, t.comment_count, t.event_seq
            FROM thread t
            JOIN article ar ON ar.id = t.article_id
            LEFT JOIN account lb ON lb.id = t.locked_by
            """;

    private final Sql sql;
    private final PublicIds ids;

    ThreadRepository(Sql sql, PublicIds ids) {
        this.sql = sql;
        this.ids = ids;
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

    public void countRemovedComment(long threadId) {
        sql.update("UPDATE thread SET comment_count = comment_count - 1 WHERE id = ?", threadId);
    }

    /** True when this call locked it; false when it was locked already or does not exist. */
    boolean lock(long threadId, long actorId, String reason) {
        return sql.update("""
                UPDATE thread SET locked = true, locked_at = now(), locked_by = ?, lock_reason = ?
                WHERE id = ? AND NOT locked""", actorId, reason, threadId) == 1;
    }

    boolean unlock(long threadId) {
        return sql.update("""
                UPDATE thread SET locked = false, locked_at = NULL, locked_by = NULL, lock_reason = NULL
                WHERE id = ? AND locked""", threadId) == 1;
    }

    private ThreadView view(ResultSet row) throws SQLException {
        return new ThreadView(ids.format(row.getLong("id")), row.getString("article_key"), row.getString("title"),
                row.getBoolean("locked"), Sql.instant(row, "locked_at"), row.getString("locked_by"),
                row.getString("lock_reason"), row.getInt("comment_count"), row.getLong("event_seq"));
    }

    private static ThreadState state(ResultSet row) throws SQLException {
        return new ThreadState(row.getLong("id"), row.getBoolean("locked"), row.getString("lock_reason"));
    }
}
