package news.forum.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A client of a thread's live events, as a browser's EventSource reads them: Server-Sent Events parsed line by line
 * on a thread of its own, every event kept in arrival order, and the raw text kept to check what was never sent.
 */
public final class EventStream implements AutoCloseable {

    /** One event: its id, its name ({@code event:}) and its data. */
    public record Received(String id, String name, String data) {
    }

    /** How long a test waits for an event that must come before it fails (never a measure of speed). */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final StringBuffer raw = new StringBuffer();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final HttpResponse<Stream<String>> response;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} on {@code base}; extra headers as name, value pairs (Last-Event-ID). */
    public static EventStream open(URI base, String path, String... headers) {
        return open(HTTP, base, path, headers);
    }

    /** The same through a client of the test's own making (one that trusts a test certificate authority, say). */
    public static EventStream open(HttpClient client, URI base, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET()
                .header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new EventStream(client.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path of a thread's events. */
    public static String path(String threadId) {
        return path(threadId, null);
    }

    /** The path of a thread's events after an event id (a thread view's lastEventId). */
    public static String path(String threadId, String after) {
        return Api.route(c -> c.events(threadId, null, after)).path();
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Waits until the server has joined this stream to its thread (its first comment line), so no event can pass it by. */
    public EventStream awaitOpen() {
        try {
            if (!opened.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the event stream did not open: " + raw);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The next event; fails the test when none comes. */
    public Received next() {
        try {
            Received event = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("no event arrived; the stream so far: " + raw);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next {@code count} events. */
    public List<Received> next(int count) {
        List<Received> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    /** The next event, or null when none came within {@code wait} (the stream may have ended: see {@link #ended()}). */
    public Received poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the server has ended the stream (every event it sent is still there to take). */
    public boolean ended() {
        return ended.getCount() == 0;
    }

    /** Events already received and not yet taken. */
    public List<Received> pending() {
        List<Received> received = new ArrayList<>();
        events.drainTo(received);
        return received;
    }

    /** Waits for the server to end the stream; false if it is still open after the patience. */
    public boolean awaitEnd() throws InterruptedException {
        return ended.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything the server sent on this stream, as text. */
    public String raw() {
        return raw.toString();
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (java.util.Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                raw.append(line).append('\n');
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Received(id, name == null ? "message" : name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    opened.countDown();
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // closed by the test or the server
        } finally {
            opened.countDown();
            ended.countDown();
        }
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf(':') + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
