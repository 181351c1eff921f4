package news.forum.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the catalog says of the forum's schema (the connection's current schema): its tables, their columns, the
 * foreign keys between them and the migration version. Flyway's own history is not data: a restore rebuilds it.
 */
final class Schema {

    static final String HISTORY = "flyway_schema_history";

    private Schema() {
    }

    /** The highest migration version applied, if any migration ran. */
    static Optional<String> version(Connection connection) throws SQLException {
        if (!tableExists(connection, HISTORY)) {
            return Optional.empty();
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT version FROM " + HISTORY
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    /** The schema's tables but Flyway's history, by name. */
    static List<String> tables(Connection connection) throws SQLException {
        return strings(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
                + "AND c.relname <> '" + HISTORY + "' ORDER BY c.relname");
    }

    /** Every relation of the schema (tables, sequences, views), Flyway's history included. */
    static List<String> relations(Connection connection) throws SQLException {
        return strings(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'v', 'm', 'f') ORDER BY c.relname");
    }

    /** The columns a row is written with: stored, in order, without generated ones (PostgreSQL computes those). */
    static List<String> columns(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.attname FROM pg_attribute a "
                + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = current_schema() AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped "
                + "AND a.attgenerated = '' ORDER BY a.attnum")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> columns = new ArrayList<>();
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
                return columns;
            }
        }
    }

    /** The tables in an order in which each comes after every table it refers to (a table may refer to itself). */
    static List<String> loadOrder(Connection connection, List<String> tables) throws SQLException {
        Map<String, Set<String>> refersTo = new LinkedHashMap<>();
        tables.forEach(table -> refersTo.put(table, new LinkedHashSet<>()));
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relname, r.relname FROM pg_constraint k "
                + "JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype = 'f' AND n.nspname = current_schema()");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String table = rows.getString(1);
                String referenced = rows.getString(2);
                if (refersTo.containsKey(table) && refersTo.containsKey(referenced) && !table.equals(referenced)) {
                    refersTo.get(table).add(referenced);
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (String table : tables) {
                if (!placed.contains(table) && placed.containsAll(refersTo.get(table))) {
                    order.add(table);
                    placed.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("The schema's foreign keys form a cycle; a restore cannot order its tables");
            }
        }
        return order;
    }

    static String scalar(Connection connection, String sql) throws SQLException {
        List<String> values = strings(connection, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String quoteAll(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(Schema::quote).toList());
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = ?")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
