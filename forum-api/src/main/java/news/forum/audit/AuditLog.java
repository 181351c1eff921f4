package news.forum.audit;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import news.forum.database.Sql;

/** Appends to the audit trail inside the caller's transaction, so an action and its record commit together. */
@Singleton
public class AuditLog {

    private final Sql sql;

    AuditLog(Sql sql) {
        this.sql = sql;
    }

    public void record(long actorId, String action, String targetType, long targetId, @Nullable String reason) {
        sql.update("INSERT INTO audit_entry (actor_id, action, target_type, target_id, reason) VALUES (?, ?, ?, ?, ?)",
                actorId, action, targetType, targetId, reason);
    }

    /** An entry as its target's owner may read it: what was done and why, not by whom. */
    public record Entry(String action, @Nullable String reason, java.time.Instant createdAt) {
    }

    /** What was done to one target, oldest first (the index audit_entry_target). */
    public java.util.List<Entry> about(String targetType, long targetId) {
        return sql.list("""
                        SELECT action, reason, created_at FROM audit_entry
                        WHERE target_type = ? AND target_id = ? ORDER BY id""",
                row -> new Entry(row.getString("action"), row.getString("reason"), Sql.instant(row, "created_at")),
                targetType, targetId);
    }

    /** An action the forum took by itself (no actor), such as switching slow mode on in an overheated thread. */
    public void recordAutomatic(String action, String targetType, long targetId, @Nullable String reason) {
        sql.update("INSERT INTO audit_entry (actor_id, action, target_type, target_id, reason) VALUES (NULL, ?, ?, ?, ?)",
                action, targetType, targetId, reason);
    }
}
