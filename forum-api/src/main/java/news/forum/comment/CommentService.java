package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.account.Callers;
import news.forum.audit.AuditLog;
import news.forum.live.ThreadEvents;
import news.forum.text.MarkdownRenderer;
import news.forum.text.TextRules;
import news.forum.thread.ThreadRepository;
import news.forum.thread.ThreadService;
import news.forum.thread.ThreadView;
import news.forum.web.PublicIds;
import news.forum.web.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static news.forum.web.PublicIds.Kind.COMMENT;

@Singleton
public class CommentService {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    /** Depth of a top-level comment is 0; 63 is the 64th level. */
    static final int MAX_DEPTH = 63;

    private final PublicIds ids;
    private final List<NewCommentRules> rules;
    private final CommentRepository comments;
    private final ThreadRepository threads;
    private final Callers callers;
    private final MarkdownRenderer markdown;
    private final AuditLog audit;
    private final IdempotencyKeys idempotencyKeys;
    private final CommentModeration moderation;
    private final ThreadEvents events;

    CommentService(CommentRepository comments, ThreadRepository threads, Callers callers, MarkdownRenderer markdown,
                   AuditLog audit, IdempotencyKeys idempotencyKeys, List<NewCommentRules> rules, PublicIds ids,
                   CommentModeration moderation, ThreadEvents events) {
        this.moderation = moderation;
        this.events = events;
        this.rules = rules;
        this.ids = ids;
        this.idempotencyKeys = idempotencyKeys;
        this.comments = comments;
        this.threads = threads;
        this.callers = callers;
        this.markdown = markdown;
        this.audit = audit;
    }

