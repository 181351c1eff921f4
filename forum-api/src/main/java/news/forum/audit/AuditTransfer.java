package news.forum.audit;

import jakarta.inject.Singleton;
import news.forum.database.BulkTable;
import news.forum.database.Sql;

import java.util.List;

/** The audit trail moved out and back in whole; an import itself is one entry with its counts. */
@Singleton
public class AuditTransfer {

    public static final List<BulkTable> TABLES = List.of(new BulkTable("audit_entry",
            List.of("id", "actor_id", "action", "target_type", "target_id", "reason", "created_at"),
            "SELECT id, actor_id, action, target_type, target_id, reason, created_at FROM audit_entry ORDER BY id", null,
            "COPY audit_entry (id, actor_id, action, target_type, target_id, reason, created_at) FROM STDIN",
            List.of("SELECT setval(pg_get_serial_sequence('audit_entry', 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM audit_entry")));

    private final Sql sql;

    AuditTransfer(Sql sql) {
        this.sql = sql;
    }

    /** One entry for a whole import, by nobody in particular (the command runs as the operator, outside the API). */
    public void recordImport(String action, String summary) {
        sql.update("INSERT INTO audit_entry (actor_id, action, target_type, target_id, reason) VALUES (NULL, ?, 'site', 0, ?)",
                action, summary);
    }

    /** Whether an entry of this action carries this text (an export already imported names itself in its entry). */
    public boolean hasEntry(String action, String reasonContains) {
        return sql.one("SELECT 1 FROM audit_entry WHERE action = ? AND strpos(reason, ?) > 0 LIMIT 1",
                row -> true, action, reasonContains).isPresent();
    }
}
