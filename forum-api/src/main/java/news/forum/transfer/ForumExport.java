package news.forum.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import news.forum.database.BulkTable;
import news.forum.database.RowStream;
import news.forum.web.SiteSecretTransfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The whole site as JSON Lines: a header (format, version, the site's id and e-mail hash keys: public ids are row ids
 * encrypted under the first, so a site moved with both keeps every id), then one record a line per row, table by
 * table in {@link ForumTables} order, read from one snapshot (servers may write meanwhile), and an end record with
 * the counts, so a file cut short is known as such. No password hash and no token is in it.
 */
@Singleton
final class ForumExport {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final SiteSecretTransfer secrets;

    ForumExport(TransactionOperations<Connection> transactions, JdbcOperations jdbc, SiteSecretTransfer secrets) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** Writes the file (through a temporary one, moved into place when complete); the counts. */
    String run(Path file, Progress progress) {
        String[] keys = transactions.executeWrite(status -> new String[]{secrets.publicIdKey(), secrets.emailHashKey(),
                secrets.addressKey()});
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8), 1 << 16);
             JsonGenerator json = JSON.createGenerator(out)) {
            json.setRootValueSeparator(null);
            json.writeStartObject();
            json.writeStringField("format", ForumTables.FORMAT);
            json.writeNumberField("version", ForumTables.VERSION);
            json.writeStringField("exportId", UUID.randomUUID().toString());
            json.writeStringField("exportedAt", Instant.now().toString());
            json.writeStringField("publicIdKey", keys[0]);
            json.writeStringField("emailHashKey", keys[1]);
            json.writeStringField("addressKey", keys[2]);
            json.writeEndObject();
            json.flush();
            out.write('\n');
            long[] written = {0};
            transactions.executeRead(status -> {
                jdbc.execute(connection -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    }
                    return null;
                });
                for (BulkTable table : ForumTables.ALL) {
                    long n = RowStream.each(jdbc, table.select(), row -> {
                        record(json, table, row);
                        try {
                            json.flush();
                            out.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        written[0]++;
                        progress.records("exporting", written[0]);
                    });
                    counts.put(table.record(), n);
                }
                return null;
            });
            json.writeStartObject();
            json.writeStringField("type", "end");
            json.writeObjectFieldStart("counts");
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        try {
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the export into place at " + file, e);
        }
        return describe(counts);
    }

    static String describe(Map<String, Long> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((record, n) -> text.append(text.isEmpty() ? "" : ", ").append("%,d %s".formatted(n, record)));
        return text.toString();
    }

    private static void record(JsonGenerator json, BulkTable table, ResultSet row) throws SQLException {
        try {
            json.writeStartObject();
            json.writeStringField("type", table.record());
            ResultSetMetaData meta = row.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                json.writeFieldName(meta.getColumnLabel(c));
                switch (meta.getColumnType(c)) {
                    case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> {
                        long value = row.getLong(c);
                        if (row.wasNull()) {
                            json.writeNull();
                        } else {
                            json.writeNumber(value);
                        }
                    }
                    case Types.BOOLEAN, Types.BIT -> {
                        boolean value = row.getBoolean(c);
                        if (row.wasNull()) {
                            json.writeNull();
                        } else {
                            json.writeBoolean(value);
                        }
                    }
                    case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                        OffsetDateTime value = row.getObject(c, OffsetDateTime.class);
                        if (value == null) {
                            json.writeNull();
                        } else {
                            json.writeString(value.toInstant().toString());
                        }
                    }
                    case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                        byte[] value = row.getBytes(c);
                        if (value == null) {
                            json.writeNull();
                        } else {
                            json.writeString("\\x" + HexFormat.of().formatHex(value));
                        }
                    }
                    default -> {
                        String value = row.getString(c);
                        if (value == null) {
                            json.writeNull();
                        } else {
                            json.writeString(value);
                        }
                    }
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
