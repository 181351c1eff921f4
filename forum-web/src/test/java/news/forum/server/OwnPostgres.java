package news.forum.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL that a fault test starts for itself, so it may restart it: an "external" database from the
 * server's point of view, durable like a production one.
 */
final class OwnPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    OwnPostgres(Path dataDirectory) throws IOException {
        this.dataDirectory = dataDirectory;
        this.postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /** pg_ctl restart in the given mode (fast: clients disconnected cleanly; immediate: like a crash). */
    void restart(String mode) throws IOException, InterruptedException {
        pgCtl(List.of("-D", dataDirectory.toString(), "-m", mode, "-w", "-t", "60", "restart"));
    }

    private void pgCtl(List<String> arguments) throws IOException, InterruptedException {
        Path pgCtl = binDirectory().resolve("pg_ctl");
        List<String> command = new java.util.ArrayList<>();
        // PostgreSQL refuses to run as root; like the embedded library, run it in a user namespace
        if (Files.isExecutable(Path.of("/usr/bin/unshare")) && "root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("/usr/bin/unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(arguments);
        // to a file, not a pipe: the restarted postmaster inherits pg_ctl's output and keeps a pipe open forever
        Path log = Files.createTempFile("pg_ctl", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("pg_ctl " + arguments + " failed: " + Files.readString(log));
        }
    }

    private Path binDirectory() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        String postgresBinary = ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("the postmaster " + pid + " is not running"));
        return Path.of(postgresBinary).getParent();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
