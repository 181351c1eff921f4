package news.forum.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx as a reverse proxy (a load balancer, a TLS terminator) in front of forum instances, started by a
 * test as its own process with its own prefix, pid and logs under target/, on loopback, from a configuration README
 * shows (src/test/resources/nginx/: several-instances.conf, tls-proxy.conf). A machine without nginx fails the test:
 * CI installs it.
 */
final class NginxProcess implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path prefix;
    private final int port;

    private NginxProcess(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    static NginxProcess start(List<Integer> upstreamPorts) throws IOException, InterruptedException {
        int port = freePort();
        String upstreams = upstreamPorts.stream()
                .map(p -> "        server 127.0.0.1:" + p + " max_fails=1 fail_timeout=10s;")
                .collect(Collectors.joining("\n"));
        return start("several-instances.conf", newPrefix(), port,
                Map.of("@LISTEN@", "127.0.0.1:" + port, "@UPSTREAMS@", upstreams));
    }

    /** A fresh directory under target/ for one nginx's configuration, pid, logs and whatever the test puts beside them. */
    static Path newPrefix() throws IOException {
        Files.createDirectories(Path.of("target"));
        return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "nginx-");
    }

    /**
     * Runs src/test/resources/nginx/{template} with @PREFIX@ and the given values filled in; returns once it accepts
     * connections on {@code port} (127.0.0.1).
     */
    static NginxProcess start(String template, Path prefix, int port, Map<String, String> values)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("This test needs Debian's nginx at " + NGINX
                    + ": apt-get install -y nginx (.ci/run installs it)");
        }
        String configuration;
        try (var in = NginxProcess.class.getResourceAsStream("/nginx/" + template)) {
            configuration = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@PREFIX@", prefix.toString());
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            configuration = configuration.replace(value.getKey(), value.getValue());
        }
        if (configuration.matches("(?s).*@[A-Z_]+@.*")) {
            throw new IllegalArgumentException("a value of " + template + " is left unfilled: " + configuration);
        }
        Path config = prefix.resolve("nginx.conf");
        Files.writeString(config, configuration);
        Process process = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", config.toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("stdout.log").toFile())
                .start();
        NginxProcess nginx = new NginxProcess(process, prefix, port);
        nginx.awaitListening();
        return nginx;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Which instance answered each request, from the access log: upstream addresses in order. */
    List<String> upstreamsUsed() throws IOException {
        return Files.readAllLines(prefix.resolve("access.log")).stream()
                .map(line -> line.substring(line.lastIndexOf("upstream=") + "upstream=".length()))
                .toList();
    }

    String errorLog() throws IOException {
        Path log = prefix.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": "
                        + Files.readString(prefix.resolve("stdout.log")) + errorLog());
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + ": " + errorLog());
    }

    /** SIGTERM: nginx's fast shutdown; its master and worker end. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
