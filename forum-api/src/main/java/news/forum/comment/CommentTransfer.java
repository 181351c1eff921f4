package news.forum.comment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import news.forum.database.BulkTable;
import news.forum.database.CopyRows;
import news.forum.database.RowStream;
import news.forum.database.RowTriggers;
import news.forum.database.Sql;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ObjLongConsumer;

/**
 * Comments moved in and out in bulk (import from other systems, whole-site export and import): rows written with
 * COPY, their tree columns (root_id, depth, path) and counters computed by the caller for whole subtrees at a time,
 * so every committed batch leaves the counters exact. Ids come from comment_id_seq in blocks, like any comment's.
 */
@Singleton
public class CommentTransfer {

    /** A comment as an import writes it; counters and tree columns final for its batch. */
    public record NewComment(long id, long threadId, @Nullable Long parentId, long rootId, int depth, String path,
                             long authorId, @Nullable String authorName, String body, String bodyHtml,
                             Instant createdAt, @Nullable Instant deletedAt, int replyCount,
                             @Nullable String reviewState, @Nullable String holdReason, @Nullable Instant removedAt,
                             @Nullable String removalReason) {
    }

    /** Where an existing comment sits, for a new reply under it. */
    public record Position(long id, long threadId, long rootId, int depth, String path, boolean listed) {
    }

    public static final String PENDING = CommentState.PENDING;
    public static final int MAX_DEPTH = CommentService.MAX_DEPTH;

    private static final String COPY_COMMENT = """
            COPY comment (id, thread_id, parent_id, root_id, depth, path, author_id, author_name, body, body_html,
                          created_at, deleted_at, reply_count, review_state, hold_reason, removed_at, removal_reason)
            FROM STDIN""";

    private static final List<String> COMMENT_COLUMNS = List.of("id", "thread_id", "parent_id", "root_id", "depth",
            "path", "author_id", "author_name", "body", "body_html", "created_at", "edited_at", "deleted_at",
            "reply_count", "score", "review_state", "hold_reason", "removed_at", "removed_by", "removal_reason",
            "flag_count", "flagged_at", "pending_body", "pending_body_html", "pending_since", "hiding_flag_count");

    /** The comment tables of a whole-site export, in the order they are written back. */
    public static final List<BulkTable> TABLES = List.of(
            new BulkTable("comment", COMMENT_COLUMNS, """
                    SELECT id, thread_id, parent_id, root_id, depth, path, author_id, author_name, body, body_html,
                           created_at, edited_at, deleted_at, reply_count, score, review_state, hold_reason, removed_at,
                           removed_by, removal_reason, flag_count, flagged_at, pending_body, pending_body_html,
                           pending_since, hiding_flag_count
                    FROM comment ORDER BY id""", null, """
                    COPY comment (id, thread_id, parent_id, root_id, depth, path, author_id, author_name, body, body_html,
                                  created_at, edited_at, deleted_at, reply_count, score, review_state, hold_reason,
                                  removed_at, removed_by, removal_reason, flag_count, flagged_at, pending_body,
                                  pending_body_html, pending_since, hiding_flag_count)
                    FROM STDIN""",
                    List.of("SELECT setval('comment_id_seq', coalesce(max(id), 1), max(id) IS NOT NULL) FROM comment")),
            new BulkTable("vote", List.of("comment_id", "account_id", "value"),
                    "SELECT comment_id, account_id, value FROM comment_vote ORDER BY comment_id, account_id", null,
                    "COPY comment_vote (comment_id, account_id, value) FROM STDIN", List.of()),
            new BulkTable("comment_source", List.of("source", "source_id", "comment_id"),
                    "SELECT source, source_id, comment_id FROM comment_source ORDER BY comment_id", null,
                    "COPY comment_source (source, source_id, comment_id) FROM STDIN", List.of()));

    private final Sql sql;
    private final JdbcOperations jdbc;

    CommentTransfer(Sql sql, JdbcOperations jdbc) {
        this.sql = sql;
        this.jdbc = jdbc;
    }

    /** The key of one tree level in path: the id in 12 hex digits, as comment_path_key(id) writes it. */
    public static String pathKey(long id) {
        String hex = Long.toHexString(id);
        return "000000000000".substring(hex.length()) + hex;
    }

