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

    /** Runs jcmd against the server process and returns what it printed. */
    String jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid()));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
            jcmd.destroyForcibly();
        }
        return output;
    }

    /**
     * How the server runs: its command line (paths under {@code root} relative), the JVM options on it, the JVM's
     * version and the flags in effect that matter here (collector, heap sizes, class-data sharing).
     */
    Map<String, Object> describe(Path root) throws IOException, InterruptedException {
        List<String> command = List.of(Files.readString(Path.of("/proc", Long.toString(pid()), "cmdline"))
                .split("\0"));
        List<String> options = new ArrayList<>();
        for (String argument : command.subList(1, command.size())) {
            if (argument.equals("-jar") || argument.equals("-cp") || !argument.startsWith("-")) {
                break;
            }
            options.add(argument);
        }
        String flags = jcmd("VM.flags").lines().skip(1).findFirst().orElse("").trim();
        List<String> effective = new ArrayList<>();
        for (String flag : flags.split(" ")) {
            java.util.regex.Matcher size = java.util.regex.Pattern.compile("-XX:(InitialHeapSize|MaxHeapSize)=(\\d+)")
                    .matcher(flag);
            if (size.matches()) {
                effective.add(size.group(1) + " " + Long.parseLong(size.group(2)) / (1024 * 1024) + " MiB");
            } else if (flag.matches("-XX:\\+Use\\w+GC") || flag.contains("SharedArchiveFile") || flag.contains("AOT")
                    || flag.contains("CompactObjectHeaders") || flag.startsWith("-XX:ActiveProcessorCount")) {
                effective.add(flag.substring(4));
            }
        }
        Map<String, Object> description = new java.util.LinkedHashMap<>();
        String prefix = root.toAbsolutePath() + "/";
        description.put("command", String.join(" ", command).replace(prefix, ""));
        description.put("jvm_options", options);
        description.put("jvm_options_shown", options.isEmpty() ? "none (the JVM's defaults)"
                : "`" + String.join(" ", options).replace(prefix, "") + "`");
        description.put("java", jcmd("VM.version").lines().skip(1).findFirst().orElse("").trim());
        description.put("vm_flags", String.join(", ", effective));
        description.put("vm_flags_all", flags);
        return description;
    }

    /** The server's heap in use (after the caller's GC), from jcmd GC.heap_info, in KiB. */
    long heapUsedKib() throws IOException, InterruptedException {
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