    /** What the viewer may see: held comments only for their authors and moderators (see {@link Viewer}). */
    @ReadOnly
    public CommentPage page(@Nullable Authentication authentication, long threadId, String sortName,
                            int limit, @Nullable String after) {
        CommentSort sort = CommentSort.parse(sortName);
        PageCursor cursor = after == null || after.isEmpty() ? null : PageCursor.decode(after, sort, ids);
        ThreadView thread = threads.findView(threadId).orElseThrow(() -> ProblemException.notFound("The thread"));
        Viewer viewer = Viewer.of(callers.find(authentication));
        // one row more than asked tells whether another page follows
        List<CommentRepository.Row> rows = switch (sort) {
            case OLDEST -> comments.pageOldest(threadId, cursor, limit + 1, viewer);
            case NEWEST -> comments.pageNewest(threadId, cursor, limit + 1, viewer);
            case TOP -> pageTop(threadId, cursor, limit + 1, viewer);
        };
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            CommentRepository.Row last = rows.get(limit - 1);
            next = new PageCursor(sort, last.rootScore(), last.rootId(), last.path()).encode(ids);
        }
        return new CommentPage(thread, rows.stream().map(CommentRepository.Row::view).toList(), next);
    }

    private List<CommentRepository.Row> pageTop(long threadId, PageCursor cursor, int limit, Viewer viewer) {
        if (cursor == null) {
            return comments.pageTop(threadId, null, limit, viewer);
        }
        List<CommentRepository.Row> rows = new ArrayList<>(
                comments.subtreeAfter(threadId, cursor.rootId(), cursor.path(), cursor.rootScore(), limit, viewer));
        if (rows.size() < limit) {
            rows.addAll(comments.pageTop(threadId, cursor, limit - rows.size(), viewer));
        }
        return rows;
    }

    /** A comment as the public sees it now, and whether a page of its thread lists it. */
    public record PublicState(CommentView view, boolean listed) {
    }

    /** Comments by row id as the public sees them now (live events read their payload here); unknown ids are absent. */
    @ReadOnly
    public java.util.Map<Long, PublicState> publicStates(long[] commentIds) {
        return comments.findPublicStates(commentIds);
    }

    /** A comment's Markdown as its author wrote it, for the author alone (a banned author may still read it). */
    @ReadOnly
    public CommentSource source(Authentication authentication, String commentId) {
        Caller caller = callers.requireSignedIn(authentication);
        CommentRepository.Source source = comments.findLiveSource(ids.parse(COMMENT, commentId))
                .orElseThrow(() -> ProblemException.notFound("The comment"));
        if (source.authorId() != caller.id()) {
            throw ProblemException.forbidden("Only its author may read a comment's source.");
        }
        return new CommentSource(commentId, source.body());
    }

    @ReadOnly
    public CommentView find(@Nullable Authentication authentication, String commentId) {
        long id = ids.parse(COMMENT, commentId);
        return comments.findView(id, Viewer.of(callers.find(authentication)))
                .orElseThrow(() -> ProblemException.notFound("The comment"));
    }

    /**
     * Inserts the comment and counts it on its parent and on the thread, only while the thread is open, in one
     * statement; the thread row (which a lock also needs) is held from that statement to the commit.
     */
    @Transactional
    public CommentView post(Authentication authentication, long threadId, PostCommentRequest request,
                            @Nullable String idempotencyKey) {
        return postAs(callers.require(authentication), threadId, request, idempotencyKey);
    }

    /**
     * With an idempotency key, a repeat of the same request returns the comment the first one made; the
     * key is claimed first, so two requests racing with one key make one comment. When a rule (pre-moderation,
     * word rules, links) gives a reason to hold it, the comment is stored as pending with that reason: only its
     * author and moderators see it, and it counts nowhere until approved.
     */
    @Transactional
    public CommentView postAs(Caller author, long threadId, PostCommentRequest request, @Nullable String idempotencyKey) {
        String body = TextRules.commentBody(request.body());
        Long parentId = request.parentId() == null || request.parentId().isBlank() ? null : parseParent(request.parentId());
        String key = idempotencyKey == null ? null : IdempotencyKeys.check(idempotencyKey);
        if (key != null) {
            java.util.Optional<Long> earlier = idempotencyKeys.claimOrReplay(author.id(), key,
                    IdempotencyKeys.fingerprint(threadId, parentId, body));
            if (earlier.isPresent()) {
                return comments.findView(earlier.get(), Viewer.of(author))
                        .orElseThrow(() -> ProblemException.notFound("The comment made with this Idempotency-Key"));
            }
        }
        String holdReason = screen(new NewCommentRules.NewComment(author, threadId, parentId, body)).orElse(null);
        String html = markdown.render(body);
        CommentView created = (parentId == null
                ? comments.insertTopLevel(threadId, author, body, html, holdReason)
                : comments.insertReply(threadId, parentId, author, body, html, holdReason))
                .orElseThrow(() -> whyNotInserted(threadId, parentId));
        long createdId = ids.parse(COMMENT, created.id());
        if (key != null) {
            idempotencyKeys.complete(author.id(), key, createdId);
        }
        if (holdReason == null) {
            // a held comment is published when a moderator approves it (CommentModeration.approve)
            events.commentCreated(threadId, createdId);
        }
        return created;
    }

    /**
     * Replaces the body (its author only, while the thread is open). The edit passes the rules a new comment passes,
     * through the same {@link #screen}: a refusal (a rejected word, a repeat, slow mode) keeps the old text; a reason
     * to hold it sends the comment back to review. Readers then keep the text they saw (the replies answer it), its
     * author and moderators see the edit waiting (status pending), and an approval swaps it in. A comment still
     * waiting for its first review just gets the new text and waits on.
     */
    @Transactional
    public CommentView edit(Authentication authentication, String commentId, EditCommentRequest request) {
        Caller caller = callers.require(authentication);
        String body = TextRules.commentBody(request.body());
        CommentState target = liveTarget(commentId);
        if (target.authorId() != caller.id()) {
            throw ProblemException.forbidden("Only its author may edit a comment.");
        }
        requireNotRemoved(target);
        requireOpen(target.threadId());
        if (!body.equals(comments.latestBody(target.id()).orElse(null))) {
            String holdReason = screen(new NewCommentRules.NewComment(caller, target.threadId(), target.parentId(), body))
                    .orElse(null);
            String html = markdown.render(body);
            if (holdReason == null || target.pending()) {
                comments.updateBody(target.id(), body, html, holdReason);
                // a held comment is published when a moderator approves it (CommentModeration.approve)
                if (!target.pending()) {
                    events.commentUpdated(target.threadId(), target.id());
                }
            } else {
                comments.holdEdit(target.id(), body, html, holdReason);
            }
        }
        return comments.findView(target.id(), Viewer.of(caller)).orElseThrow();
    }

    /**
     * Authors may delete their comments while the thread is open (moderators their own at any time): the text is
     * wiped; a comment with replies stays as a tombstone, one without disappears, and so does any tombstone left
     * with no replies. A moderator's DELETE of someone else's comment is a removal without a reason, which keeps
     * the text for the audit and can be undone (see {@code PUT /comments/{id}/removal}); idempotent. A comment a
     * moderator removed stays as evidence: its author can no longer delete or edit it (409).
     */
    @Transactional
    public void delete(Authentication authentication, String commentId) {
        Caller caller = callers.require(authentication);
        CommentState target = liveTarget(commentId);
        boolean ownComment = target.authorId() == caller.id();
        if (!ownComment && !caller.role().moderates()) {
            throw ProblemException.forbidden("Only its author or a moderator may delete a comment.");
        }
        if (!ownComment) {
            if (moderation.remove(target, caller.id(), null)) {
                audit.record(caller.id(), "comment.remove", "comment", target.id(), null);
            }
            return;
        }
        requireNotRemoved(target);
        if (!caller.role().moderates()) {
            requireOpen(target.threadId());
        }
        moderation.delete(target);
    }

    @Transactional
    public VoteResult vote(Authentication authentication, String commentId, int value) {
        Caller voter = callers.require(authentication);
        long id = ids.parse(COMMENT, commentId);
        CommentState target = comments.findState(id)
                .filter(t -> !t.deleted() && (!t.pending() || voter.role().moderates() || t.authorId() == voter.id()))
                .orElseThrow(() -> ProblemException.notFound("The comment"));
        if (target.authorId() == voter.id()) {
            throw ProblemException.forbidden("You cannot vote on your own comment.");
        }
        if (target.removed() || target.reviewState() != null) {
            throw ProblemException.conflict("comment-not-shown", "Comment not shown",
                    "Only comments shown to readers take votes; this one is removed or waiting for review.");
        }
        ThreadRepository.ThreadState thread = threads.findState(target.threadId()).orElseThrow();
        if (thread.locked()) {
            throw ThreadService.locked(thread.lockReason());
        }
        return new VoteResult(commentId, value, comments.vote(id, voter.id(), value));
    }

    private CommentState liveTarget(String commentId) {
        return comments.lockState(ids.parse(COMMENT, commentId))
                .filter(t -> !t.deleted())
                .orElseThrow(() -> ProblemException.notFound("The comment"));
    }

    private static void requireNotRemoved(CommentState comment) {
        if (comment.removed()) {
            throw ProblemException.conflict("comment-removed", "Comment removed",
                    "A moderator removed this comment; it stays as it is for the record.");
        }
    }

    /** Locks the thread row for the rest of the transaction: the write then updates it (counters, event number). */
    private void requireOpen(long threadId) {
        ThreadRepository.ThreadState thread = threads.findStateForUpdate(threadId).orElseThrow();
        if (thread.locked()) {
            throw ThreadService.locked(thread.lockReason());
        }
    }

    private ProblemException whyNotInserted(long threadId, Long parentId) {
        ThreadRepository.ThreadState thread = threads.findState(threadId).orElse(null);
        if (thread == null) {
            return ProblemException.notFound("The thread");
        }
        if (thread.locked()) {
            return ThreadService.locked(thread.lockReason());
        }
        CommentState parent = parentId == null ? null : comments.findState(parentId).orElse(null);
        if (parent == null || parent.threadId() != threadId || parent.pending()) {
            return ProblemException.unprocessable("parent-not-found", "Parent not found",
                    "The comment you reply to does not exist in this thread.");
        }
        if (parent.deleted()) {
            return ProblemException.unprocessable("parent-deleted", "Parent deleted",
                    "The comment you reply to has been deleted.");
        }
        if (parent.removed()) {
            return ProblemException.unprocessable("parent-removed", "Parent removed",
                    "The comment you reply to was removed by a moderator.");
        }
        if (parent.hiddenByFlags()) {
            return ProblemException.unprocessable("parent-in-review", "Parent under review",
                    "The comment you reply to is hidden while moderators review it.");
        }
        if (parent.depth() >= MAX_DEPTH) {
            return ProblemException.unprocessable("too-deep", "Thread too deep",
                    "Replies may nest at most 64 levels deep; reply higher up the thread.");
        }
        throw new IllegalStateException("Comment insert refused for no known reason in thread " + threadId);
    }

    /** Runs every rule (one may refuse the comment); the first reason to hold it for review wins. */
    private Optional<String> screen(NewCommentRules.NewComment comment) {
        Optional<String> hold = Optional.empty();
        for (NewCommentRules rule : rules) {
            Optional<String> reason = rule.check(comment);
            if (hold.isEmpty()) {
                hold = reason;
            }
        }
        return hold;
    }

    private Long parseParent(String parentId) {
        try {
            return ids.parse(COMMENT, parentId, "The parent");
        } catch (ProblemException e) {
            throw ProblemException.unprocessable("parent-not-found", "Parent not found",
                    "The comment you reply to does not exist in this thread.");
        }
    }

}
