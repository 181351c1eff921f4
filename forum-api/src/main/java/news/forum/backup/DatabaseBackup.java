package news.forum.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A consistent backup of a live forum database: one read-only REPEATABLE READ transaction, so every table is read
 * from the same snapshot while the server goes on writing, and every comment committed before the backup began is
 * in it. Each table's rows go out through {@code COPY ... TO STDOUT} (PostgreSQL's text format, readable by any later
 * PostgreSQL) into one zip file with a manifest; sequences are read after the snapshot is taken, so each is at least
 * as far as any id the snapshot holds. Tables are found in the catalog, so a table a migration adds is backed up
 * without a change here. The file appears under its name only once it is complete and on disk.
 */
public final class DatabaseBackup {

    /** What a backup wrote. */
    public record Summary(Path file, String schemaVersion, int tables, long rows, long bytes, Duration took) {
    }

    private DatabaseBackup() {
    }

    public static Summary write(Connection connection, Path file) throws SQLException, IOException {
        long started = System.nanoTime();
        Path target = file.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
        try {
            // password hashes, refresh-token hashes and the public-id key: readable by the owner only
            trySetOwnerOnly(partial);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL statement_timeout = 0");
                settings.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
            }
            // the first query takes the snapshot that every later one in the transaction reads
            String schemaVersion = Schema.version(connection)
                    .orElseThrow(() -> new IllegalStateException("The database holds no forum schema (no migration has run)"));
            String postgresVersion = Schema.scalar(connection, "SHOW server_version");
            Map<String, Long> sequences = sequences(connection);
            List<BackupManifest.Table> tables = new ArrayList<>();
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream fileOut = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING);
                 ZipOutputStream zip = new ZipOutputStream(fileOut)) {
                zip.setLevel(Deflater.BEST_SPEED);
                for (String table : Schema.tables(connection)) {
                    List<String> columns = Schema.columns(connection, table);
                    BackupManifest.Table entry = new BackupManifest.Table(table, columns, 0);
                    zip.putNextEntry(new ZipEntry(entry.entry()));
                    long rows = copy.copyOut("COPY " + Schema.quote(table) + " (" + Schema.quoteAll(columns) + ") TO STDOUT",
                            new KeepOpen(zip));
                    zip.closeEntry();
                    tables.add(new BackupManifest.Table(table, columns, rows));
                }
                BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, schemaVersion, Instant.now(),
                        postgresVersion, List.copyOf(tables), sequences);
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                manifest.write(zip);
                zip.closeEntry();
            }
            connection.commit();
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
            long rows = tables.stream().mapToLong(BackupManifest.Table::rows).sum();
            return new Summary(target, schemaVersion, tables.size(), rows, Files.size(target),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Each sequence of the schema that has handed out a value, with the last value it handed out. */
    private static Map<String, Long> sequences(Connection connection) throws SQLException {
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema() "
                        + "AND last_value IS NOT NULL ORDER BY sequencename");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sequences.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sequences;
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the directory's permissions apply
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // some systems cannot open a directory; the rename is still atomic
        }
    }

    /** COPY closes nothing, but a stream handed to a library may be: the zip must stay open for the next entry. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
