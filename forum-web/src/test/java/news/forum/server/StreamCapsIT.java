package news.forum.server;

import io.micronaut.json.JsonMapper;
import news.forum.article.ArticleRequest;
import news.forum.support.Api;
import news.forum.support.EventStream;
import news.forum.support.MadeUpAddresses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server under a file descriptor limit of 400 (`ulimit -n`), with at most 5 event streams per client
 * address: one address gets 429 past its 5, the instance 503 past what its limit leaves (it says how many at start),
 * both with Retry-After; meanwhile every held stream goes on receiving events, and other readers' requests and
 * /health are answered. A stream that ends frees its place.
 */
class StreamCapsIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String ADMIN_PASSWORD = "stream-caps-admin-password";
    private static final Pattern CAP = Pattern.compile("Live events: at most (\\d+) streams, 5 per client address "
            + "\\(file descriptor limit 400");
    private final JsonMapper json = JsonMapper.createDefault();

    @TempDir
    Path data;

    @Test
    void streamsAreCappedPerAddressAndByTheDescriptorLimitAndTheStreamsHeldGoOn() throws Exception {
        List<RawStream> held = new ArrayList<>();
        try (ServerProcess server = ServerProcess.startWithDescriptorLimit(data, Map.of(
                "FORUM_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "FORUM_TRUSTED_PROXIES", "127.0.0.1",
                "FORUM_EVENTS_PER_ADDRESS", "5"), 400)) {
            assertThat(server.awaitLine("Server Running", START)).as(server.output()).isTrue();
            Matcher cap = CAP.matcher(server.output());
            assertThat(cap.find()).as(server.output()).isTrue();
            int total = Integer.parseInt(cap.group(1));
            assertThat(total).as("room left for streams under 400 descriptors").isBetween(50, 320);
            Api api = new Api(server.base(), json);
            String admin = api.login("admin", ADMIN_PASSWORD).token();
            String key = Api.uniqueName("caps-");
            String thread = api.send(admin, c -> c.save(key, new ArticleRequest("Caps", "https://news.example/caps")))
                    .expectStatus(201).path("thread.id");

            String crowded = MadeUpAddresses.next();
            for (int i = 0; i < 5; i++) {
                held.add(RawStream.open(server.base(), thread, crowded).expectStatus(200));
            }
            RawStream perAddress = RawStream.open(server.base(), thread, crowded);
            perAddress.expectRefusal(429);
            perAddress.close();

            int address = 0;
            String current = MadeUpAddresses.next();
            while (held.size() < total) {
                if (address++ % 5 == 0) {
                    current = MadeUpAddresses.next();
                }
                held.add(RawStream.open(server.base(), thread, current).expectStatus(200));
            }
            RawStream overTotal = RawStream.open(server.base(), thread, MadeUpAddresses.next());
            overTotal.expectRefusal(503);
            overTotal.close();

            api.get("/health").expectStatus(200);
            api.send(c -> c.page(thread, null, null, null)).expectStatus(200);
            String comment = api.postComment(thread, api.newUser().token(), "To every reader still here", null)
                    .expectStatus(201).path("id");
            for (RawStream stream : held) {
                stream.awaitData(comment);
            }

            // a stream that ends gives its place back, once the server has seen it go
            held.remove(0).close();
            held.add(RawStream.openWhenAdmitted(server.base(), thread, MadeUpAddresses.next()));
            assertThat(server.output()).doesNotContain("Too many open files");
        } finally {
            held.forEach(RawStream::close);
        }
    }

    /** An event stream over a socket of its own: no thread and no connection pool behind it. */
    private static final class RawStream implements AutoCloseable {

        private final Socket socket;
        private final BufferedReader in;
        private final int status;
        private final List<String> headers = new ArrayList<>();

        private RawStream(URI base, String thread, String address) throws IOException {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout((int) PATIENCE.toMillis());
            socket.getOutputStream().write(("GET " + EventStream.path(thread) + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\nAccept: text/event-stream\r\n"
                    + "X-Forwarded-For: " + address + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String statusLine = in.readLine();
            status = statusLine == null ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                headers.add(line);
            }
        }

        static RawStream open(URI base, String thread, String address) throws IOException {
            return new RawStream(base, thread, address);
        }

        /** Opens one until it is admitted (a place is freed when the server notices a stream closed), or fails. */
        static RawStream openWhenAdmitted(URI base, String thread, String address) throws Exception {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                RawStream stream = open(base, thread, address);
                if (stream.status == 200) {
                    return stream;
                }
                stream.expectRefusal(503);
                stream.close();
                assertThat(System.nanoTime()).as("a place freed in time").isLessThan(deadline);
                Thread.sleep(100);
            }
        }

        RawStream expectStatus(int expected) {
            assertThat(status).as("%s", headers).isEqualTo(expected);
            return this;
        }

        void expectRefusal(int expected) {
            expectStatus(expected);
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            assertThat(Long.parseLong(header("Retry-After"))).isPositive();
        }

        /** Reads until a data line names the comment. */
        void awaitData(String commentId) throws IOException {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("data:") && line.contains(commentId)) {
                        return;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no event within " + PATIENCE + " on a held stream", e);
            }
            throw new AssertionError("a held stream ended before the event came");
        }

        private String header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).findFirst().orElse("");
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
