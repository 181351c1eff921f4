package news.forum.transfer;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The comments' texts while an import is planned: written to a temporary file as they are read, read back (memory
 * mapped) in the order they are written to the database, so the heap holds only the tree's numbers. Records never
 * straddle a window of the mapping. The file is deleted when closed.
 */
final class Spill implements AutoCloseable {

    /** One comment's texts: safe HTML, plain text, and a guest's name (empty for an account's comment). */
    record Texts(String html, String text, String guestName) {
    }

    private static final long WINDOW = 1L << 28;

    private final Path file;
    private final DataOutputStream out;
    private long position;
    private FileChannel channel;
    private final Map<Long, MappedByteBuffer> windows = new HashMap<>();

    Spill() {
        try {
            file = Files.createTempFile("forum-import-", ".spill");
            file.toFile().deleteOnExit();
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary file for the import", e);
        }
    }

    /** Appends a record; its offset. */
    long write(String html, String text, String guestName) {
        byte[] a = html.getBytes(StandardCharsets.UTF_8);
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        byte[] c = guestName.getBytes(StandardCharsets.UTF_8);
        long length = 12L + a.length + b.length + c.length;
        try {
            if (position / WINDOW != (position + length - 1) / WINDOW) {
                long pad = WINDOW - position % WINDOW;
                out.write(new byte[(int) pad]);
                position += pad;
            }
            long at = position;
            out.writeInt(a.length);
            out.write(a);
            out.writeInt(b.length);
            out.write(b);
            out.writeInt(c.length);
            out.write(c);
            position += length;
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the import's temporary file", e);
        }
    }

    Texts read(long offset) {
        try {
            if (channel == null) {
                out.close();
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            long windowStart = offset - offset % WINDOW;
            MappedByteBuffer window = windows.get(windowStart);
            if (window == null) {
                window = channel.map(FileChannel.MapMode.READ_ONLY, windowStart, Math.min(WINDOW, position - windowStart));
                windows.put(windowStart, window);
            }
            ByteBuffer at = window.duplicate().position((int) (offset - windowStart));
            return new Texts(string(at), string(at), string(at));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the import's temporary file", e);
        }
    }

    private static String string(ByteBuffer at) {
        int length = at.getInt();
        byte[] bytes = new byte[length];
        at.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            out.close();
            if (channel != null) {
                channel.close();
            }
            windows.clear();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
