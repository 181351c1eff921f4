package news.forum.server;

import news.forum.backup.DatabaseBackup;
import news.forum.database.MaintenanceDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

/**
 * {@code forum backup FILE}: a consistent backup of the forum's database into FILE while the server runs (or not),
 * with the server's own settings: the embedded PostgreSQL of FORUM_DATA_DIR, or the external one of
 * DATASOURCES_DEFAULT_URL.
 */
final class BackupCommand implements Command {

    @Override
    public String summary() {
        return "FILE: a consistent backup of the database, taken while the server runs";
    }

    @Override
    public void run(String[] args) {
        System.exit(execute(List.of(args)));
    }

    int execute(List<String> arguments) {
        if (arguments.size() != 1 || arguments.get(0).startsWith("-")) {
            System.err.println("usage: forum backup FILE   (a zip file; written whole or not at all)");
            return 2;
        }
        Path file = Path.of(arguments.get(0));
        try (MaintenanceDatabase database = MaintenanceDatabase.ofServer(ForumSettings.database());
             Connection connection = database.connect()) {
            System.out.println("Backing up " + database.description());
            DatabaseBackup.Summary summary = DatabaseBackup.write(connection, file);
            System.out.printf(Locale.ROOT, "Backup written to %s: schema version %s, %d tables, %d rows, %d bytes, in %.1f s%n",
                    summary.file(), summary.schemaVersion(), summary.tables(), summary.rows(), summary.bytes(),
                    summary.took().toMillis() / 1000.0);
            return 0;
        } catch (Exception e) {
            System.err.println("Backup failed: " + Commands.reason(e));
            return 1;
        }
    }
}
