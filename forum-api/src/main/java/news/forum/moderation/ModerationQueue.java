package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import news.forum.account.Caller;
import news.forum.account.Callers;
import news.forum.comment.CommentView;
import news.forum.comment.Viewer;
import news.forum.comment.CommentModeration;
import news.forum.database.Sql;
import news.forum.web.ProblemException;
import news.forum.web.PublicIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static news.forum.web.PublicIds.Kind.COMMENT;
import static news.forum.web.PublicIds.Kind.THREAD;

/**
 * The comments waiting for a moderator, oldest first, keyset paged over a partial index each: held ones and held
 * edits ({@code comment_pending_queue}) and ones with open flags ({@code comment_flagged_queue}). A page is three reads:
 * the queue, the comments as moderators see them, their open flags.
 */
@Singleton
class ModerationQueue {

    private record Entry(long commentId, QueueItem.ThreadRef thread, Instant queuedAt, @Nullable String holdReason) {
    }

    private static final String FROM = """
            FROM comment c
            JOIN thread t ON t.id = c.thread_id
            JOIN article ar ON ar.id = t.article_id
            """;

    private final Sql sql;
    private final Callers callers;
    private final CommentModeration comments;
    private final Flags flags;
    private final PublicIds ids;

    ModerationQueue(Sql sql, Callers callers, CommentModeration comments, Flags flags, PublicIds ids) {
        this.sql = sql;
        this.callers = callers;
        this.comments = comments;
        this.flags = flags;
        this.ids = ids;
    }

    @ReadOnly
    public QueuePage page(Authentication authentication, @Nullable String kind, @Nullable String after, int limit) {
        Caller moderator = callers.requireModerator(authentication);
        boolean flagged = switch (kind == null || kind.isEmpty() ? "pending" : kind) {
            case "pending" -> false;
            case "flagged" -> true;
            default -> throw ProblemException.invalidField("kind", "must be pending or flagged");
        };
        char cursorKind = flagged ? 'f' : 'p';
        Cursor cursor = after == null || after.isEmpty() ? null : Cursor.decode(after, cursorKind, flagged, ids);
        List<Entry> entries = flagged ? flagged(cursor, limit + 1) : pending(cursor, limit + 1);
        String next = null;
        if (entries.size() > limit) {
            entries = entries.subList(0, limit);
            Entry last = entries.get(limit - 1);
            next = new Cursor(cursorKind, flagged ? last.queuedAt() : null, last.commentId()).encode(ids);
        }
        long[] commentIds = entries.stream().mapToLong(Entry::commentId).toArray();
        Map<String, CommentView> views = comments.views(commentIds, Viewer.of(moderator)).stream()
                .collect(Collectors.toMap(CommentView::id, Function.identity()));
        Map<Long, List<FlagView>> openFlags = new LinkedHashMap<>();
        for (Flags.OpenFlag flag : flags.open(commentIds)) {
            openFlags.computeIfAbsent(flag.commentId(), id -> new ArrayList<>()).add(flag.view());
        }
        List<QueueItem> items = entries.stream()
                .map(e -> new QueueItem(views.get(ids.format(COMMENT, e.commentId())), e.thread(), e.queuedAt(), e.holdReason(),
                        openFlags.getOrDefault(e.commentId(), List.of())))
                .toList();
        return new QueuePage(flagged ? "flagged" : "pending", items, next);
    }

    private List<Entry> pending(@Nullable Cursor after, int limit) {
        String where = after == null ? "" : " AND c.id > ?";
        Object[] parameters = after == null ? new Object[]{limit} : new Object[]{after.id(), limit};
        // held comments and held edits of published ones (queued when the edit came), as comment_pending_queue holds them
        return sql.list("SELECT c.id, coalesce(c.pending_since, c.created_at) AS queued_at, c.hold_reason,"
                        + " t.id AS thread_id, ar.article_key, ar.title "
                        + FROM
                        + "WHERE (c.review_state = 'pending' OR c.pending_body IS NOT NULL)"
                        + " AND c.removed_at IS NULL AND c.deleted_at IS NULL" + where
                        + " ORDER BY c.id LIMIT ?",
                this::entry, parameters);
    }

    private List<Entry> flagged(@Nullable Cursor after, int limit) {
        String where = after == null ? "" : " AND (c.flagged_at, c.id) > (?, ?)";
        Object[] parameters = after == null ? new Object[]{limit} : new Object[]{after.at(), after.id(), limit};
        return sql.list("SELECT c.id, c.flagged_at AS queued_at, c.hold_reason, t.id AS thread_id, ar.article_key, ar.title "
                        + FROM
                        + "WHERE c.flag_count > 0 AND c.removed_at IS NULL AND c.deleted_at IS NULL" + where
                        + " ORDER BY c.flagged_at, c.id LIMIT ?",
                this::entry, parameters);
    }

    private Entry entry(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Entry(row.getLong("id"),
                new QueueItem.ThreadRef(ids.format(THREAD, row.getLong("thread_id")), row.getString("article_key"),
                        row.getString("title")),
                Sql.instant(row, "queued_at"), row.getString("hold_reason"));
    }
}
