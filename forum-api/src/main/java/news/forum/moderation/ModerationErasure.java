package news.forum.moderation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.comment.CommentModeration;
import news.forum.comment.CommentState;
import news.forum.database.Sql;
import news.forum.web.PublicIds;

import java.time.Instant;
import java.util.List;

/**
 * What moderation holds of one reader, for their data export and their account's deletion: the flags they raised,
 * and what the posting rules remember of them (recent texts, slow-mode turns). An open flag goes with the account,
 * its count taken off the comment (one flag per short transaction, the comment locked first, as an approval does);
 * a resolved flag stays in the moderators' history.
 */
@Singleton
public class ModerationErasure {

    private static final int BATCH = 500;

    /** A flag the owner raised, as their data export gives it. */
    @Serdeable
    public record RaisedFlag(@JsonIgnore long rowId, String commentId, String reason, @Nullable String detail, Instant createdAt,
                             @Nullable Instant resolvedAt) {
    }

    private record OpenFlag(long id, long commentId) {
    }

    private final Sql sql;
    private final CommentModeration comments;
    private final PublicIds ids;

    ModerationErasure(Sql sql, CommentModeration comments, PublicIds ids) {
        this.sql = sql;
        this.comments = comments;
        this.ids = ids;
    }

    /** The flags the account raised after a flag's row id (0: from the start), oldest first. */
    @ReadOnly
    public List<RaisedFlag> flagsRaised(long accountId, long afterId, int limit) {
        return sql.list("""
                        SELECT id, comment_id, reason, detail, created_at, resolved_at FROM comment_flag
                        WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?""",
                row -> new RaisedFlag(row.getLong("id"), ids.format(PublicIds.Kind.COMMENT, row.getLong("comment_id")), row.getString("reason"),
                        row.getString("detail"), Sql.instant(row, "created_at"), Sql.instant(row, "resolved_at")),
                accountId, afterId, limit);
    }

    /** Every open flag of the account removed and uncounted; returns how many. */
    public int removeOpenFlags(long accountId) {
        int done = 0;
        for (List<OpenFlag> batch = openFlags(accountId); !batch.isEmpty(); batch = openFlags(accountId)) {
            for (OpenFlag flag : batch) {
                removeOpenFlag(flag);
                done++;
            }
        }
        return done;
    }

    /** Recent texts (the repeat rule) and slow-mode turns of the account. */
    @Transactional
    public void forgetActivity(long accountId) {
        sql.update("DELETE FROM recent_comment_text WHERE author_id = ?", accountId);
        sql.update("DELETE FROM slow_mode_post WHERE account_id = ?", accountId);
    }

    @ReadOnly
    protected List<OpenFlag> openFlags(long accountId) {
        return sql.list("SELECT id, comment_id FROM comment_flag WHERE account_id = ? AND resolved_at IS NULL ORDER BY id LIMIT ?",
                row -> new OpenFlag(row.getLong("id"), row.getLong("comment_id")), accountId, BATCH);
    }

    @Transactional
    protected void removeOpenFlag(OpenFlag flag) {
        sql.update("SET LOCAL synchronous_commit = off");
        CommentState comment = comments.lock(flag.commentId()).orElseThrow();
        if (sql.update("DELETE FROM comment_flag WHERE id = ? AND resolved_at IS NULL", flag.id()) == 1) {
            comments.uncountFlag(comment);
        }
    }
}
