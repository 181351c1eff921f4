package news.forum.server;

import news.forum.backup.DatabaseRestore;
import news.forum.database.MaintenanceDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code forum restore FILE}: puts a backup onto an empty database with the server's own settings: the embedded
 * PostgreSQL of FORUM_DATA_DIR (an empty or new directory; no server may run on it), or the external one of
 * DATASOURCES_DEFAULT_URL (an empty database). Then start the server on it.
 */
final class RestoreCommand implements Command {

    @Override
    public String summary() {
        return "FILE: a backup put onto an empty database or data directory";
    }

    @Override
    public void run(String[] args) {
        System.exit(execute(List.of(args)));
    }

    int execute(List<String> arguments) {
        if (arguments.size() != 1 || arguments.get(0).startsWith("-")) {
            System.err.println("usage: forum restore FILE   (a file written by forum backup; onto an empty database)");
            return 2;
        }
        Path file = Path.of(arguments.get(0));
        if (!Files.isReadable(file)) {
            System.err.println("Restore failed: cannot read " + file.toAbsolutePath());
            return 1;
        }
        try (MaintenanceDatabase database = MaintenanceDatabase.forRestore(ForumSettings.database())) {
            System.out.println("Restoring " + file.toAbsolutePath() + " into " + database.description());
            DatabaseRestore.Summary summary = DatabaseRestore.restore(database, file);
            System.out.printf(Locale.ROOT, "Restored: schema version %s, %d tables, %d rows, in %.1f s. Start the server on it.%n",
                    summary.schemaVersion(), summary.tables(), summary.rows(), summary.took().toMillis() / 1000.0);
            return 0;
        } catch (Exception e) {
            System.err.println("Restore failed: " + Commands.reason(e));
            return 1;
        }
    }
}
