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
 * rush. The check and the record of the post are one statement, so two posts sent at once by one account make one
 * comment; a refused comment rolls its record back. Every accepted comment is then counted towards automatic slow
 * mode ({@link AutomaticSlowMode}).
 */
@Singleton
@Order(10)
class SlowModeCheck implements NewCommentRules {

    private final Sql sql;
    private final AutomaticSlowMode automatic;

    SlowModeCheck(Sql sql, AutomaticSlowMode automatic) {
        this.sql = sql;
        this.automatic = automatic;
    }

    @Override
    public Optional<String> check(NewComment comment) {
        Optional<Integer> seconds = sql.one("""
                        SELECT slow_mode_seconds FROM thread
                        WHERE id = ? AND slow_mode_seconds > 0 AND (slow_mode_until IS NULL OR slow_mode_until > now())""",
                row -> row.getInt("slow_mode_seconds"), comment.threadId());
        if (seconds.isPresent() && !comment.author().role().moderates()) {
            enforce(comment.threadId(), comment.author().id(), seconds.get());
        }
        automatic.countComment(comment.threadId());
        return Optional.empty();
    }

    private void enforce(long threadId, long accountId, int seconds) {
        boolean allowed = sql.one("""
                        INSERT INTO slow_mode_post (thread_id, account_id, posted_at) VALUES (?, ?, now())
                        ON CONFLICT (thread_id, account_id) DO UPDATE SET posted_at = excluded.posted_at
                        WHERE slow_mode_post.posted_at <= now() - make_interval(secs => ?)
                        RETURNING true""",
                row -> true, threadId, accountId, seconds).isPresent();
        if (!allowed) {
            double wait = sql.one("""
                            SELECT extract(epoch FROM posted_at + make_interval(secs => ?) - clock_timestamp()) AS wait
                            FROM slow_mode_post WHERE thread_id = ? AND account_id = ?""",
                    row -> row.getDouble("wait"), seconds, threadId, accountId).orElse((double) seconds);
            throw ProblemException.tooManyRequests("slow-mode", "Slow mode",
                    "This discussion is in slow mode: one comment every " + seconds + " seconds per reader.",
                    Duration.ofMillis((long) Math.ceil(Math.max(wait, 1) * 1000)));
        }
    }

    /** Forgets posts that no longer hold anyone back (older than their thread's slow-mode interval). */
    @Scheduled(initialDelay = "1m", fixedDelay = "5m")
    @Transactional
    public void forgetOldPosts() {
        sql.update("""
                DELETE FROM slow_mode_post p USING thread t
                WHERE t.id = p.thread_id AND p.posted_at < now() - make_interval(secs => t.slow_mode_seconds)""");
    }
}
