package news.forum.database;

import io.micronaut.core.annotation.Nullable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The forum's database for a command run beside the server (backup, restore): the external PostgreSQL of the
 * standard datasource settings, or the embedded one of the data directory. A running server's embedded PostgreSQL is
 * reached on the port its postmaster wrote into the data directory; when no server runs, the command starts the
 * embedded cluster itself (holding the data directory as the server would) and stops it when done.
 */
public final class MaintenanceDatabase implements AutoCloseable {

    /** What the command was configured with: the same settings as the server. */
    public record Target(@Nullable String url, @Nullable String username, @Nullable String password, Path dataDirectory) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }

        Path cluster() {
            return dataDirectory.toAbsolutePath().normalize().resolve("postgres");
        }
    }

    private final String url;
    private final String username;
    private final String password;
    private final String description;
    private final EmbeddedPostgres startedHere;
    private final Path cluster;

    private MaintenanceDatabase(String url, String username, String password, String description,
                                @Nullable EmbeddedPostgres startedHere, @Nullable Path cluster) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.description = description;
        this.startedHere = startedHere;
        this.cluster = cluster;
    }

    /** The database a server runs on now (or would run on): for reading it while the server goes on. */
    public static MaintenanceDatabase ofServer(Target target) {
        if (!target.embedded()) {
            return external(target);
        }
        Optional<Integer> port = runningPostmasterPort(target.cluster());
        if (port.isPresent()) {
            return new MaintenanceDatabase(localUrl(port.get()), "postgres", "",
                    "the embedded PostgreSQL of the server running on " + target.dataDirectory().toAbsolutePath().normalize()
                            + " (port " + port.get() + ")", null, null);
        }
        if (!Files.exists(target.cluster().resolve("PG_VERSION"))) {
            throw new IllegalStateException("No forum database in " + target.dataDirectory().toAbsolutePath().normalize()
                    + " (FORUM_DATA_DIR): no server has run there, and no external database is configured "
                    + "(DATASOURCES_DEFAULT_URL).");
        }
        return startHere(target, "the embedded PostgreSQL in " + target.dataDirectory().toAbsolutePath().normalize()
                + " (no server running; started for this command)");
    }

    /**
     * The database a restore writes into: the external one, or the embedded one of a data directory on which no
     * server runs (started here, created if the directory is empty).
     */
    public static MaintenanceDatabase forRestore(Target target) {
        if (!target.embedded()) {
            return external(target);
        }
        if (runningPostmasterPort(target.cluster()).isPresent()) {
            throw new IllegalStateException("A forum server (or its PostgreSQL) is running on "
                    + target.dataDirectory().toAbsolutePath().normalize()
                    + ": a restore goes onto an empty data directory; stop the server, or give another FORUM_DATA_DIR.");
        }
        return startHere(target, "the embedded PostgreSQL in " + target.dataDirectory().toAbsolutePath().normalize());
    }

    private static MaintenanceDatabase external(Target target) {
        return new MaintenanceDatabase(target.url(), target.username(), target.password() == null ? "" : target.password(),
                "the external PostgreSQL at " + target.url(), null, null);
    }

    private static MaintenanceDatabase startHere(Target target, String description) {
        EmbeddedPostgres postgres = EmbeddedPostgresServer.obtain(target.cluster(), false);
        return new MaintenanceDatabase(localUrl(postgres.getPort()), "postgres", "", description, postgres, target.cluster());
    }

    private static String localUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /**
     * The port of the postmaster serving the cluster, if one runs: postmaster.pid holds its pid (line 1) and port
     * (line 4).
     */
    static Optional<Integer> runningPostmasterPort(Path cluster) {
        Path pidFile = cluster.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(port) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username == null ? "" : username);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "forum maintenance");
        return DriverManager.getConnection(url, properties);
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Which database this is, for the command's output. */
    public String description() {
        return description;
    }

    /** Stops the embedded PostgreSQL if this command started it. */
    @Override
    public void close() {
        if (startedHere != null) {
            EmbeddedPostgresServer.stop(cluster);
        }
    }
}
