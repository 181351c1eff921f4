package news.forum.comment;

import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.database.Sql;
import news.forum.web.PublicIds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
class CommentRepository {

    /** A comment row with what paging needs besides its view. */
    record Row(CommentView view, long rootId, String path, int rootScore) {
    }

    /** What a write needs to know about an existing comment. */
    record Target(long id, long threadId, Long parentId, long authorId, boolean deleted, int replyCount, int depth) {
    }

    /** A comment is listed while it is live, or deleted but still holding visible replies (a tombstone). */
    private static final String VISIBLE = "(c.deleted_at IS NULL OR c.reply_count > 0)";

    private static final String COLUMNS = """
            c.id, c.thread_id, c.parent_id, c.root_id, c.depth, c.path, c.body_html, c.created_at, c.edited_at,
            c.deleted_at, c.reply_count, c.score, a.username, a.display_name""";

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
    Optional<CommentView> insertTopLevel(long threadId, Caller author, String body, String bodyHtml) {
        return sql.one("""
                        WITH counted AS (
                            UPDATE thread SET comment_count = comment_count + 1
                            WHERE id = ? AND NOT locked
                            RETURNING id
                        )
                        INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html)
                        SELECT f.id, counted.id, NULL, f.id, 0, '', ?, ?, ?
                        FROM counted, (SELECT nextval('comment_id_seq') AS id) f
                        RETURNING id, thread_id, parent_id, depth, created_at""",
                row -> created(row, author, bodyHtml), threadId, author.id(), body, bodyHtml);
    }

    /**
     * Inserts a reply, counts it on its parent and on the thread in one statement (one round trip); empty when
     * the parent is not a live comment of this thread, is at the deepest level, or the thread is locked. The
     * parent row is locked before the thread row (the thread's update waits on the parent's through EXISTS), the
     * same order as every other write, and counting the reply on the parent makes a concurrent delete see it.
     */
    Optional<CommentView> insertReply(long threadId, long parentId, Caller author, String body, String bodyHtml) {
        return sql.one("""
                        WITH parent AS (
                            UPDATE comment SET reply_count = reply_count + 1
                            WHERE id = ? AND thread_id = ? AND deleted_at IS NULL AND depth < 63
                            RETURNING id, root_id, path, depth
                        ), counted AS (
                            UPDATE thread SET comment_count = comment_count + 1
                            WHERE id = ? AND NOT locked AND EXISTS (SELECT 1 FROM parent)
                            RETURNING id
                        )
                        INSERT INTO comment (id, thread_id, parent_id, root_id, depth, path, author_id, body, body_html)
                        SELECT f.id, counted.id, p.id, p.root_id, p.depth + 1, p.path || comment_path_key(f.id), ?, ?, ?
                        FROM parent p, counted, (SELECT nextval('comment_id_seq') AS id) f
                        RETURNING id, thread_id, parent_id, depth, created_at""",
                row -> created(row, author, bodyHtml), parentId, threadId, threadId, author.id(), body, bodyHtml);
    }

    Optional<CommentView> findView(long id) {
        return sql.one("SELECT " + COLUMNS + ", 0 AS root_score FROM comment c JOIN account a ON a.id = c.author_id"
                + " WHERE c.id = ? AND " + VISIBLE, row -> row(row).view(), id);
    }

    /**
     * Comments by id as the public sees them now, listed on a page or not (a deleted comment with no replies): the
     * row mapper shows no author and no text of a deleted one.
     */
    java.util.Map<Long, CommentService.PublicState> findPublicStates(long[] ids) {
        record Keyed(long id, CommentService.PublicState state) {
        }
        return sql.list("SELECT " + COLUMNS + ", 0 AS root_score, " + VISIBLE + " AS listed"
                                + " FROM comment c JOIN account a ON a.id = c.author_id WHERE c.id = ANY(?)",
                        row -> new Keyed(row.getLong("id"),
                                new CommentService.PublicState(row(row).view(), row.getBoolean("listed"))),
                        (Object) ids)
                .stream().collect(java.util.stream.Collectors.toMap(Keyed::id, Keyed::state));
    }

    Optional<Target> findTarget(long id) {
        return sql.one("SELECT id, thread_id, parent_id, author_id, deleted_at IS NOT NULL AS deleted, reply_count, depth"
                + " FROM comment WHERE id = ?", CommentRepository::target, id);
    }

    /** Locks the comment row first: every transaction locks comment rows before the thread row. */
    Optional<Target> lockTarget(long id) {
        return sql.one("SELECT id, thread_id, parent_id, author_id, deleted_at IS NOT NULL AS deleted, reply_count, depth"
                + " FROM comment WHERE id = ? FOR UPDATE", CommentRepository::target, id);
    }

    void updateBody(long id, String body, String bodyHtml) {
        sql.update("UPDATE comment SET body = ?, body_html = ?, edited_at = now() WHERE id = ?", body, bodyHtml, id);
    }

    /** The text is wiped; the row stays so that its replies keep their place in the tree. */
    void markDeleted(long id) {
        sql.update("UPDATE comment SET deleted_at = now(), body = '', body_html = '' WHERE id = ?", id);
    }

