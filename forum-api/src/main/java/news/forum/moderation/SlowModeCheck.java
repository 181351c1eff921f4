package news.forum.moderation;

import io.micronaut.core.annotation.Order;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.comment.NewCommentRules;
import news.forum.database.Sql;
import news.forum.web.ProblemException;

import java.time.Duration;
import java.util.Optional;

/**
 * Slow mode: while it holds in a thread (set by hand: {@code slow_mode_until IS NULL}; switched on automatically:
 * until {@code slow_mode_until}), each account may post there once every {@code slow_mode_seconds}; sooner is a
 * 429 whose Retry-After says when. Moderators are exempt: they must be able to answer, warn and explain during a
 * rush. Every post records when its author last posted in the thread, slow mode or not, so a comment made just
 * before slow mode switched on counts too; the check and the record are one statement, so two posts sent at once by
 * one account make one comment, and a refused comment rolls its record back (now() is each transaction's start, so
 * the newer of two times is kept, and outside slow mode nothing is refused). Every accepted comment is then counted
 * towards automatic slow mode ({@link AutomaticSlowMode}).
 */
@Singleton
@Order(10)
class SlowModeCheck implements NewCommentRules {

    /** How long a post is remembered at least, beyond any thread's interval: slow mode may switch on meanwhile. */
    private static final int REMEMBERED_SECONDS = 3600;

    private final Sql sql;
    private final AutomaticSlowMode automatic;

    SlowModeCheck(Sql sql, AutomaticSlowMode automatic) {
        this.sql = sql;
        this.automatic = automatic;
    }

    private record Outcome(int seconds, boolean allowed, double waitSeconds) {
    }

    @Override
    public Optional<String> check(NewComment comment) {
        // no row at all for a thread that does not exist: the insert that follows answers 404
        Optional<Outcome> outcome = sql.one("""
                        WITH slow AS (
                            SELECT CASE WHEN ? AND slow_mode_seconds > 0
                                         AND (slow_mode_until IS NULL OR slow_mode_until > now())
                                        THEN slow_mode_seconds ELSE 0 END AS seconds
                            FROM thread WHERE id = ?
                        ), posted AS (
                            INSERT INTO slow_mode_post (thread_id, account_id, posted_at)
                            SELECT ?, ?, now() FROM slow
                            ON CONFLICT (thread_id, account_id)
                            DO UPDATE SET posted_at = greatest(slow_mode_post.posted_at, excluded.posted_at)
                            WHERE (SELECT seconds FROM slow) = 0
                               OR slow_mode_post.posted_at <= now() - make_interval(secs => (SELECT seconds FROM slow))
                            RETURNING true
                        )
                        SELECT slow.seconds, EXISTS (SELECT 1 FROM posted) AS allowed,
                               extract(epoch FROM p.posted_at + make_interval(secs => slow.seconds) - clock_timestamp()) AS wait
                        FROM slow LEFT JOIN slow_mode_post p ON p.thread_id = ? AND p.account_id = ?""",
                row -> new Outcome(row.getInt("seconds"), row.getBoolean("allowed"), row.getDouble("wait")),
                !comment.author().role().moderates(), comment.threadId(), comment.threadId(), comment.author().id(),
                comment.threadId(), comment.author().id());
        if (outcome.isPresent() && !outcome.get().allowed()) {
            int seconds = outcome.get().seconds();
            throw ProblemException.tooManyRequests("slow-mode", "Slow mode",
                    "This discussion is in slow mode: one comment every " + seconds + " seconds per reader.",
                    Duration.ofMillis((long) Math.ceil(Math.max(outcome.get().waitSeconds(), 1) * 1000)));
        }
        automatic.countComment(comment.threadId());
        return Optional.empty();
    }

    /** Forgets posts that can no longer hold anyone back. */
    @Scheduled(initialDelay = "1m", fixedDelay = "5m")
    @Transactional
    public void forgetOldPosts() {
        sql.update("""
                DELETE FROM slow_mode_post p USING thread t
                WHERE t.id = p.thread_id
                  AND p.posted_at < now() - make_interval(secs => greatest(t.slow_mode_seconds, ?))""",
                REMEMBERED_SECONDS);
    }
}
