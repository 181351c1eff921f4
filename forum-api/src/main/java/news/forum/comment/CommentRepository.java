package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.database.Sql;
import news.forum.web.PublicIds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static news.forum.web.PublicIds.Kind.COMMENT;
import static news.forum.web.PublicIds.Kind.THREAD;

@Singleton
class CommentRepository {

    /** A comment row with what paging needs besides its view. */
    record Row(CommentView view, long rootId, String path, int rootScore) {
    }

    private static final String COLUMNS = """
            c.id, c.thread_id, c.parent_id, c.root_id, c.depth, c.path, c.author_id, c.body_html, c.created_at,
            c.edited_at, c.deleted_at, c.reply_count, c.score, c.review_state, c.hold_reason, c.removed_at,
            c.removal_reason, c.flag_count, c.pending_body_html, c.pending_since, a.username,
            coalesce(c.author_name, a.display_name) AS display_name, a.role AS author_role""";

    private static final String STATE_COLUMNS = """
            id, thread_id, parent_id, author_id, deleted_at IS NOT NULL AS deleted, reply_count, depth,
            removed_at IS NOT NULL AS removed, review_state, flag_count, pending_body IS NOT NULL AS edit_pending""";

    private final Sql sql;
    private final PublicIds ids;

    CommentRepository(Sql sql, PublicIds ids) {
        this.sql = sql;
        this.ids = ids;
    }

    /**
     * Inserts a top-level comment and counts it on the thread in one statement (one round trip), only while the
     * thread exists and is open; empty otherwise. The thread row lock it takes is what a lock waits on.
     */
    Optional<CommentView> insertTopLevel(long threadId, Caller author, String body, String bodyHtml,
                                         @Nullable String holdReason) {
        return sql.one("""
                        WITH counted AS (
                            UPDATE thread SET comment_count = comment_count + ?
                            WHERE id = ? AND NOT locked
                            RETURNING id
                        )
                        INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html,
                                             review_state, hold_reason)
                        SELECT f.id, counted.id, NULL, f.id, 0, '', ?, ?, ?, ?, ?
                        FROM counted, (SELECT nextval('comment_id_seq') AS id) f
                        RETURNING id, thread_id, parent_id, depth, created_at""",
                row -> created(row, author, bodyHtml, holdReason), holdReason == null ? 1 : 0, threadId, author.id(),
                body, bodyHtml, holdReason == null ? null : CommentState.PENDING, holdReason);
    }

    /**
     * Inserts a reply, counts it on its parent and on the thread in one statement (one round trip); empty when
     * the parent is not a live, published comment of this thread, is at the deepest level, or the thread is locked.
     * A reply held for review counts nowhere yet, but still takes the same row locks. The
     * parent row is locked before the thread row (the thread's update waits on the parent's through EXISTS), the
     * same order as every other write, and counting the reply on the parent makes a concurrent delete see it.
     */
    Optional<CommentView> insertReply(long threadId, long parentId, Caller author, String body, String bodyHtml,
                                      @Nullable String holdReason) {
        int counts = holdReason == null ? 1 : 0;
        return sql.one("""
                        WITH parent AS (
                            UPDATE comment SET reply_count = reply_count + ?
                            WHERE id = ? AND thread_id = ? AND deleted_at IS NULL AND removed_at IS NULL
                              AND review_state IS NULL AND depth < 63
                            RETURNING id, root_id, path, depth
                        ), counted AS (
                            UPDATE thread SET comment_count = comment_count + ?
                            WHERE id = ? AND NOT locked AND EXISTS (SELECT 1 FROM parent)
                            RETURNING id
                        )
                        INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html,
                                             review_state, hold_reason)
                        SELECT f.id, counted.id, p.id, p.root_id, p.depth + 1, p.path || comment_path_key(f.id), ?, ?, ?,
                               ?, ?
                        FROM parent p, counted, (SELECT nextval('comment_id_seq') AS id) f
                        RETURNING id, thread_id, parent_id, depth, created_at""",
                row -> created(row, author, bodyHtml, holdReason), counts, parentId, threadId, counts, threadId,
                author.id(), body, bodyHtml, holdReason == null ? null : CommentState.PENDING, holdReason);
    }

