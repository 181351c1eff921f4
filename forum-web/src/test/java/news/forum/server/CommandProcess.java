package news.forum.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the packaged server's executable with a subcommand, as an operator types it, in its own process. */
final class CommandProcess implements AutoCloseable {

    private final Process process;
    private final List<String> output = new ArrayList<>();

    private CommandProcess(Process process) {
        this.process = process;
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
        }, "command-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the command; the caller waits for it or kills it. */
    static CommandProcess start(Map<String, String> environment, Path workDirectory, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", serverJar()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("DATASOURCES_") || key.startsWith("FORUM_"));
        builder.environment().putAll(environment);
        try {
            return new CommandProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the command to its end; its exit code (the output stays readable). */
    static CommandProcess run(Map<String, String> environment, Path workDirectory, String... args) throws InterruptedException {
        CommandProcess command = start(environment, workDirectory, args);
        if (!command.process.waitFor(10, TimeUnit.MINUTES)) {
            command.kill();
            throw new AssertionError("the command did not end within 10 minutes: " + command.output());
        }
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

    private static String serverJar() {
        String jar = System.getProperty("forum.server.jar");
        if (jar == null) {
            throw new IllegalStateException("forum.server.jar is not set: run the *IT tests through Maven (mvn verify)");
        }
        return jar;
    }
}
