package news.forum.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a command of the distribution's launcher ({@code bin/forum backup FILE}), as an operator runs it. */
record CommandProcess(int exitCode, String output) {

    static CommandProcess run(Path dataDirectory, Map<String, String> environment, Duration timeout, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ServerProcess.launcher().toString()));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "command-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("DATASOURCES_") || key.startsWith("FORUM_"));
        env.put("FORUM_DATA_DIR", dataDirectory.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", arguments) + " did not end within " + timeout + ": " + Files.readString(log));
        }
        return new CommandProcess(process.exitValue(), Files.readString(log));
    }
}
