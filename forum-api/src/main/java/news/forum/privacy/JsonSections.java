package news.forum.privacy;

import io.micronaut.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * One JSON object written as it is read: each member is a section that yields its text a part at a time (a value at
 * once, or an array a page at a time), so only one page is ever in memory. The server reads it on its I/O threads;
 * each part is fetched when the one before has been taken.
 */
final class JsonSections extends InputStream {

    /** One member of the object. */
    interface Section {
        /** Writes the next part; false when the section has nothing more. */
        boolean next(JsonMapper json, ByteArrayOutputStream out) throws IOException;
    }

    private final JsonMapper json;
    private final Deque<Section> sections;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private byte[] buffer = new byte[0];
    private int position;
    private boolean started;
    private boolean first = true;
    private boolean memberOpen;
    private boolean ended;

    JsonSections(JsonMapper json, List<Section> sections) {
        this.json = json;
        this.sections = new ArrayDeque<>(sections);
    }

    /** A member with one value. */
    static Section value(String name, Object value) {
        return lazy(name, () -> value);
    }

    /** A member whose value is read when its turn comes. */
    static Section lazy(String name, Supplier<Object> value) {
        boolean[] done = {false};
        return (json, out) -> {
            if (done[0]) {
                return false;
            }
            done[0] = true;
            name(out, name);
            out.write(json.writeValueAsBytes(value.get()));
            return true;
        };
    }

    /**
     * A member whose value is an array read a page at a time: {@code page} gives the items after a key (0 first),
     * {@code key} the key of an item, {@code shown} what is written of it. An empty page ends the array.
     */
    static <T> Section paged(String name, LongFunction<List<T>> page, ToLongFunction<T> key, Function<T, Object> shown) {
        return new Section() {
            private long after;
            private boolean opened;
            private boolean anyItem;
            private boolean closed;

            @Override
            public boolean next(JsonMapper json, ByteArrayOutputStream out) throws IOException {
                if (closed) {
                    return false;
                }
                if (!opened) {
                    opened = true;
                    name(out, name);
                    out.write('[');
                    return true;
                }
                List<T> items = page.apply(after);
                for (T item : items) {
                    if (anyItem) {
                        out.write(',');
                    }
                    anyItem = true;
                    out.write('\n');
                    out.write(json.writeValueAsBytes(shown.apply(item)));
                    after = key.applyAsLong(item);
                }
                if (items.isEmpty()) {
                    out.write(']');
                    closed = true;
                }
                return true;
            }
        };
    }

    private static void name(ByteArrayOutputStream out, String name) {
        out.writeBytes(("\"" + name + "\":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == buffer.length) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    /** The next part into the buffer; false at the end of the object. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        out.reset();
        if (!started) {
            started = true;
            out.write('{');
        }
        try {
            do {
                Section section = sections.peekFirst();
                if (section == null) {
                    out.write('}');
                    out.write('\n');
                    ended = true;
                    break;
                }
                if (!memberOpen) {
                    if (!first) {
                        out.write(',');
                    }
                    out.write('\n');
                    first = false;
                    memberOpen = true;
                }
                if (!section.next(json, out)) {
                    sections.removeFirst();
                    memberOpen = false;
                }
            } while (out.size() == 0);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            // the client gets a cut-off document (the connection ends), never a shorter one that looks whole
            throw new IOException("The export stopped: " + e.getMessage(), e);
        }
        buffer = out.toByteArray();
        position = 0;
        return true;
    }
}
