package news.forum.thread;

import jakarta.inject.Singleton;
import news.forum.database.BulkTable;
import news.forum.database.Sql;

import java.util.List;
import java.util.Map;

/** Threads moved in and out in bulk: imports lock closed threads and count their comments per batch. */
@Singleton
public class ThreadTransfer {

    /** The thread table of a whole-site export: lock, moderation settings, counters and the live event number. */
    public static final List<BulkTable> TABLES = List.of(new BulkTable("thread",
            List.of("id", "article_id", "locked", "locked_at", "locked_by", "lock_reason", "lock_note", "comment_count",
                    "created_at", "premoderation", "slow_mode_seconds", "slow_mode_until", "event_seq"), """
                    SELECT id, article_id, locked, locked_at, locked_by, lock_reason, lock_note, comment_count, created_at,
                           premoderation, slow_mode_seconds, slow_mode_until, event_seq
                    FROM thread ORDER BY id""", null, """
                    COPY thread (id, article_id, locked, locked_at, locked_by, lock_reason, lock_note, comment_count,
                                 created_at, premoderation, slow_mode_seconds, slow_mode_until, event_seq)
                    FROM STDIN""",
            List.of("SELECT setval(pg_get_serial_sequence('thread', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM thread")));

    private final Sql sql;
    private final ThreadRepository threads;

    ThreadTransfer(Sql sql, ThreadRepository threads) {
        this.sql = sql;
        this.threads = threads;
    }

    /** The article's thread, created when it has none. */
    public long threadOf(long articleId) {
        threads.createForArticle(articleId);
        return sql.one("SELECT id FROM thread WHERE article_id = ?", row -> row.getLong(1), articleId).orElseThrow();
    }

    public java.util.Optional<Long> findThreadOf(long articleId) {
        return sql.one("SELECT id FROM thread WHERE article_id = ?", row -> row.getLong(1), articleId);
    }

    /**
     * A thread closed in the source is locked, by nobody in particular and with no reason, so readers see "Comments are
     * closed."; one locked already keeps its lock. No live event: nobody follows a thread being moved in.
     */
    public boolean lockImported(long threadId) {
        return sql.update("UPDATE thread SET locked = true, locked_at = now() WHERE id = ? AND NOT locked", threadId) == 1;
    }

    /** Counts the comments of one committed batch on their threads (what readers see as comments). */
    public void addCommentCounts(Map<Long, Integer> counts) {
        counts.forEach((threadId, count) -> {
            if (count != 0) {
                threads.addToCommentCount(threadId, count);
            }
        });
    }
}
