package news.forum.moderation;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.account.Callers;
import news.forum.audit.AuditLog;
import news.forum.comment.CommentModeration;
import news.forum.comment.CommentState;
import news.forum.comment.CommentView;
import news.forum.comment.Viewer;
import news.forum.text.TextRules;
import news.forum.web.ProblemException;
import news.forum.web.PublicIds;

import static news.forum.web.PublicIds.Kind.COMMENT;

/** Removal, restore and approval: each one transaction, audited when it changed something. */
@Singleton
class CommentReviews {

    private final Callers callers;
    private final CommentModeration comments;
    private final Flags flags;
    private final AuditLog audit;
    private final PublicIds ids;

    CommentReviews(Callers callers, CommentModeration comments, Flags flags, AuditLog audit, PublicIds ids) {
        this.callers = callers;
        this.comments = comments;
        this.flags = flags;
        this.audit = audit;
        this.ids = ids;
    }

    /** A second removal with another reason replaces the reason; with the same one it changes nothing. */
    @Transactional
    public CommentView remove(Authentication authentication, String commentId, String reason) {
        Caller moderator = callers.requireModerator(authentication);
        String cleanReason = TextRules.cleanLine("reason", reason);
        if (cleanReason.isEmpty()) {
            throw ProblemException.invalidField("reason", "must not be blank");
        }
        CommentState comment = lockLive(commentId);
        boolean changed = comment.removed()
                ? comments.changeRemovalReason(comment, moderator.id(), cleanReason)
                : comments.remove(comment, moderator.id(), cleanReason);
        if (changed) {
            audit.record(moderator.id(), "comment.remove", "comment", comment.id(), cleanReason);
        }
        return view(comment, moderator);
    }

    @Transactional
    public CommentView restore(Authentication authentication, String commentId) {
        Caller moderator = callers.requireModerator(authentication);
        CommentState comment = lockLive(commentId);
        if (comments.restore(comment)) {
            audit.record(moderator.id(), "comment.restore", "comment", comment.id(), null);
        }
        return view(comment, moderator);
    }

    /** A removed comment is restored first (409): approving must not bring back what a moderator removed unseen. */
    @Transactional
    public CommentView approve(Authentication authentication, String commentId) {
        Caller moderator = callers.requireModerator(authentication);
        CommentState comment = lockLive(commentId);
        if (comment.removed()) {
            throw ProblemException.conflict("comment-removed", "Comment removed",
                    "This comment was removed; restore it before approving it.");
        }
        if (comments.approve(comment)) {
            flags.resolveAll(comment.id(), moderator.id());
            audit.record(moderator.id(), "comment.approve", "comment", comment.id(), null);
        }
        return view(comment, moderator);
    }

    private CommentState lockLive(String commentId) {
        return comments.lock(ids.parse(COMMENT, commentId))
                .filter(c -> !c.deleted())
                .orElseThrow(() -> ProblemException.notFound("The comment"));
    }

    private CommentView view(CommentState comment, Caller moderator) {
        return comments.view(comment.id(), Viewer.of(moderator)).orElseThrow();
    }
}
