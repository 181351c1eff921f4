package news.forum.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged server started as its own process, the way README tells an operator to start it. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                        output.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ServerProcess start(Path dataDirectory, Map<String, String> environment) {
        return startCommand(dataDirectory, environment, List.of(javaExecutable(), "-Xmx512m", "-jar", serverJar()));
    }

    /** Under a file descriptor limit of its own (soft and hard, so the JVM cannot raise it), as `ulimit -n` sets. */
    static ServerProcess startWithDescriptorLimit(Path dataDirectory, Map<String, String> environment, int limit) {
        return startCommand(dataDirectory, environment, List.of("bash", "-c", "ulimit -n " + limit + " && exec \"$@\"",
                "forum", javaExecutable(), "-Xmx512m", "-jar", serverJar()));
    }

    /** The distribution's launcher, {@code target/forum/bin/forum ARGS...}, as README's first command runs it. */
    static ServerProcess launch(Path dataDirectory, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return startCommand(dataDirectory, environment, command);
    }

    static Path launcher() {
        String distribution = System.getProperty("forum.distribution");
        if (distribution == null) {
            throw new IllegalStateException("forum.distribution is not set: run the *IT tests through Maven (mvn verify)");
        }
        return Path.of(distribution, "bin", "forum");
    }

    /** Any command line that starts the server, with the same environment as the others. */
    static ServerProcess startCommand(Path dataDirectory, Map<String, String> environment, List<String> command) {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("DATASOURCES_") || key.startsWith("FORUM_"));
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("FORUM_DATA_DIR", dataDirectory.toString());
        // the load these tests make (hundreds of comments a second from a few accounts on 127.0.0.1, into one thread)
        // is what budgets and automatic slow mode exist to stop; here they must stay out of its way
        env.put("FORUM_POSTS_PER_ACCOUNT", "1000000");
        env.put("FORUM_POSTS_PER_ADDRESS", "1000000");
        env.put("FORUM_AUTO_SLOW_MODE_REPLIES_PER_MINUTE", "1000000");
        // several servers (and other test runs) on one machine: each serves its metrics on a free loopback port
        env.put("FORUM_METRICS_PORT", "0");
        env.putAll(environment);
        try {
            return new ServerProcess(builder.start(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process's own id: after the launcher's exec, the JVM's. */
    long pid() {
        return process.pid();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    /** Waits for a line containing the text; false if the process ended or time ran out first. */
    boolean awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (true) {
                if (output.stream().anyMatch(line -> line.contains(text))) {
                    return true;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || (!process.isAlive() && output.stream().noneMatch(line -> line.contains(text)))) {
                    return output.stream().anyMatch(line -> line.contains(text));
                }
                output.wait(Math.min(left, 200));
            }
        }
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    /** SIGTERM, as a service manager stops it; waits for the graceful shutdown. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGTERM without waiting: the caller watches the shutdown. */
    void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the server if it still runs, and keeps its log under target/server-logs for whoever reads a failure. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
        try {
            Path logs = Path.of("target", "server-logs");
            java.nio.file.Files.createDirectories(logs);
            java.nio.file.Files.writeString(logs.resolve("server-" + port + ".log"), output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String serverJar() {
        String jar = System.getProperty("forum.server.jar");
        if (jar == null) {
            throw new IllegalStateException("forum.server.jar is not set: run the *IT tests through Maven (mvn verify)");
        }
        return jar;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