    /**
     * One fewer visible reply under {@code parentId}. Returns the parent's own parent when the parent thereby
     * disappears too (a tombstone left with no replies), so the caller walks up the tree; otherwise null.
     */
    Long countRemovedReply(long parentId) {
        record Outcome(boolean vanished, Long grandparentId) {
        }
        return sql.one("""
                        UPDATE comment SET reply_count = reply_count - 1 WHERE id = ?
                        RETURNING parent_id, deleted_at IS NOT NULL AND reply_count = 0 AS vanished""",
                row -> new Outcome(row.getBoolean("vanished"), Sql.nullableLong(row, "parent_id")), parentId)
                .filter(Outcome::vanished)
                .map(Outcome::grandparentId)
                .orElse(null);
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

    /** Oldest roots first: one range scan of comment_tree_oldest. */
    List<Row> pageOldest(long threadId, PageCursor after, int limit) {
        String where = after == null ? "" : " AND (c.root_id, c.path) > (?, ?)";
        Object[] parameters = after == null
                ? new Object[]{threadId, limit}
                : new Object[]{threadId, after.rootId(), after.path(), limit};
        return sql.list("SELECT " + COLUMNS + ", 0 AS root_score FROM comment c JOIN account a ON a.id = c.author_id"
                + " WHERE c.thread_id = ?" + where + " AND " + VISIBLE
                + " ORDER BY c.root_id, c.path LIMIT ?", this::row, parameters);
    }

    /** Newest roots first, each subtree in tree order: one range scan of comment_tree_newest. */
    List<Row> pageNewest(long threadId, PageCursor after, int limit) {
        String where = after == null ? "" : " AND (-c.root_id, c.path) > (?, ?)";
        Object[] parameters = after == null
                ? new Object[]{threadId, limit}
                : new Object[]{threadId, -after.rootId(), after.path(), limit};
        return sql.list("SELECT " + COLUMNS + ", 0 AS root_score FROM comment c JOIN account a ON a.id = c.author_id"
                + " WHERE c.thread_id = ?" + where + " AND " + VISIBLE
                + " ORDER BY -c.root_id, c.path LIMIT ?", this::row, parameters);
    }

    /** The rest of one root's subtree after a path, in tree order (continuing a top-sorted page). */
    List<Row> subtreeAfter(long threadId, long rootId, String path, int rootScore, int limit) {
        return sql.list("SELECT " + COLUMNS + ", ? AS root_score FROM comment c JOIN account a ON a.id = c.author_id"
                + " WHERE c.thread_id = ? AND c.root_id = ? AND c.path > ? AND " + VISIBLE
                + " ORDER BY c.path LIMIT ?", this::row, rootScore, threadId, rootId, path, limit);
    }

    /**
     * Roots by score (ties: newer first) after the given root, then their subtrees in tree order. The roots
     * come from the partial index comment_top_roots; each subtree is a range scan of comment_tree_oldest.
     */
    List<Row> pageTop(long threadId, PageCursor afterRoot, int limit) {
        String where = afterRoot == null ? "" : " AND (r.score, r.id) < (?, ?)";
        Object[] parameters = afterRoot == null
                ? new Object[]{threadId, limit, threadId, limit, limit}
                : new Object[]{threadId, afterRoot.rootScore(), afterRoot.rootId(), limit, threadId, limit, limit};
        return sql.list("""
                WITH roots AS (
                    SELECT r.id, r.score FROM comment r
                    WHERE r.thread_id = ? AND r.parent_id IS NULL %s
                      AND (r.deleted_at IS NULL OR r.reply_count > 0)
                    ORDER BY r.score DESC, r.id DESC
                    LIMIT ?
                )
                SELECT s.*, roots.score AS root_score
                FROM roots
                CROSS JOIN LATERAL (
                    SELECT %s
                    FROM comment c JOIN account a ON a.id = c.author_id
                    WHERE c.thread_id = ? AND c.root_id = roots.id AND %s
                    ORDER BY c.path
                    LIMIT ?
                ) s
                ORDER BY roots.score DESC, roots.id DESC, s.path
                LIMIT ?""".formatted(where, COLUMNS, VISIBLE), this::row, parameters);
    }

    private Row row(ResultSet row) throws SQLException {
        boolean deleted = row.getObject("deleted_at") != null;
        Long parentId = Sql.nullableLong(row, "parent_id");
        CommentView view = new CommentView(
                ids.format(row.getLong("id")),
                ids.format(row.getLong("thread_id")),
                parentId == null ? null : ids.format(parentId),
                row.getInt("depth"),
                deleted ? null : new CommentView.Author(row.getString("username"), row.getString("display_name")),
                deleted ? null : row.getString("body_html"),
                Sql.instant(row, "created_at"),
                deleted ? null : Sql.instant(row, "edited_at"),
                deleted,
                row.getInt("reply_count"),
                row.getInt("score"));
        return new Row(view, row.getLong("root_id"), row.getString("path"), row.getInt("root_score"));
    }

    /** The view of a comment just inserted, from what the insert returned: no second read. */
    private CommentView created(ResultSet row, Caller author, String bodyHtml) throws SQLException {
        Long parentId = Sql.nullableLong(row, "parent_id");
        return new CommentView(ids.format(row.getLong("id")), ids.format(row.getLong("thread_id")),
                parentId == null ? null : ids.format(parentId), row.getInt("depth"),
                new CommentView.Author(author.username(), author.displayName()), bodyHtml,
                Sql.instant(row, "created_at"), null, false, 0, 0);
    }

    private static Target target(ResultSet row) throws SQLException {
        return new Target(row.getLong("id"), row.getLong("thread_id"), Sql.nullableLong(row, "parent_id"),
                row.getLong("author_id"), row.getBoolean("deleted"), row.getInt("reply_count"), row.getInt("depth"));
    }
}
