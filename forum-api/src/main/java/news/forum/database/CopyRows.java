package news.forum.database;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Rows streamed into one {@code COPY ... FROM STDIN} (text format) on the current transaction's connection: the
 * fastest way PostgreSQL takes many rows, with the table's constraints and indexes checked as for inserts. The owner
 * package of the table writes the statement; this only encodes values (null, numbers, booleans, text, instants,
 * bytes) and sends them in blocks, so memory stays bounded whatever the number of rows.
 */
public final class CopyRows implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(1024);
    private byte[] block = new byte[FLUSH_AT * 2];
    private int blockLength;
    private long rows;
    private boolean first = true;

    private CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code copySql} (a {@code COPY table (columns) FROM STDIN}) on the connection. */
    public static CopyRows start(Connection connection, String copySql) {
        try {
            return new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start " + copySql, e);
        }
    }

    /** One value of the current row, in the statement's column order. */
    public CopyRows value(Object value) {
        if (!first) {
            row.append('\t');
        }
        first = false;
        if (value == null) {
            row.append("\\N");
        } else if (value instanceof String text) {
            escape(text);
        } else if (value instanceof Instant instant) {
            row.append(instant);
        } else if (value instanceof byte[] bytes) {
            row.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else {
            row.append(value);
        }
        return this;
    }

    /** Ends the current row. */
    public void endRow() {
        row.append('\n');
        byte[] encoded = row.toString().getBytes(StandardCharsets.UTF_8);
        row.setLength(0);
        first = true;
        rows++;
        if (blockLength + encoded.length > block.length) {
            flush();
            if (encoded.length > block.length) {
                block = new byte[encoded.length];
            }
        }
        System.arraycopy(encoded, 0, block, blockLength, encoded.length);
        blockLength += encoded.length;
        if (blockLength >= FLUSH_AT) {
            flush();
        }
    }

    public CopyRows row(Object... values) {
        for (Object value : values) {
            value(value);
        }
        endRow();
        return this;
    }

    /** Sends what is left and ends the COPY; the rows the server took. */
    public long finish() {
        flush();
        try {
            return copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed after " + rows + " rows: " + e.getMessage(), e);
        }
    }

    private void flush() {
        if (blockLength == 0) {
            return;
        }
        try {
            copy.writeToCopy(block, 0, blockLength);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed after " + rows + " rows: " + e.getMessage(), e);
        }
        blockLength = 0;
    }

    private void escape(String text) {
        int plain = 0;
        while (plain < text.length() && !special(text.charAt(plain))) {
            plain++;
        }
        // most texts need no escape: appended whole
        row.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Abandons an unfinished COPY (the transaction then rolls back). */
    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction fails anyway
            }
        }
    }
}
