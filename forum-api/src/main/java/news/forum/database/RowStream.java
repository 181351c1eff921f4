package news.forum.database;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a query's rows one at a time through a server-side cursor (fetched in blocks), so a table of millions of rows
 * is read in bounded memory. Must run inside a transaction (PostgreSQL keeps cursors only there).
 */
public final class RowStream {

    /** Handles the current row of the result set. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet row) throws SQLException;
    }

    private RowStream() {
    }

    public static long each(JdbcOperations jdbc, String sql, RowHandler handler, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setFetchSize(2_000);
            bind(statement, parameters);
            long count = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.row(rows);
                    count++;
                }
            }
            return count;
        });
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