    /** Fresh comment ids, ascending: taken from comment_id_seq like every comment's, so servers running meanwhile never collide. */
    public long[] allocateIds(int count) {
        List<Long> ids = sql.list("SELECT nextval('comment_id_seq') AS id FROM generate_series(1, ?) ORDER BY 1",
                row -> row.getLong("id"), count);
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** Every comment already imported from this source: its source id and its row id. */
    public long eachImported(String source, ObjLongConsumer<String> handler) {
        return RowStream.each(jdbc, "SELECT source_id, comment_id FROM comment_source WHERE source = ?",
                row -> handler.accept(row.getString(1), row.getLong(2)), source);
    }

    /** Positions of existing comments (parents of new replies), by id. */
    public Map<Long, Position> positions(long[] ids) {
        Map<Long, Position> found = new HashMap<>();
        sql.list("""
                        SELECT id, thread_id, root_id, depth, path,
                               reply_count > 0 OR (deleted_at IS NULL AND review_state IS DISTINCT FROM 'pending') AS listed
                        FROM comment WHERE id = ANY(?)""",
                row -> new Position(row.getLong("id"), row.getLong("thread_id"), row.getLong("root_id"),
                        row.getInt("depth"), row.getString("path"), row.getBoolean("listed")), (Object) ids)
                .forEach(position -> found.put(position.id(), position));
        return found;
    }

    /**
     * Writes a batch of comments and their source ids, streamed (the i-th comment and source id asked for once, in
     * order); the caller's transaction commits them together. Where the role may, the foreign keys are checked once
     * for the whole batch instead of row by row (per row they were more than half of PostgreSQL's time for a COPY):
     * every thread, author and parent outside the batch the rows name must exist, and is locked FOR KEY SHARE to the
     * commit, as the per-row checks lock it; a parent inside the batch is one of its rows.
     */
    public void insert(String source, int count, IntFunction<NewComment> comment, IntFunction<String> sourceId) {
        long[] ids = new long[count];
        jdbc.execute(connection -> {
            References references = RowTriggers.suspend(connection) ? new References(count) : null;
            try (CopyRows rows = CopyRows.start(connection, COPY_COMMENT)) {
                for (int i = 0; i < count; i++) {
                    NewComment c = comment.apply(i);
                    ids[i] = c.id();
                    if (references != null) {
                        references.add(c);
                    }
                    rows.row(c.id(), c.threadId(), c.parentId(), c.rootId(), c.depth(), c.path(), c.authorId(),
                            c.authorName(), c.body(), c.bodyHtml(), c.createdAt(), c.deletedAt(), c.replyCount(),
                            c.reviewState(), c.holdReason(), c.removedAt(), c.removalReason());
                }
                rows.finish();
            }
            if (references != null) {
                RowTriggers.resume(connection);
                references.check();
            }
            try (CopyRows rows = CopyRows.start(connection, "COPY comment_source (source, source_id, comment_id) FROM STDIN")) {
                for (int i = 0; i < count; i++) {
                    rows.row(source, sourceId.apply(i), ids[i]);
                }
                rows.finish();
            }
            return null;
        });
    }

    /** The rows a batch refers to, checked and locked together once the batch is in. */
    private final class References {
        private final Set<Long> batch;
        private final Set<Long> threads = new HashSet<>();
        private final Set<Long> accounts = new HashSet<>();
        private final Set<Long> parents = new HashSet<>();

        References(int count) {
            batch = new HashSet<>(count * 2);
        }

        void add(NewComment c) {
            batch.add(c.id());
            threads.add(c.threadId());
            accounts.add(c.authorId());
            if (c.parentId() != null) {
                parents.add(c.parentId());
            }
        }

        void check() {
            parents.removeAll(batch);
            missing("thread", threads, "SELECT count(*) AS n FROM (SELECT 1 FROM thread WHERE id = ANY(?) FOR KEY SHARE) t");
            missing("account", accounts, "SELECT count(*) AS n FROM (SELECT 1 FROM account WHERE id = ANY(?) FOR KEY SHARE) a");
            missing("parent comment", parents, "SELECT count(*) AS n FROM (SELECT 1 FROM comment WHERE id = ANY(?) FOR KEY SHARE) c");
        }

        private void missing(String what, Set<Long> ids, String query) {
            if (ids.isEmpty()) {
                return;
            }
            long found = sql.one(query, row -> row.getLong("n"), (Object) ids.stream().mapToLong(Long::longValue).toArray()).orElse(0L);
            if (found != ids.size()) {
                // the transaction rolls back: nothing of the batch is kept
                throw new IllegalStateException((ids.size() - found) + " " + what + " row(s) the batch refers to are gone");
            }
        }
    }

    /**
     * Counts new listed replies on an existing comment, and up its chain where that makes a tombstone appear (as
     * CommentRepository.countListedReply does for one reply).
     */
    public void countListedReplies(long parentId, int added) {
        Long parent = parentId;
        while (parent != null && added > 0) {
            record Outcome(boolean appeared, Long grandparentId) {
            }
            Outcome outcome = sql.one("""
                            UPDATE comment SET reply_count = reply_count + ? WHERE id = ?
                            RETURNING parent_id, (deleted_at IS NOT NULL OR review_state = 'pending') AND reply_count = ? AS appeared""",
                    row -> new Outcome(row.getBoolean("appeared"), Sql.nullableLong(row, "parent_id")),
                    added, parent, added).orElse(null);
            if (outcome == null || !outcome.appeared()) {
                return;
            }
            parent = outcome.grandparentId();
            added = 1;
        }
    }
}
