package news.forum.comment;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.database.Sql;

import java.util.List;

/**
 * What deleting an account does to comments and votes, one row per short transaction: each step locks what an
 * author's own delete or a vote locks, in the same order (the comment, its parents, then the thread), so it can run
 * beside live traffic on a history of any size without holding many locks or risking a deadlock. Every step can be
 * repeated (the account's leftovers are found again), so a deletion interrupted by a restart is finished later. The
 * steps commit without waiting for the disk: the account's deletion record, committed durably, makes them resume.
 */
@Singleton
public class CommentErasure {

    private static final int BATCH = 500;

    private final CommentRepository comments;
    private final CommentModeration moderation;
    private final Sql sql;

    CommentErasure(CommentRepository comments, CommentModeration moderation, Sql sql) {
        this.comments = comments;
        this.moderation = moderation;
        this.sql = sql;
    }

    /** Every comment of the account becomes a tombstone without text or author; returns how many. */
    public int tombstoneAll(long accountId) {
        int done = 0;
        for (List<Long> batch = attributed(accountId); !batch.isEmpty(); batch = attributed(accountId)) {
            for (long id : batch) {
                tombstone(id, accountId);
                done++;
            }
        }
        return done;
    }

    /** Every vote of the account withdrawn, each taken off its comment's score; returns how many. */
    public int withdrawVotes(long accountId) {
        int done = 0;
        long after = 0;
        for (List<Long> batch = voted(accountId, after); !batch.isEmpty(); batch = voted(accountId, after)) {
            for (long commentId : batch) {
                withdrawVote(commentId, accountId);
                after = commentId;
                done++;
            }
        }
        return done;
    }

    @Transactional
    public void forgetIdempotencyKeys(long accountId) {
        comments.forgetIdempotencyKeys(accountId);
    }

    @ReadOnly
    protected List<Long> attributed(long accountId) {
        return comments.idsByAuthor(accountId, BATCH);
    }

    @ReadOnly
    protected List<Long> voted(long accountId, long afterCommentId) {
        return comments.votedBy(accountId, afterCommentId, BATCH);
    }

    /**
     * The text is wiped as by its author's delete (a comment with listed replies stays in its place, one without
     * leaves the listing, counts and live events follow), a moderator's removal record stays, and the author goes.
     */
    @Transactional
    protected void tombstone(long commentId, long accountId) {
        relaxDurability();
        CommentState state = moderation.lock(commentId).orElse(null);
        if (state == null || state.authorId() != accountId) {
            return;
        }
        if (!state.deleted()) {
            moderation.delete(state);
        }
        comments.dropAuthor(commentId);
    }

    @Transactional
    protected void withdrawVote(long commentId, long accountId) {
        relaxDurability();
        comments.withdrawVote(commentId, accountId);
    }

    private void relaxDurability() {
        sql.update("SET LOCAL synchronous_commit = off");
    }
}