    Optional<CommentView> findView(long id, Viewer viewer) {
        List<Object> parameters = new ArrayList<>(List.of(id));
        String visible = visible("c", viewer, parameters);
        return sql.one("SELECT " + COLUMNS + ", 0 AS root_score FROM comment c LEFT JOIN account a ON a.id = c.author_id"
                + " WHERE c.id = ? AND " + visible, row -> row(row, viewer).view(), parameters.toArray());
    }

    /**
     * Comments by id as the public (an anonymous reader) sees them now, listed on a page or not: live events read
     * their payload here, so a reader is sent nothing a page would not show him.
     */
    java.util.Map<Long, CommentService.PublicState> findPublicStates(long[] ids) {
        record Keyed(long id, CommentService.PublicState state) {
        }
        List<Object> parameters = new ArrayList<>();
        String listed = visible("c", Viewer.ANONYMOUS, parameters);
        parameters.add(ids);
        return sql.list("SELECT " + COLUMNS + ", 0 AS root_score, " + listed + " AS listed"
                                + " FROM comment c LEFT JOIN account a ON a.id = c.author_id WHERE c.id = ANY(?)",
                        row -> new Keyed(row.getLong("id"), new CommentService.PublicState(
                                row(row, Viewer.ANONYMOUS).view(), row.getBoolean("listed"))),
                        parameters.toArray())
                .stream().collect(java.util.stream.Collectors.toMap(Keyed::id, Keyed::state));
    }

    List<CommentView> findViews(long[] commentIds, Viewer viewer) {
        List<Object> parameters = new ArrayList<>(List.of((Object) commentIds));
        String visible = visible("c", viewer, parameters);
        return sql.list("SELECT " + COLUMNS + ", 0 AS root_score FROM comment c LEFT JOIN account a ON a.id = c.author_id"
                + " WHERE c.id = ANY(?) AND " + visible, row -> row(row, viewer).view(), parameters.toArray());
    }

    /** What its author wrote, of a comment not deleted. */
    record Source(long authorId, String body) {
    }

    Optional<Source> findLiveSource(long id) {
        return sql.one("SELECT author_id, coalesce(pending_body, body) AS body FROM comment WHERE id = ? AND deleted_at IS NULL",
                row -> new Source(row.getLong("author_id"), row.getString("body")), id);
    }

    Optional<CommentState> findState(long id) {
        return sql.one("SELECT " + STATE_COLUMNS + " FROM comment WHERE id = ?", CommentRepository::state, id);
    }

    /** Locks the comment row first: every transaction locks comment rows before the thread row. */
    Optional<CommentState> lockState(long id) {
        return sql.one("SELECT " + STATE_COLUMNS + " FROM comment WHERE id = ? FOR UPDATE", CommentRepository::state, id);
    }

    /** The Markdown its author last wrote: a held edit's, or else the comment's. */
    Optional<String> latestBody(long id) {
        return sql.one("SELECT coalesce(pending_body, body) AS body FROM comment WHERE id = ?",
                row -> row.getString("body"), id);
    }

    /**
     * The text replaced where it stands, and any held edit dropped (this one supersedes it); a comment that waits
     * for review goes on waiting, with the new reason when one is given.
     */
    void updateBody(long id, String body, String bodyHtml, @Nullable String holdReason) {
        sql.update("""
                        UPDATE comment SET body = ?, body_html = ?, edited_at = now(), hold_reason = coalesce(?, hold_reason),
                            pending_body = NULL, pending_body_html = NULL, pending_since = NULL
                        WHERE id = ?""",
                body, bodyHtml, holdReason, id);
    }

