package news.forum.moderation;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import news.forum.audit.AuditLog;
import news.forum.database.Sql;

import java.sql.Connection;
import java.time.Duration;

/**
 * Switches slow mode on by itself when a thread overheats: more than {@code replies-per-minute} new comments, or
 * more than {@code flags-per-minute} flags, within a minute (a sliding estimate: this minute's count plus the last
 * minute's, weighted by how much of it still lies within sixty seconds). Slow mode then holds for {@code duration}
 * at one comment every {@code seconds} per account, unless it already holds, and the switch is one audit entry with
 * no actor.
 * <p>
 * The counting and the switch run just before the posting transaction commits, after its insert, when it already
 * holds the thread row (which every comment locks after its parent's row): so they take no lock out of that order,
 * posts into one thread count one after another, and a burst of concurrent posts switches slow mode on exactly once
 * (the switch is an UPDATE guarded by "not in slow mode yet").
 */
@Singleton
public class AutomaticSlowMode {

    private final Sql sql;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;
    private final int repliesPerMinute;
    private final int flagsPerMinute;
    private final int seconds;
    private final Duration duration;

    AutomaticSlowMode(Sql sql, AuditLog audit, TransactionOperations<Connection> transactions,
                      @Value("${forum.moderation.auto-slow-mode.replies-per-minute:60}") int repliesPerMinute,
                      @Value("${forum.moderation.auto-slow-mode.flags-per-minute:10}") int flagsPerMinute,
                      @Value("${forum.moderation.auto-slow-mode.seconds:30}") int seconds,
                      @Value("${forum.moderation.auto-slow-mode.duration:15m}") Duration duration) {
        if (repliesPerMinute < 1 || flagsPerMinute < 1 || seconds < 1 || duration.toSeconds() < 1) {
            throw new ConfigurationException("forum.moderation.auto-slow-mode: the thresholds, seconds and duration"
                    + " must be positive");
        }
        this.sql = sql;
        this.audit = audit;
        this.transactions = transactions;
        this.repliesPerMinute = repliesPerMinute;
        this.flagsPerMinute = flagsPerMinute;
        this.seconds = seconds;
        this.duration = duration;
    }

    /** Counts a new comment in the thread when the current transaction commits (called by the posting rules). */
    void countComment(long threadId) {
        beforeCommit(() -> count(threadId, "comments", repliesPerMinute, "new comments"));
    }

    /**
     * Counts a new flag on a comment of the thread when the current transaction commits. For the flag endpoint:
     * call it inside the transaction that stores the flag, after the flag's own writes.
     */
    public void countFlag(long threadId) {
        beforeCommit(() -> {
            // a flag takes no thread row lock of its own: take it now, after the comment rows, as a post does
            sql.one("SELECT id FROM thread WHERE id = ? FOR NO KEY UPDATE", row -> true, threadId);
            count(threadId, "flags", flagsPerMinute, "flags");
        });
    }

    private void beforeCommit(Runnable action) {
        transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("automatic slow mode counts inside a transaction"))
                .registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        action.run();
                    }
                });
    }

    private void count(long threadId, String column, int limit, String what) {
        // column is one of two constants, never input
        double perMinute = sql.one("""
                        WITH bumped AS (
                            INSERT INTO thread_activity (thread_id, minute, %1$s) VALUES (?, date_trunc('minute', now()), 1)
                            ON CONFLICT (thread_id, minute) DO UPDATE SET %1$s = thread_activity.%1$s + 1
                            RETURNING %1$s AS now_count
                        )
                        SELECT now_count + coalesce((
                            SELECT %1$s FROM thread_activity
                            WHERE thread_id = ? AND minute = date_trunc('minute', now()) - interval '1 minute'
                        ), 0) * (1 - extract(epoch FROM now() - date_trunc('minute', now())) / 60) AS per_minute
                        FROM bumped""".formatted(column),
                row -> row.getDouble("per_minute"), threadId, threadId).orElseThrow();
        if (perMinute > limit) {
            switchOn(threadId, (int) Math.round(perMinute), what);
        }
    }

    private void switchOn(long threadId, int perMinute, String what) {
        boolean switched = sql.one("""
                        UPDATE thread SET slow_mode_seconds = ?, slow_mode_until = now() + make_interval(secs => ?)
                        WHERE id = ? AND NOT (slow_mode_seconds > 0 AND (slow_mode_until IS NULL OR slow_mode_until > now()))
                        RETURNING true""",
                row -> true, seconds, (double) duration.toSeconds(), threadId).isPresent();
        if (switched) {
            audit.recordAutomatic("thread.slow-mode.auto", "thread", threadId, "About " + perMinute + " " + what
                    + " in a minute: one comment every " + seconds + " seconds per reader for " + spoken(duration) + ".");
        }
    }

    private static String spoken(Duration duration) {
        long total = duration.toSeconds();
        return total % 60 == 0 ? total / 60 + " minutes" : total + " seconds";
    }

    /** Forgets the counts of minutes that no longer matter. */
    @Scheduled(initialDelay = "1m", fixedDelay = "5m")
    @Transactional
    public void forgetOldMinutes() {
        sql.update("DELETE FROM thread_activity WHERE minute < now() - interval '5 minutes'");
    }
}
