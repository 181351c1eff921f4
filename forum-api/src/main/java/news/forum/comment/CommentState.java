package news.forum.comment;

import io.micronaut.core.annotation.Nullable;

/**
 * What a write needs to know about a stored comment. reviewState: null (published), "pending" (held for review)
 * or "flagged" (hidden after enough flags); a removal is apart from it, so a restore returns to the same state.
 * editPending: an edit a rule held waits for a moderator beside the text readers see (which it does not change).
 */
public record CommentState(long id, long threadId, @Nullable Long parentId, long authorId, boolean deleted,
                           int replyCount, int depth, boolean removed, @Nullable String reviewState, int flagCount,
                           boolean editPending) {

    static final String PENDING = "pending";
    static final String FLAGGED = "flagged";

    public boolean pending() {
        return PENDING.equals(reviewState);
    }

    public boolean hiddenByFlags() {
        return FLAGGED.equals(reviewState);
    }

    /** In its thread's comment count: live, not removed, not waiting for review. */
    boolean counted() {
        return !deleted && !removed && reviewState == null;
    }

    /**
     * Has a place in the listing, which its parent's reply count counts: any live comment but a held one (removed
     * and hidden ones show as placeholders), and a deleted one while it holds listed replies (a tombstone).
     */
    boolean listed() {
        return replyCount > 0 || (!deleted && !pending());
    }

    CommentState asDeleted() {
        return new CommentState(id, threadId, parentId, authorId, true, replyCount, depth, removed, reviewState, flagCount, editPending);
    }

    CommentState asRemoved(boolean removedNow) {
        return new CommentState(id, threadId, parentId, authorId, deleted, replyCount, depth, removedNow, reviewState, flagCount, editPending);
    }

    CommentState inReview(@Nullable String state, int flags) {
        return new CommentState(id, threadId, parentId, authorId, deleted, replyCount, depth, removed, state, flags, editPending);
    }
}