    /** An edit held for review: readers keep the text they see until a moderator approves the edit. */
    void holdEdit(long id, String body, String bodyHtml, String holdReason) {
        sql.update("""
                        UPDATE comment SET pending_body = ?, pending_body_html = ?, pending_since = now(), hold_reason = ?
                        WHERE id = ?""",
                body, bodyHtml, holdReason, id);
    }

    /** The text is wiped, a held edit's too; the row stays so that its replies keep their place in the tree. */
    void markDeleted(long id) {
        sql.update("""
                UPDATE comment SET deleted_at = now(), body = '', body_html = '',
                    pending_body = NULL, pending_body_html = NULL, pending_since = NULL
                WHERE id = ?""", id);
    }

    /** Kept whole for moderators and the audit; readers see only that and why it was removed. */
    void markRemoved(long id, long moderatorId, @Nullable String reason) {
        sql.update("UPDATE comment SET removed_at = now(), removed_by = ?, removal_reason = ? WHERE id = ?",
                moderatorId, reason, id);
    }

    boolean updateRemovalReason(long id, long moderatorId, String reason) {
        return sql.update("""
                UPDATE comment SET removed_at = now(), removed_by = ?, removal_reason = ?
                WHERE id = ? AND removed_at IS NOT NULL AND removal_reason IS DISTINCT FROM ?""",
                moderatorId, reason, id, reason) == 1;
    }

    void clearRemoval(long id) {
        sql.update("UPDATE comment SET removed_at = NULL, removed_by = NULL, removal_reason = NULL WHERE id = ?", id);
    }

    /** Published: out of review, its open flags dismissed, a held edit swapped in (readers see it from now). */
    void markApproved(long id) {
        sql.update("""
                UPDATE comment SET review_state = NULL, flag_count = 0, hiding_flag_count = 0, flagged_at = NULL,
                    body = coalesce(pending_body, body), body_html = coalesce(pending_body_html, body_html),
                    edited_at = CASE WHEN pending_body IS NULL THEN edited_at ELSE now() END,
                    pending_body = NULL, pending_body_html = NULL, pending_since = NULL
                WHERE id = ?""", id);
    }

    /**
     * One more open flag; when it counts towards hiding and the counting ones reach the threshold, a published
     * comment is hidden for review. True when it is hidden.
     */
    boolean countFlag(long id, int threshold, boolean counts) {
        int weight = counts ? 1 : 0;
        return sql.one("""
                        UPDATE comment SET flag_count = flag_count + 1, hiding_flag_count = hiding_flag_count + ?,
                            flagged_at = coalesce(flagged_at, now()),
                            review_state = CASE WHEN review_state IS NULL AND hiding_flag_count + ? >= ? THEN 'flagged'
                                                ELSE review_state END
                        WHERE id = ?
                        RETURNING review_state = 'flagged' AS hidden""",
                row -> row.getBoolean("hidden"), weight, weight, threshold, id).orElseThrow();
    }

    /**
     * Removes every live comment of an account not removed yet, and uncounts those that counted from their threads,
     * in one statement. A removal leaves each in its place (a placeholder), so no reply count changes.
     */
    /** A comment removed by a bulk removal. */
    record RemovedComment(long threadId, long commentId) {
    }

    List<RemovedComment> removeAllBy(long authorId, long moderatorId, @Nullable String reason) {
        return sql.list("""
                        WITH removed AS (
                            UPDATE comment SET removed_at = now(), removed_by = ?, removal_reason = ?
                            WHERE author_id = ? AND deleted_at IS NULL AND removed_at IS NULL
                            RETURNING id, thread_id, review_state IS NULL AS counted
                        ), uncounted AS (
                            UPDATE thread t SET comment_count = t.comment_count - r.n
                            FROM (SELECT thread_id, count(*) FILTER (WHERE counted) AS n FROM removed GROUP BY thread_id) r
                            WHERE t.id = r.thread_id AND r.n > 0
                            RETURNING t.id
                        )
                        SELECT thread_id, id FROM removed ORDER BY thread_id, id""",
                row -> new RemovedComment(row.getLong("thread_id"), row.getLong("id")), moderatorId, reason, authorId);
    }

