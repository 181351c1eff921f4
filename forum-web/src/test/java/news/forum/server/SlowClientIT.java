package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that trickle their headers or body a byte at a time, or open a connection and say nothing, are cut off
 * by the server's request timeout, while another client's requests keep answering as fast as before. Raw sockets
 * on loopback; every socket and thread is the test's own and ends with it.
 */
class SlowClientIT {

    private static final Duration START = Duration.ofSeconds(300);
    private static final int REQUEST_TIMEOUT_SECONDS = 6;
    private static final long TRICKLE_INTERVAL_MS = 200;
    /** Far past the timeout: a connection still open then was not cut off. */
    private static final long GIVE_UP_MS = (REQUEST_TIMEOUT_SECONDS + 20) * 1000L;
    private static final String ARTICLE = Api.route(c -> c.article("us-boots-on-ground-never")).path();

    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path data;

    /** How one slow connection ended. */
    private record Ending(String kind, boolean closedByServer, long afterMs, int bytesSent) {
    }

    @Test
    void tricklingAndSilentClientsAreCutOffWithoutSlowingAnyoneElse() throws Exception {
        // the demo thread is the page the well-behaved client reads
        try (ServerProcess server = ServerProcess.start(data, Map.of("FORUM_DEMO", "true",
                "FORUM_REQUEST_TIMEOUT_SECONDS", Integer.toString(REQUEST_TIMEOUT_SECONDS)))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Api api = new Api(server.base(), json);
            for (int i = 0; i < 20; i++) {
                api.get(ARTICLE).expectStatus(200); // warm-up
            }
            List<Long> baseline = timedReads(api, 30, new AtomicBoolean(true));

            ExecutorService slow = Executors.newFixedThreadPool(15);
            try {
                List<Future<Ending>> endings = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    endings.add(slow.submit(() -> trickleHeaders(server.port())));
                    endings.add(slow.submit(() -> trickleBody(server.port())));
                    endings.add(slow.submit(() -> silent(server.port())));
                }
                Thread.sleep(500);
                AtomicBoolean slowOnesOpen = new AtomicBoolean(true);
                List<Long> during = new ArrayList<>();
                Thread watcher = new Thread(() -> {
                    for (Future<Ending> ending : endings) {
                        try {
                            ending.get();
                        } catch (Exception ignored) {
                            // reported below
                        }
                    }
                    slowOnesOpen.set(false);
                }, "slow-client-watcher");
                watcher.start();
                during.addAll(timedReads(api, Integer.MAX_VALUE, slowOnesOpen));
                watcher.join(GIVE_UP_MS + 5000);

                for (Future<Ending> future : endings) {
                    Ending ending = future.get(1, TimeUnit.SECONDS);
                    assertThat(ending.closedByServer()).as(ending.toString()).isTrue();
                    // cut by the request timeout: not before it, and not long after
                    assertThat(ending.afterMs()).as(ending.toString())
                            .isBetween(REQUEST_TIMEOUT_SECONDS * 1000L - 1000, REQUEST_TIMEOUT_SECONDS * 1000L + 6000);
                    if (!ending.kind().equals("silent")) {
                        // it kept sending all along: an idle timeout alone would never have cut it
                        assertThat(ending.bytesSent()).as(ending.toString())
                                .isGreaterThan((int) (REQUEST_TIMEOUT_SECONDS * 1000L / TRICKLE_INTERVAL_MS / 2));
                    }
                }
                assertThat(during).as("requests answered while the slow clients were connected").hasSizeGreaterThan(10);
                long baselineMedian = median(baseline);
                long baselineMax = Collections.max(baseline);
                assertThat(median(during)).as("median ms during, baseline " + baselineMedian)
                        .isLessThan(baselineMedian * 3 + 3000);
                assertThat(Collections.max(during)).as("slowest ms during, baseline slowest " + baselineMax)
                        .isLessThan(baselineMax + 4000);
            } finally {
                slow.shutdownNow();
                assertThat(slow.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            api.get("/health").expectStatus(200);
        }
    }

    @Test
    void aKeepAliveConnectionIdleBetweenRequestsIsNotCutByTheRequestTimeout() throws Exception {
        // the demo thread is the page the well-behaved client reads
        try (ServerProcess server = ServerProcess.start(data, Map.of("FORUM_DEMO", "true",
                "FORUM_REQUEST_TIMEOUT_SECONDS", Integer.toString(REQUEST_TIMEOUT_SECONDS)))) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                socket.setSoTimeout(10_000);
                String request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponseHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
                Thread.sleep(REQUEST_TIMEOUT_SECONDS * 1000L + 2000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponseHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
            }
        }
    }

    private static Ending trickleHeaders(int port) throws IOException {
        byte[] start = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
        return trickle("headers", port, start, "abcdefghijklmnopqrstuvwxyz".repeat(40).getBytes(StandardCharsets.US_ASCII));
    }

    private static Ending trickleBody(int port) throws IOException {
        byte[] body = ("{\"username\":\"nobody\",\"password\":\"" + "p".repeat(900) + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] head = ("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return trickle("body", port, head, body);
    }

    private static Ending silent(int port) throws IOException {
        return trickle("silent", port, new byte[0], new byte[0]);
    }

    /** Sends the head at once, then the rest a byte every interval, until the server closes the connection. */
    private static Ending trickle(String kind, int port, byte[] head, byte[] rest) throws IOException {
        long started = System.nanoTime();
        int sent = 0;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) TRICKLE_INTERVAL_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head);
            out.flush();
            while (elapsedMs(started) < GIVE_UP_MS && !Thread.currentThread().isInterrupted()) {
                try {
                    if (in.read() == -1) {
                        return new Ending(kind, true, elapsedMs(started), sent);
                    }
                    continue; // the server answered something (a 408, say): read on until it closes
                } catch (SocketTimeoutException stillOpen) {
                    // the interval passed with the connection open: send the next byte
                }
                if (sent < rest.length) {
                    out.write(rest[sent]);
                    out.flush();
                    sent++;
                }
            }
            return new Ending(kind, false, elapsedMs(started), sent);
        } catch (IOException closed) {
            // reset, or a write into a connection the server closed
            return new Ending(kind, true, elapsedMs(started), sent);
        }
    }

    /** GETs one after another until {@code limit} or until {@code keepGoing} turns false; the time of each, in ms. */
    private static List<Long> timedReads(Api api, int limit, AtomicBoolean keepGoing) {
        List<Long> times = new ArrayList<>();
        while (times.size() < limit && keepGoing.get()) {
            long started = System.nanoTime();
            api.get(ARTICLE).expectStatus(200);
            times.add(elapsedMs(started));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return times;
    }

    private static String readResponseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("closed after " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        in.readNBytes(length);
        return text;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
