package news.forum.database;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a statement on the connection of the current transaction. Repositories keep their SQL written out;
 * this only binds parameters in order and maps rows, so a reader sees exactly what runs.
 */
@Singleton
public class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = list(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * As {@link #one}, but empty when a unique key refuses the row (SQLSTATE 23505), the transaction going on: the
     * statement runs under a savepoint, rolled back to on that refusal, for writes that race others on a key.
     */
    public <T> Optional<T> oneUnlessDuplicate(String sql, RowMapper<T> mapper, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            Connection connection = statement.getConnection();
            Savepoint savepoint = connection.setSavepoint();
            try {
                bind(statement, parameters);
                Optional<T> result = Optional.empty();
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        result = Optional.of(mapper.map(rows));
                    }
                }
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(savepoint);
                return Optional.empty();
            }
        });
    }

    public int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                statement.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (value instanceof long[] longs) {
                Long[] boxed = new Long[longs.length];
                for (int j = 0; j < longs.length; j++) {
                    boxed[j] = longs[j];
                }
                statement.setArray(i + 1, statement.getConnection().createArrayOf("bigint", boxed));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

}