    /**
     * Moves the count of listed replies up the parent chain: {@code change} is +1 when a comment starts taking a
     * place in the listing, -1 when it stops. A parent that is not listed on its own (a tombstone) appears or
     * vanishes with its first or last listed reply, so the change goes on to its own parent.
     */
    void countListedReply(@Nullable Long parentId, int change) {
        record Outcome(boolean passedOn, Long grandparentId) {
        }
        Long parent = parentId;
        while (parent != null) {
            parent = sql.one("""
                            UPDATE comment SET reply_count = reply_count + ? WHERE id = ?
                            RETURNING parent_id,
                                (deleted_at IS NOT NULL OR review_state = 'pending') AND reply_count = ? AS passed_on""",
                    row -> new Outcome(row.getBoolean("passed_on"), Sql.nullableLong(row, "parent_id")),
                    change, parent, change > 0 ? 1 : 0)
                    .filter(Outcome::passedOn)
                    .map(Outcome::grandparentId)
                    .orElse(null);
        }
    }

    /** Sets this account's vote and moves the score by the difference, exactly, under any concurrency. */
    int vote(long commentId, long accountId, int value) {
        // the placeholder row gives a concurrent first vote by the same account something to wait on
        sql.update("INSERT INTO comment_vote (comment_id, account_id, value) VALUES (?, ?, 0) ON CONFLICT DO NOTHING",
                commentId, accountId);
        int previous = sql.one("SELECT value FROM comment_vote WHERE comment_id = ? AND account_id = ? FOR UPDATE",
                row -> row.getInt("value"), commentId, accountId).orElseThrow();
        sql.update("UPDATE comment_vote SET value = ? WHERE comment_id = ? AND account_id = ?",
                (short) value, commentId, accountId);
        return sql.one("UPDATE comment SET score = score + ? WHERE id = ? RETURNING score",
                row -> row.getInt("score"), value - previous, commentId).orElseThrow();
    }

    // ---- one author's comments and votes: the data export, and the tombstones of a deleted account

    /** The author's comments after a comment id, oldest first (the index comment_author). */
    List<ExportedComment> byAuthor(long authorId, long afterId, int limit) {
        return sql.list("""
                        SELECT id, thread_id, parent_id, body, created_at, edited_at, deleted_at, review_state,
                               removed_at, removal_reason, score, reply_count
                        FROM comment WHERE author_id = ? AND id > ? ORDER BY id LIMIT ?""",
                row -> {
                    Long parentId = Sql.nullableLong(row, "parent_id");
                    Instant removedAt = Sql.instant(row, "removed_at");
                    String reviewState = row.getString("review_state");
                    boolean deleted = row.getObject("deleted_at") != null;
                    String status = deleted ? CommentView.DELETED
                            : removedAt != null ? CommentView.REMOVED
                            : CommentState.PENDING.equals(reviewState) ? CommentView.PENDING
                            : CommentState.FLAGGED.equals(reviewState) ? CommentView.HIDDEN
                            : CommentView.PUBLISHED;
                    return new ExportedComment(row.getLong("id"), row.getLong("thread_id"),
                            parentId == null ? null : ids.format(PublicIds.Kind.COMMENT, parentId), ids.format(PublicIds.Kind.COMMENT, row.getLong("id")),
                            deleted ? null : row.getString("body"), status, Sql.instant(row, "created_at"),
                            Sql.instant(row, "edited_at"), Sql.instant(row, "deleted_at"),
                            removedAt == null ? null : new CommentView.Removal(row.getString("removal_reason"), removedAt),
                            row.getInt("score"), row.getInt("reply_count"));
                }, authorId, afterId, limit);
    }

