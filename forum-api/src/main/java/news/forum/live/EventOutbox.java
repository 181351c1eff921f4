package news.forum.live;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.database.Sql;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads and prunes the outbox that {@link ThreadEvents} writes. */
@Singleton
class EventOutbox {

    record Row(long seq, ThreadEventType type, Long commentId) {
    }

    /** The thread's latest event id, and the oldest one still kept (null when none is). */
    record Position(long lastSeq, Long oldestKept) {

        /** Whether every event after {@code seq} is still there to replay. */
        boolean keepsEverythingAfter(long seq) {
            return seq == lastSeq || (seq < lastSeq && oldestKept != null && oldestKept <= seq + 1);
        }
    }

    private final Sql sql;

    EventOutbox(Sql sql) {
        this.sql = sql;
    }

    @ReadOnly
    Optional<Position> position(long threadId) {
        return sql.one("""
                        SELECT t.event_seq, (SELECT min(e.seq) FROM thread_event e WHERE e.thread_id = t.id) AS oldest
                        FROM thread t WHERE t.id = ?""",
                row -> new Position(row.getLong("event_seq"), Sql.nullableLong(row, "oldest")), threadId);
    }

    /** Events of the thread after {@code seq}, oldest first. */
    List<Row> after(long threadId, long seq, int limit) {
        return sql.list("SELECT seq, type, comment_id FROM thread_event WHERE thread_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                row -> new Row(row.getLong("seq"), ThreadEventType.ofWireName(row.getString("type")),
                        Sql.nullableLong(row, "comment_id")), threadId, seq, limit);
    }

    /** Removes events older than the retention period, a batch at a time; returns how many. */
    @Transactional
    int prune(Duration retention, int batch) {
        return sql.update("""
                DELETE FROM thread_event WHERE ctid = ANY(ARRAY(
                    SELECT ctid FROM thread_event WHERE created_at < now() - make_interval(secs => ?) LIMIT ?))""",
                (double) retention.toMillis() / 1000, batch);
    }
}
