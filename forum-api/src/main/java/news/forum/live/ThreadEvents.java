package news.forum.live;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.database.Sql;

/**
 * Publishes what readers of a thread see live. Each call writes one row of the outbox ({@code thread_event}) in the
 * caller's transaction, so the event exists exactly when the change commits; the row's trigger notifies every
 * instance at that commit. Rows name the comment or thread, not its text: the payload is read when the event is
 * delivered, through the same public view as the API, so text that is deleted, removed or held is never sent.
 * <p>
 * A change that readers must not see (a comment held for review) is simply not published; publish
 * {@link #commentCreated} when it is approved.
 * Calling it outside a transaction is a programming error and fails.
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
public class ThreadEvents {

    private final Sql sql;

    ThreadEvents(Sql sql) {
        this.sql = sql;
    }

    public void commentCreated(long threadId, long commentId) {
        record(threadId, ThreadEventType.COMMENT_CREATED, commentId);
    }

    public void commentUpdated(long threadId, long commentId) {
        record(threadId, ThreadEventType.COMMENT_UPDATED, commentId);
    }

    public void commentDeleted(long threadId, long commentId) {
        record(threadId, ThreadEventType.COMMENT_DELETED, commentId);
    }

    public void commentRemoved(long threadId, long commentId) {
        record(threadId, ThreadEventType.COMMENT_REMOVED, commentId);
    }

    public void threadLocked(long threadId) {
        record(threadId, ThreadEventType.THREAD_LOCKED, null);
    }

    public void threadUnlocked(long threadId) {
        record(threadId, ThreadEventType.THREAD_UNLOCKED, null);
    }

    /**
     * Takes the thread's next sequence number from its row: the row stays locked until the commit, so numbers are
     * given in commit order and without gaps, which lets a reconnecting client ask for exactly what it missed.
     */
    private void record(long threadId, ThreadEventType type, Long commentId) {
        sql.update("""
                WITH next AS (
                    UPDATE thread SET event_seq = event_seq + 1 WHERE id = ? RETURNING id, event_seq
                )
                INSERT INTO thread_event (thread_id, seq, type, comment_id)
                SELECT id, event_seq, ?, ? FROM next""", threadId, type.wireName(), commentId);
    }
}