    /** The account's votes after a comment id (the index comment_vote_account); a withdrawn vote (0) is none. */
    List<ExportedVote> votesBy(long accountId, long afterCommentId, int limit) {
        return sql.list("""
                        SELECT v.comment_id, v.value, c.thread_id
                        FROM comment_vote v JOIN comment c ON c.id = v.comment_id
                        WHERE v.account_id = ? AND v.comment_id > ? AND v.value <> 0
                        ORDER BY v.comment_id LIMIT ?""",
                row -> new ExportedVote(row.getLong("comment_id"), row.getLong("thread_id"),
                        ids.format(PublicIds.Kind.COMMENT, row.getLong("comment_id")), row.getInt("value")),
                accountId, afterCommentId, limit);
    }

    /** The comments still attributed to the author, newest first, by id only. */
    List<Long> idsByAuthor(long authorId, int limit) {
        return sql.list("SELECT id FROM comment WHERE author_id = ? ORDER BY id DESC LIMIT ?",
                row -> row.getLong("id"), authorId, limit);
    }

    /** The comment keeps no author: a tombstone of a deleted account. */
    void dropAuthor(long id) {
        sql.update("UPDATE comment SET author_id = NULL WHERE id = ?", id);
    }

    /** The comments the account voted on (a vote of 0 included), after a comment id. */
    List<Long> votedBy(long accountId, long afterCommentId, int limit) {
        return sql.list("""
                        SELECT comment_id FROM comment_vote WHERE account_id = ? AND comment_id > ?
                        ORDER BY comment_id LIMIT ?""",
                row -> row.getLong("comment_id"), accountId, afterCommentId, limit);
    }

    /** Removes the account's vote and takes it off the comment's score, in one statement. */
    void withdrawVote(long commentId, long accountId) {
        sql.update("""
                WITH gone AS (
                    DELETE FROM comment_vote WHERE comment_id = ? AND account_id = ? RETURNING value
                )
                UPDATE comment c SET score = c.score - gone.value FROM gone WHERE c.id = ? AND gone.value <> 0""",
                commentId, accountId, commentId);
    }

    void forgetIdempotencyKeys(long accountId) {
        sql.update("DELETE FROM idempotency_key WHERE account_id = ?", accountId);
    }

    /**
     * One open flag fewer on a comment; the last one gone, a comment hidden by flags is shown again (nobody reports
     * it any more). Returns the state after.
     */
    CommentState uncountFlag(long id) {
        return sql.one("""
                        UPDATE comment SET flag_count = greatest(flag_count - 1, 0),
                            flagged_at = CASE WHEN flag_count <= 1 THEN NULL ELSE flagged_at END,
                            review_state = CASE WHEN flag_count <= 1 AND review_state = 'flagged' THEN NULL
                                                ELSE review_state END
                        WHERE id = ?
                        RETURNING""" + " " + STATE_COLUMNS, CommentRepository::state, id).orElseThrow();
    }

    /** Oldest roots first: one range scan of comment_tree_oldest. */
    List<Row> pageOldest(long threadId, PageCursor after, int limit, Viewer viewer) {
        return treeOrderPage(threadId, "c.root_id", after == null ? null : after.rootId(), after, limit, viewer);
    }

    /** Newest roots first, each subtree in tree order: one range scan of comment_tree_newest. */
    List<Row> pageNewest(long threadId, PageCursor after, int limit, Viewer viewer) {
        return treeOrderPage(threadId, "-c.root_id", after == null ? null : -after.rootId(), after, limit, viewer);
    }

