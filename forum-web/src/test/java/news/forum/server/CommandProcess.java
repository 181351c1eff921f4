package news.forum.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of the packaged server's executable with a subcommand, as an operator types it, in its own process: the jar
 * ({@code java -jar forum-web.jar import ...}) or the distribution's launcher ({@code bin/forum backup FILE}).
 */
final class CommandProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final Thread reader;

    private CommandProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
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
        }, "command-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the command through the jar with a 256 MiB heap; the caller waits for it or kills it. */
    static CommandProcess start(Map<String, String> environment, Path workDirectory, String... args) {
        return start(List.of(ServerProcess.javaExecutable(), "-Xmx256m", "-jar", ServerProcess.serverJar()),
                environment, workDirectory, args);
    }

    private static CommandProcess start(List<String> executable, Map<String, String> environment, Path workDirectory,
                                        String... args) {
        List<String> command = new ArrayList<>(executable);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("DATASOURCES_") || key.startsWith("FORUM_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        try {
            return new CommandProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command through the jar to its end; its exit code (the output stays readable). */
    static CommandProcess run(Map<String, String> environment, Path workDirectory, String... args) throws InterruptedException {
        return awaited(start(environment, workDirectory, args), Duration.ofMinutes(10), args);
    }

    /** Runs the command through the distribution's launcher, {@code bin/forum ARGS...}, to its end. */
    static CommandProcess launched(Map<String, String> environment, Path workDirectory, String... args) throws InterruptedException {
        return awaited(start(List.of(ServerProcess.launcher().toString()), environment, workDirectory, args),
                Duration.ofMinutes(10), args);
    }

    /** Runs the launcher's command on this data directory (and whatever database the environment names). */
    static CommandProcess run(Path dataDirectory, Map<String, String> environment, Duration timeout, String... args)
            throws InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("FORUM_DATA_DIR", dataDirectory.toString());
        env.putAll(environment);
        return awaited(start(List.of(ServerProcess.launcher().toString()), env, Path.of("target").toAbsolutePath(), args),
                timeout, args);
    }

    private static CommandProcess awaited(CommandProcess command, Duration timeout, String... args) throws InterruptedException {
        if (!command.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            command.kill();
            throw new AssertionError(String.join(" ", args) + " did not end within " + timeout + ": " + command.output());
        }
        command.drained();
        return command;
    }

    int exitCode() {
        return process.exitValue();
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Waits for a line matching the pattern; false if the process ended or time ran out first. */
    boolean awaitLine(java.util.regex.Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (true) {
                if (output.stream().anyMatch(line -> pattern.matcher(line).find())) {
                    return true;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !process.isAlive()) {
                    return output.stream().anyMatch(line -> pattern.matcher(line).find());
                }
                output.wait(Math.min(left, 200));
            }
        }
    }

    /** After the process ended: every line it wrote has been read (the reader sees the end of its output). */
    private void drained() throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(30));
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: nothing of the command runs after it. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return output();
    }
}
