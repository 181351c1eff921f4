package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import news.forum.live.ThreadEvents;
import news.forum.thread.ThreadRepository;

import java.util.List;
import java.util.Optional;

/**
 * Changes of a comment's moderation state, each keeping the counters exact inside the caller's transaction: the
 * thread's comment count holds what readers see as comments ({@link CommentState#counted()}), a parent's reply
 * count what has a place under it ({@link CommentState#listed()}). Lock the comment first ({@link #lock}); the parent
 * chain and then the thread row are locked after it, the order every write keeps.
 */
@Singleton
public class CommentModeration {

    private final CommentRepository comments;
    private final ThreadRepository threads;
    private final ThreadEvents events;

    CommentModeration(CommentRepository comments, ThreadRepository threads, ThreadEvents events) {
        this.comments = comments;
        this.threads = threads;
        this.events = events;
    }

    public Optional<CommentState> lock(long commentId) {
        return comments.lockState(commentId);
    }

    public Optional<CommentView> view(long commentId, Viewer viewer) {
        return comments.findView(commentId, viewer);
    }

    /** Several comments by id, in no particular order; those the viewer may not see are left out. */
    public List<CommentView> views(long[] commentIds, Viewer viewer) {
        return comments.findViews(commentIds, viewer);
    }

    /** False when it was removed already (its first reason stays). */
    public boolean remove(CommentState comment, long moderatorId, @Nullable String reason) {
        if (comment.removed()) {
            return false;
        }
        comments.markRemoved(comment.id(), moderatorId, reason);
        recount(comment, comment.asRemoved(true));
        events.commentRemoved(comment.threadId(), comment.id());
        return true;
    }

    /** A removed comment's reason replaced (counts stay); false when it is the same. */
    public boolean changeRemovalReason(CommentState comment, long moderatorId, String reason) {
        boolean changed = comments.updateRemovalReason(comment.id(), moderatorId, reason);
        if (changed) {
            events.commentRemoved(comment.threadId(), comment.id());
        }
        return changed;
    }

    /** Back exactly to the state it was removed in (held, hidden or published). False when it was not removed. */
    public boolean restore(CommentState comment) {
        if (!comment.removed()) {
            return false;
        }
        comments.clearRemoval(comment.id());
        recount(comment, comment.asRemoved(false));
        // back in its place as it was (an event of a comment readers may not see is never delivered)
        events.commentUpdated(comment.threadId(), comment.id());
        return true;
    }

    /**
     * Publishes a held or hidden comment, or the held edit of a published one, and dismisses its open flags; false
     * when there was nothing to approve.
     */
    public boolean approve(CommentState comment) {
        if (comment.reviewState() == null && comment.flagCount() == 0 && !comment.editPending()) {
            return false;
        }
        comments.markApproved(comment.id());
        recount(comment, comment.inReview(null, 0));
        if (comment.pending()) {
            // held until now: readers see it for the first time
            events.commentCreated(comment.threadId(), comment.id());
        } else if (comment.hiddenByFlags() || comment.editPending()) {
            // a flagged one comes back in its place; an edit replaces the text readers saw
            events.commentUpdated(comment.threadId(), comment.id());
        }
        return true;
    }

    /**
     * Counts one more open flag on a published comment (towards hiding it only when it {@code counts}); true when it
     * is now hidden from readers for review.
     */
    public boolean countFlag(CommentState comment, int threshold, boolean counts) {
        boolean hidden = comments.countFlag(comment.id(), threshold, counts);
        recount(comment, comment.inReview(hidden ? CommentState.FLAGGED : comment.reviewState(), comment.flagCount() + 1));
        if (hidden && comment.reviewState() == null) {
            // readers now see a placeholder in its place, as for a removal
            events.commentRemoved(comment.threadId(), comment.id());
        }
        return hidden;
    }

    /** Removes every live comment of the account not removed yet; returns how many. */
    public int removeAllBy(long authorId, long moderatorId, @Nullable String reason) {
        List<CommentRepository.RemovedComment> removed = comments.removeAllBy(authorId, moderatorId, reason);
        removed.forEach(comment -> events.commentRemoved(comment.threadId(), comment.commentId()));
        return removed.size();
    }

    /**
     * One open flag fewer (its reader left): the counts follow, and a comment hidden by flags whose last flag went is
     * shown again, in its place. Lock the comment first.
     */
    public void uncountFlag(CommentState comment) {
        CommentState after = comments.uncountFlag(comment.id());
        recount(comment, after);
        if (comment.hiddenByFlags() && !after.hiddenByFlags()) {
            events.commentUpdated(comment.threadId(), comment.id());
        }
    }

    /** The author deletes: the text is wiped, the row stays while it holds listed replies. */
    void delete(CommentState comment) {
        comments.markDeleted(comment.id());
        recount(comment, comment.asDeleted());
        events.commentDeleted(comment.threadId(), comment.id());
    }

    private void recount(CommentState before, CommentState after) {
        if (before.listed() != after.listed()) {
            comments.countListedReply(before.parentId(), after.listed() ? 1 : -1);
        }
        int counted = (after.counted() ? 1 : 0) - (before.counted() ? 1 : 0);
        if (counted != 0) {
            threads.addToCommentCount(before.threadId(), counted);
        }
    }
}