    /** The rows after the cursor in the order (rootKey, path), which the index on (thread_id, rootKey, path) holds. */
    private List<Row> treeOrderPage(long threadId, String rootKey, Long afterRootKey, PageCursor after, int limit,
                                    Viewer viewer) {
        List<Object> parameters = new ArrayList<>(List.of(threadId));
        String where = "";
        if (after != null) {
            where = " AND (" + rootKey + ", c.path) > (?, ?)";
            parameters.addAll(List.of(afterRootKey, after.path()));
        }
        String visible = visible("c", viewer, parameters);
        parameters.add(limit);
        return sql.list("SELECT " + COLUMNS + ", 0 AS root_score FROM comment c LEFT JOIN account a ON a.id = c.author_id"
                + " WHERE c.thread_id = ?" + where + " AND " + visible
                + " ORDER BY " + rootKey + ", c.path LIMIT ?", row -> row(row, viewer), parameters.toArray());
    }

    /** The rest of one root's subtree after a path, in tree order (continuing a top-sorted page). */
    List<Row> subtreeAfter(long threadId, long rootId, String path, int rootScore, int limit, Viewer viewer) {
        List<Object> parameters = new ArrayList<>(List.of(rootScore, threadId, rootId, path));
        String visible = visible("c", viewer, parameters);
        parameters.add(limit);
        return sql.list("SELECT " + COLUMNS + ", ? AS root_score FROM comment c LEFT JOIN account a ON a.id = c.author_id"
                + " WHERE c.thread_id = ? AND c.root_id = ? AND c.path > ? AND " + visible
                + " ORDER BY c.path LIMIT ?", row -> row(row, viewer), parameters.toArray());
    }

    /**
     * Roots by score (ties: newer first) after the given root, then their subtrees in tree order. The roots
     * come from the partial index comment_top_roots; each subtree is a range scan of comment_tree_oldest.
     */
    List<Row> pageTop(long threadId, PageCursor afterRoot, int limit, Viewer viewer) {
        List<Object> parameters = new ArrayList<>(List.of(threadId));
        String where = "";
        if (afterRoot != null) {
            where = " AND (r.score, r.id) < (?, ?)";
            parameters.addAll(List.of(afterRoot.rootScore(), afterRoot.rootId()));
        }
        String rootVisible = visible("r", viewer, parameters);
        parameters.addAll(List.of(limit, threadId));
        String visible = visible("c", viewer, parameters);
        parameters.addAll(List.of(limit, limit));
        return sql.list("""
                WITH roots AS (
                    SELECT r.id, r.score FROM comment r
                    WHERE r.thread_id = ? AND r.parent_id IS NULL %s
                      AND %s
                    ORDER BY r.score DESC, r.id DESC
                    LIMIT ?
                )
                SELECT s.*, roots.score AS root_score
                FROM roots
                CROSS JOIN LATERAL (
                    SELECT %s
                    FROM comment c LEFT JOIN account a ON a.id = c.author_id
                    WHERE c.thread_id = ? AND c.root_id = roots.id AND %s
                    ORDER BY c.path
                    LIMIT ?
                ) s
                ORDER BY roots.score DESC, roots.id DESC, s.path
                LIMIT ?""".formatted(where, rootVisible, COLUMNS, visible), row -> row(row, viewer), parameters.toArray());
    }

    /**
     * Which rows a viewer's listing holds, as a filter on the rows the index range scan reads (the scan stays one
     * range): what has a place in the listing (see {@link CommentState#listed()}), plus a viewer's own held
     * comments; moderators also see everyone's held comments.
     */
    private static String visible(String alias, Viewer viewer, List<Object> parameters) {
        if (viewer.moderator()) {
            return "(%1$s.deleted_at IS NULL OR %1$s.reply_count > 0)".formatted(alias);
        }
        if (!viewer.signedIn()) {
            return "(%1$s.reply_count > 0 OR (%1$s.deleted_at IS NULL AND %1$s.review_state IS DISTINCT FROM 'pending'))"
                    .formatted(alias);
        }
        parameters.add(viewer.accountId());
        return ("(%1$s.reply_count > 0 OR (%1$s.deleted_at IS NULL"
                + " AND (%1$s.review_state IS DISTINCT FROM 'pending' OR %1$s.author_id = ?)))").formatted(alias);
    }

