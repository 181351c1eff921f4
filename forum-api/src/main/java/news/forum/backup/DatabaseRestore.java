package news.forum.backup;

import news.forum.database.MaintenanceDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Puts a backup onto an empty database: the project's migrations rebuild the schema at the backup's version, then,
 * in one transaction, every table is emptied of what migrations seeded and loaded from the backup through
 * {@code COPY ... FROM STDIN} (tables in foreign-key order, the rows' own ids kept, user triggers off so nothing but
 * the rows is written), and every sequence is set where it was. Either all of it commits or the schema is dropped
 * again, so a failed restore leaves the database as empty as it found it. The server's next start applies any
 * newer migration: a backup of an older release restores into a newer one.
 */
public final class DatabaseRestore {

    /** What a restore loaded. */
    public record Summary(String schemaVersion, int tables, long rows, Duration took) {
    }

    private DatabaseRestore() {
    }

    public static Summary restore(MaintenanceDatabase database, Path file) throws IOException, SQLException {
        long started = System.nanoTime();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            BackupManifest manifest = manifest(zip);
            Flyway flyway = Flyway.configure()
                    .dataSource(database.url(), database.username(), database.password())
                    .locations("classpath:db/migration")
                    .target(MigrationVersion.fromVersion(manifest.schemaVersion()))
                    .cleanDisabled(false)
                    .load();
            requireKnownVersion(flyway, manifest.schemaVersion());
            try (Connection connection = database.connect()) {
                List<String> existing = Schema.relations(connection);
                if (!existing.isEmpty()) {
                    throw new IllegalStateException("The database is not empty (it holds " + existing.size()
                            + " tables and sequences, e.g. " + existing.get(0) + "): a restore goes onto an empty "
                            + "database or data directory, so that nothing of another forum mixes with the backup's.");
                }
            }
            flyway.migrate();
            try (Connection connection = database.connect()) {
                load(connection, zip, manifest);
            } catch (IOException | SQLException | RuntimeException e) {
                // the schema was created here, for this restore only: drop it, so a second try finds an empty database
                flyway.clean();
                throw e;
            }
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            }
            return new Summary(manifest.schemaVersion(), manifest.tables().size(), manifest.rows(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static BackupManifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new IllegalArgumentException(zip.getName() + " is not a forum backup (it has no "
                    + BackupManifest.ENTRY + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return BackupManifest.read(in);
        }
    }

    private static void requireKnownVersion(Flyway flyway, String version) {
        MigrationVersion wanted = MigrationVersion.fromVersion(version);
        boolean known = Arrays.stream(flyway.info().all()).map(MigrationInfo::getVersion).anyMatch(wanted::equals);
        if (!known) {
            throw new IllegalStateException("The backup was taken at schema version " + version
                    + ", which this build does not know: restore it with the release that took it, or a later one.");
        }
    }

    private static void load(Connection connection, ZipFile zip, BackupManifest manifest) throws SQLException, IOException {
        connection.setAutoCommit(false);
        List<String> tables = Schema.tables(connection);
        Set<String> inBackup = new HashSet<>();
        manifest.tables().forEach(table -> inBackup.add(table.name()));
        if (!new HashSet<>(tables).equals(inBackup)) {
            throw new IllegalStateException("The schema at version " + manifest.schemaVersion() + " has the tables "
                    + tables + ", the backup " + inBackup + ": the backup does not match this build's migrations");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = 0");
            for (String table : tables) {
                statement.execute("ALTER TABLE " + Schema.quote(table) + " DISABLE TRIGGER USER");
            }
            // what migrations seeded (a rule set's first version, say) gives way to the backup's rows
            statement.execute("TRUNCATE TABLE " + Schema.quoteAll(tables));
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, BackupManifest.Table> byName = new java.util.HashMap<>();
        manifest.tables().forEach(table -> byName.put(table.name(), table));
        for (String name : Schema.loadOrder(connection, tables)) {
            BackupManifest.Table table = byName.get(name);
            ZipEntry entry = zip.getEntry(table.entry());
            if (entry == null) {
                throw new IllegalStateException("The backup lacks the rows of " + name + ": it is damaged");
            }
            long loaded;
            try (InputStream rows = zip.getInputStream(entry)) {
                loaded = copy.copyIn("COPY " + Schema.quote(name) + " (" + Schema.quoteAll(table.columns()) + ") FROM STDIN", rows);
            }
            if (loaded != table.rows()) {
                throw new IllegalStateException("The backup holds " + loaded + " rows of " + name + " where its manifest says "
                        + table.rows() + ": it is damaged");
            }
        }
        try (PreparedStatement setval = connection.prepareStatement(
                "SELECT setval(format('%I.%I', current_schema(), ?::text)::regclass, ?, true)")) {
            for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
                setval.setString(1, sequence.getKey());
                setval.setLong(2, sequence.getValue());
                setval.execute();
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                statement.execute("ALTER TABLE " + Schema.quote(table) + " ENABLE TRIGGER USER");
            }
        }
        connection.commit();
    }
}
