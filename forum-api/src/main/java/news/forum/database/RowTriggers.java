package news.forum.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Bulk loads without PostgreSQL's per-row triggers, foreign-key checks among them, for the rest of the current
 * transaction ({@code SET LOCAL session_replication_role = replica}, as pg_restore's --disable-triggers does): the
 * caller then checks the references once per batch, set-based, and holds the same locks the per-row checks would.
 * Allowed to a superuser (the embedded cluster's role) or a role granted {@code SET ON PARAMETER
 * session_replication_role} (PostgreSQL 15 and later); elsewhere {@link #suspend} says no and the rows are checked
 * one by one as usual.
 */
public final class RowTriggers {

    private RowTriggers() {
    }

    /** Suspends row triggers until {@link #resume} or the transaction's end; false when this role may not. */
    public static boolean suspend(Connection connection) {
        try {
            Savepoint before = connection.setSavepoint();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL session_replication_role = replica");
                connection.releaseSavepoint(before);
                return true;
            } catch (SQLException refused) {
                // 42501 insufficient privilege: the transaction goes on from the savepoint, triggers on
                connection.rollback(before);
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set a savepoint", e);
        }
    }

    /** Row triggers on again for the rest of the transaction. */
    public static void resume(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = DEFAULT");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not turn row triggers back on", e);
        }
    }
}
