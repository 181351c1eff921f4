package news.forum.transfer;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The comments' source texts while an import is planned: written to a temporary file as they are read, read back
 * by position (from any thread, in the order they are written to the database), so the heap holds only the tree's
 * numbers. Positional reads rather than a mapping keep the process's resident memory to its heap: the file's pages
 * stay in the page cache. The file is deleted when closed.
 */
final class Spill implements AutoCloseable {

    /** One comment's texts as the source wrote them, and a guest's name (empty for an account's comment). */
    record Texts(String source, String guestName) {
    }

    /** A record's header: the two lengths. */
    private static final int HEADER = 8;
    /** Most records are read with one call of this size; a longer one takes a second. */
    private static final int READ_AHEAD = 2_048;

    private final Path file;
    private final DataOutputStream out;
    private long position;
    private volatile FileChannel channel;
    private final ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(READ_AHEAD));

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
    long write(String source, String guestName) {
        byte[] a = source.getBytes(StandardCharsets.UTF_8);
        byte[] b = guestName.getBytes(StandardCharsets.UTF_8);
        try {
            long at = position;
            out.writeInt(a.length);
            out.writeInt(b.length);
            out.write(a);
            out.write(b);
            position += HEADER + a.length + b.length;
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the import's temporary file", e);
        }
    }

    /** Ends the writing: what was written can be read from then on. */
    synchronized void finishWriting() {
        if (channel != null) {
            return;
        }
        try {
            out.close();
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the import's temporary file", e);
        }
    }

    /** The record at an offset; safe from several threads at once. */
    Texts read(long offset) {
        if (channel == null) {
            finishWriting();
        }
        try {
            ByteBuffer buffer = buffers.get().clear();
            buffer.limit((int) Math.min(buffer.capacity(), position - offset));
            fill(buffer, offset);
            buffer.flip();
            int a = buffer.getInt();
            int b = buffer.getInt();
            int length = HEADER + a + b;
            if (length > buffer.limit()) {
                ByteBuffer whole = ByteBuffer.allocate(length);
                fill(whole, offset);
                buffer = whole.flip().position(HEADER);
            }
            String source = new String(buffer.array(), buffer.position(), a, StandardCharsets.UTF_8);
            String guestName = new String(buffer.array(), buffer.position() + a, b, StandardCharsets.UTF_8);
            return new Texts(source, guestName);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the import's temporary file", e);
        }
    }

    private void fill(ByteBuffer buffer, long offset) throws IOException {
        long at = offset;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("The import's temporary file ended early");
            }
            at += n;
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            if (channel != null) {
                channel.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
