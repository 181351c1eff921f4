package news.forum.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Many idle event streams (GET /api/v1/threads/{id}/events) held from this process on loopback, all on one selector
 * thread: each connection costs this process a socket and a few hundred bytes. Knows when each stream has been
 * joined to its thread (the server's first comment line) and when each has received a given text (an event).
 */
final class Streams implements AutoCloseable {

    private static final byte[] OPENED = ": live".getBytes(StandardCharsets.US_ASCII);
    private static final int KEEP = 96;

    /** One connection: its open state, the last bytes read (a marker may straddle two reads), and arrival times. */
    private static final class Stream {
        final SocketChannel channel;
        byte[] tail = new byte[0];
        boolean opened;
        boolean closed;
        long arrived;

        Stream(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private final int port;
    private final String path;
    private final Selector selector;
    private final List<Stream> streams = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
    private byte[] awaited;
    private int openedCount;
    private int arrivedCount;

    Streams(int port, String path) throws IOException {
        this.port = port;
        this.path = path;
        this.selector = Selector.open();
    }

    int size() {
        return streams.size();
    }

    /** Opens {@code count} more streams, {@code batch} at a time, each batch joined before the next starts. */
    void open(int count, int batch, long deadlineNanos) throws IOException {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        int target = streams.size() + count;
        while (streams.size() < target) {
            int n = Math.min(batch, target - streams.size());
            for (int i = 0; i < n; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.write(ByteBuffer.wrap(request));
                channel.configureBlocking(false);
                Stream stream = new Stream(channel);
                channel.register(selector, SelectionKey.OP_READ, stream);
                streams.add(stream);
            }
            while (openedCount < streams.size()) {
                poll(deadlineNanos);
            }
        }
    }

    /** From now on, records when each stream receives {@code text}. */
    void expect(String text) {
        awaited = text.getBytes(StandardCharsets.UTF_8);
        arrivedCount = 0;
        for (Stream stream : streams) {
            stream.arrived = 0;
        }
    }

    /** Reads until every open stream has received the awaited text; returns the arrival times (nanoTime). */
    long[] awaitAll(long deadlineNanos) throws IOException {
        while (arrivedCount < openCount()) {
            poll(deadlineNanos);
        }
        return streams.stream().filter(s -> !s.closed).mapToLong(s -> s.arrived).toArray();
    }

    int openCount() {
        return (int) streams.stream().filter(s -> !s.closed).count();
    }

    private void poll(long deadlineNanos) throws IOException {
        if (System.nanoTime() > deadlineNanos) {
            throw new IllegalStateException("streams: out of time with " + openedCount + " of " + streams.size()
                    + " joined and " + arrivedCount + " reached");
        }
        selector.select(200);
        long now = System.nanoTime();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Stream stream = (Stream) key.attachment();
            buffer.clear();
            int read;
            try {
                read = stream.channel.read(buffer);
            } catch (IOException e) {
                read = -1;
            }
            if (read < 0) {
                stream.closed = true;
                key.cancel();
                stream.channel.close();
                throw new IllegalStateException("the server closed an event stream");
            }
            buffer.flip();
            byte[] text = new byte[stream.tail.length + buffer.remaining()];
            System.arraycopy(stream.tail, 0, text, 0, stream.tail.length);
            buffer.get(text, stream.tail.length, text.length - stream.tail.length);
            if (!stream.opened && contains(text, OPENED)) {
                stream.opened = true;
                openedCount++;
            }
            if (awaited != null && stream.arrived == 0 && contains(text, awaited)) {
                stream.arrived = now;
                arrivedCount++;
            }
            stream.tail = Arrays.copyOfRange(text, Math.max(0, text.length - KEEP), text.length);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        for (Stream stream : streams) {
            stream.channel.close();
        }
        selector.close();
    }
}