    /**
     * A row as this viewer may see it: moderators and the author see the text in every state; others see a removed
     * or hidden comment as a placeholder (no author, no body), like a tombstone.
     */
    private Row row(ResultSet row, Viewer viewer) throws SQLException {
        boolean deleted = row.getObject("deleted_at") != null;
        Instant removedAt = Sql.instant(row, "removed_at");
        String reviewState = row.getString("review_state");
        String status = deleted ? CommentView.DELETED
                : removedAt != null ? CommentView.REMOVED
                : CommentState.PENDING.equals(reviewState) ? CommentView.PENDING
                : CommentState.FLAGGED.equals(reviewState) ? CommentView.HIDDEN
                : CommentView.PUBLISHED;
        boolean privileged = viewer.moderator() || row.getLong("author_id") == viewer.accountId();
        boolean shown = !deleted && (status.equals(CommentView.PUBLISHED) || privileged);
        // a held edit: its author and moderators see it (waiting for review), everyone else the text it would replace
        String editHtml = privileged && !deleted ? row.getString("pending_body_html") : null;
        if (editHtml != null && status.equals(CommentView.PUBLISHED)) {
            status = CommentView.PENDING;
        }
        Long parentId = Sql.nullableLong(row, "parent_id");
        CommentView view = new CommentView(
                ids.format(COMMENT, row.getLong("id")),
                ids.format(THREAD, row.getLong("thread_id")),
                parentId == null ? null : ids.format(COMMENT, parentId),
                row.getInt("depth"),
                shown ? new CommentView.Author(row.getString("username"), row.getString("display_name"),
                        row.getString("author_role")) : null,
                !shown ? null : editHtml != null ? editHtml : row.getString("body_html"),
                Sql.instant(row, "created_at"),
                !shown ? null : editHtml != null ? Sql.instant(row, "pending_since") : Sql.instant(row, "edited_at"),
                !shown,
                row.getInt("reply_count"),
                row.getInt("score"),
                status,
                removedAt == null ? null : new CommentView.Removal(row.getString("removal_reason"), removedAt),
                viewer.moderator() ? new CommentView.Review(row.getString("hold_reason"), row.getInt("flag_count"),
                        editHtml == null ? null : row.getString("body_html")) : null);
        return new Row(view, row.getLong("root_id"), row.getString("path"), row.getInt("root_score"));
    }

    /** The view of a comment just inserted, from what the insert returned: no second read. */
    private CommentView created(ResultSet row, Caller author, String bodyHtml, @Nullable String holdReason)
            throws SQLException {
        Long parentId = Sql.nullableLong(row, "parent_id");
        return new CommentView(ids.format(COMMENT, row.getLong("id")), ids.format(THREAD, row.getLong("thread_id")),
                parentId == null ? null : ids.format(COMMENT, parentId), row.getInt("depth"),
                new CommentView.Author(author.username(), author.displayName(), author.role().name()), bodyHtml,
                Sql.instant(row, "created_at"), null, false, 0, 0,
                holdReason == null ? CommentView.PUBLISHED : CommentView.PENDING, null,
                author.role().moderates() ? new CommentView.Review(holdReason, 0, null) : null);
    }

    private static CommentState state(ResultSet row) throws SQLException {
        return new CommentState(row.getLong("id"), row.getLong("thread_id"), Sql.nullableLong(row, "parent_id"),
                row.getLong("author_id"), row.getBoolean("deleted"), row.getInt("reply_count"), row.getInt("depth"),
                row.getBoolean("removed"), row.getString("review_state"), row.getInt("flag_count"),
                row.getBoolean("edit_pending"));
    }
}
