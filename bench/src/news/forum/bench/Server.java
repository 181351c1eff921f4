package news.forum.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The forum server as a child process started with the README's plain {@code java -jar}, on a free loopback port. */
final class Server implements AutoCloseable {

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    final int port;
    private Process process;

    Server(Path jar, Path dataDir, Path log, Map<String, String> environment, List<String> jvmOptions) throws IOException {
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = log;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
    }

    /** Starts the process and returns the milliseconds from its start to the first 200 of /health. */
    long start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("FORUM_DATA_DIR", dataDir.toString());
        long started = System.nanoTime();
        process = builder.start();
        long deadline = started + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try (Http http = new Http(port)) {
                if (http.get("/health").status() == 200) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("the server did not answer /health within 180 s; see " + log);
    }

    Path dataDir() {
        return dataDir;
    }

    long pid() {
        return process.pid();
    }

    /** Peak resident memory of the server process so far (VmHWM), in KiB. */
    long peakRssKib() throws IOException {
        return statusField("VmHWM:");
    }

    long rssKib() throws IOException {
        return statusField("VmRSS:");
    }

    private long statusField(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
            }
        }
        return -1;
    }

    /** SIGTERM, as an operator would stop it; the embedded PostgreSQL stops with it. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
