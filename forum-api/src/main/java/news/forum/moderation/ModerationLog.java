package news.forum.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import news.forum.account.Callers;
import news.forum.database.Sql;
import news.forum.web.PublicIds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static news.forum.web.PublicIds.Kind.ACCOUNT;
import static news.forum.web.PublicIds.Kind.COMMENT;
import static news.forum.web.PublicIds.Kind.LOG_ENTRY;
import static news.forum.web.PublicIds.Kind.THREAD;
import static news.forum.web.PublicIds.Kind.WORD_RULES;

/** The audit trail as moderators read it: newest first, keyset paged on the entry's id, every id a public one. */
@Singleton
class ModerationLog {

    private static final String ENTRIES = """
            SELECT e.id, e.action, e.target_type, e.target_id, e.reason, e.created_at, actor.username AS actor,
                   CASE e.target_type WHEN 'account' THEN target_account.username
                                      WHEN 'thread' THEN thread_article.article_key
                                      WHEN 'comment' THEN comment_article.article_key END AS label,
                   target_comment.thread_id AS comment_thread_id
            FROM audit_entry e
            LEFT JOIN account actor ON actor.id = e.actor_id
            LEFT JOIN account target_account ON e.target_type = 'account' AND target_account.id = e.target_id
            LEFT JOIN thread target_thread ON e.target_type = 'thread' AND target_thread.id = e.target_id
            LEFT JOIN article thread_article ON thread_article.id = target_thread.article_id
            LEFT JOIN comment target_comment ON e.target_type = 'comment' AND target_comment.id = e.target_id
            LEFT JOIN thread comment_thread ON comment_thread.id = target_comment.thread_id
            LEFT JOIN article comment_article ON comment_article.id = comment_thread.article_id
            """;

    private final Sql sql;
    private final Callers callers;
    private final PublicIds ids;

    ModerationLog(Sql sql, Callers callers, PublicIds ids) {
        this.sql = sql;
        this.callers = callers;
        this.ids = ids;
    }

    @ReadOnly
    public LogPage page(Authentication authentication, @Nullable String after, int limit) {
        callers.requireModerator(authentication);
        Cursor cursor = after == null || after.isEmpty() ? null : Cursor.decode(after, 'l', false, ids);
        List<Row> rows = sql.list(ENTRIES + (cursor == null ? "" : " WHERE e.id < ?") + " ORDER BY e.id DESC LIMIT ?",
                this::row, cursor == null ? new Object[]{limit + 1} : new Object[]{cursor.id(), limit + 1});
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = new Cursor('l', null, rows.get(limit - 1).id()).encode(ids);
        }
        return new LogPage(rows.stream().map(Row::entry).toList(), next);
    }

    /** The kind of id an entry's target has, from audit_entry.target_type (AuditLog's callers name it); null: none shown. */
    private static @Nullable PublicIds.Kind targetKind(String targetType) {
        return switch (targetType) {
            case "account" -> ACCOUNT;
            case "thread" -> THREAD;
            case "comment" -> COMMENT;
            case "word-rules" -> WORD_RULES;
            default -> null;
        };
    }

    private record Row(long id, LogEntry entry) {
    }

    private Row row(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        long targetId = row.getLong("target_id");
        Long threadId = Sql.nullableLong(row, "comment_thread_id");
        PublicIds.Kind targetKind = targetKind(row.getString("target_type"));
        LogEntry.Target target = new LogEntry.Target(row.getString("target_type"),
                targetId > 0 && targetKind != null ? ids.format(targetKind, targetId) : null, row.getString("label"),
                threadId == null ? null : ids.format(THREAD, threadId));
        return new Row(id, new LogEntry(ids.format(LOG_ENTRY, id), row.getString("action"), row.getString("actor"), target,
                row.getString("reason"), Sql.instant(row, "created_at")));
    }
}
