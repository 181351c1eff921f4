package news.forum.moderation;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.account.Callers;
import news.forum.comment.CommentModeration;
import news.forum.comment.CommentState;
import news.forum.database.Sql;
import news.forum.text.TextRules;
import news.forum.web.ProblemException;
import news.forum.web.PublicIds;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static news.forum.web.PublicIds.Kind.COMMENT;

/**
 * Readers' flags: stored once per reader and comment; when the flags that count reach the threshold, the comment is
 * hidden for review. Every flag reaches the moderators' queue, but a flag counts towards hiding only when it comes
 * from an account old enough (FORUM_FLAG_MIN_ACCOUNT_AGE) that has a published comment, from a network address no
 * counting open flag of the comment came from, and against a comment whose author is not a moderator or an admin:
 * so a few accounts made a minute ago, or many made behind one address, cannot hide anyone's comment.
 */
@Singleton
class Flags {

    static final Set<String> REASONS = Set.of("spam", "abuse", "off_topic", "other");

    /** An open flag as the moderation queue shows it. */
    record OpenFlag(long commentId, FlagView view) {
    }

    private final Sql sql;
    private final Callers callers;
    private final CommentModeration comments;
    private final ModerationSettings settings;
    private final PublicIds ids;
    private final AutomaticSlowMode automaticSlowMode;

    Flags(Sql sql, Callers callers, CommentModeration comments, ModerationSettings settings,
          PublicIds ids, AutomaticSlowMode automaticSlowMode) {
        this.sql = sql;
        this.automaticSlowMode = automaticSlowMode;
        this.callers = callers;
        this.comments = comments;
        this.settings = settings;
        this.ids = ids;
    }

    /**
     * A held comment is as unknown to other readers as a missing one (404); a removed one, or one already hidden for
     * review, takes no more flags (409). Flags are taken in locked threads too: moderation goes on there.
     */
    @Transactional
    public FlagView flag(Authentication authentication, String commentId, FlagRequest request, byte[] addressKey) {
        Caller flagger = callers.require(authentication);
        String reason = request.reason().strip();
        if (!REASONS.contains(reason)) {
            throw ProblemException.invalidField("reason", "must be spam, abuse, off_topic or other");
        }
        String detail = request.detail() == null ? null : TextRules.clean("detail", request.detail()).strip();
        if (detail != null && detail.isEmpty()) {
            detail = null;
        }
        CommentState comment = comments.lock(ids.parse(COMMENT, commentId))
                .filter(c -> !c.deleted() && (!c.pending() || flagger.role().moderates()))
                .orElseThrow(() -> ProblemException.notFound("The comment"));
        if (comment.authorId() == flagger.id()) {
            throw ProblemException.forbidden("You cannot flag your own comment.");
        }
        if (comment.removed() || comment.reviewState() != null) {
            throw ProblemException.conflict("comment-in-review", "Already with the moderators",
                    "This comment is already removed or waiting for a moderator's review.");
        }
        // the comment row is locked: flags of one comment are taken one after another, so "no counting flag from this
        // address yet" holds when the insert commits
        record Taken(Instant createdAt, boolean counts) {
        }
        Taken taken = sql.one("""
                        INSERT INTO comment_flag (comment_id, account_id, reason, detail, address_key, counts)
                        SELECT ?, ?, ?, ?, ?,
                               (SELECT role = 'USER' FROM account WHERE id = ?)
                               AND f.created_at <= now() - make_interval(secs => ?)
                               AND EXISTS (SELECT 1 FROM comment c WHERE c.author_id = f.id AND c.review_state IS NULL
                                           AND c.removed_at IS NULL AND c.deleted_at IS NULL)
                               AND NOT EXISTS (SELECT 1 FROM comment_flag o WHERE o.comment_id = ? AND o.address_key = ?
                                               AND o.counts AND o.resolved_at IS NULL)
                        FROM account f WHERE f.id = ?
                        ON CONFLICT (comment_id, account_id) DO NOTHING
                        RETURNING created_at, counts""",
                row -> new Taken(Sql.instant(row, "created_at"), row.getBoolean("counts")),
                comment.id(), flagger.id(), reason, detail, addressKey, comment.authorId(),
                (double) settings.flagMinAccountAge().toSeconds(), comment.id(), addressKey, flagger.id())
                .orElseThrow(() -> ProblemException.conflict("already-flagged", "Already flagged",
                        "You have flagged this comment already."));
        Instant createdAt = taken.createdAt();
        comments.countFlag(comment, settings.flagThreshold(), taken.counts());
        // a thread drawing many flags a minute switches slow mode on by itself, as one drawing many comments does
        automaticSlowMode.countFlag(comment.threadId());
        return new FlagView(commentId, reason, detail, null, createdAt, null);
    }

    /** A moderator's approval settles every open flag of the comment. */
    void resolveAll(long commentId, long moderatorId) {
        sql.update("UPDATE comment_flag SET resolved_at = now(), resolved_by = ? WHERE comment_id = ? AND resolved_at IS NULL",
                moderatorId, commentId);
    }

    /** The open flags of these comments, oldest first, with who flagged. */
    List<OpenFlag> open(long[] commentIds) {
        return sql.list("""
                        SELECT f.comment_id, f.reason, f.detail, f.created_at, f.counts, a.username
                        FROM comment_flag f JOIN account a ON a.id = f.account_id
                        WHERE f.comment_id = ANY(?) AND f.resolved_at IS NULL
                        ORDER BY f.id""",
                row -> new OpenFlag(row.getLong("comment_id"), new FlagView(ids.format(COMMENT, row.getLong("comment_id")),
                        row.getString("reason"), row.getString("detail"), row.getString("username"),
                        Sql.instant(row, "created_at"), row.getBoolean("counts"))),
                (Object) commentIds);
    }
}
