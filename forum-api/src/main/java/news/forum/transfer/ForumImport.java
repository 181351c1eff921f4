package news.forum.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import news.forum.audit.AuditTransfer;
import news.forum.database.BulkCheck;
import news.forum.database.BulkTable;
import news.forum.database.CopyRows;
import news.forum.database.Sql;
import news.forum.web.SiteSecretTransfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole-site export written back into an empty database, every row with its own id (so every public id stays the
 * same under the exported id key), its counters and states as they were. One transaction: a file cut short or
 * malformed anywhere writes nothing. The same export imported twice is recognised by its id and left as it is.
 */
@Singleton
final class ForumImport {

    /** How it went: a refusal (with whether the export is there already), a fault of the file, or the counts. */
    record Outcome(String refusal, boolean alreadyDone, MalformedFile malformed, String counts) {
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();
    static final String ACTION = "site.import.forum";

    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final Sql sql;
    private final BulkCheck check;
    private final SiteSecretTransfer secrets;
    private final AuditTransfer audit;

    ForumImport(TransactionOperations<Connection> transactions, JdbcOperations jdbc, Sql sql, BulkCheck check,
                SiteSecretTransfer secrets, AuditTransfer audit) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.sql = sql;
        this.check = check;
        this.secrets = secrets;
        this.audit = audit;
    }

    Outcome run(Path file, boolean dryRun, Progress progress) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long size = Files.size(file);
            Lines lines = new Lines(in);
            Map<String, Object> header = lines.next();
            if (header == null || !ForumTables.FORMAT.equals(header.get("format"))) {
                return malformed(new MalformedFile(1, 1, "expected the header of a forum export {\"format\":\"forum-export\",...}"));
            }
            if (!(header.get("version") instanceof Long version) || version > ForumTables.VERSION) {
                return new Outcome("The export's format version " + header.get("version") + " is newer than this "
                        + "forum reads (" + ForumTables.VERSION + "): import it with the version that wrote it or later.",
                        false, null, null);
            }
            String exportId = String.valueOf(header.get("exportId"));
            try {
                return transactions.executeWrite(status -> {
                    Outcome refused = refusal(exportId, String.valueOf(header.get("publicIdKey")));
                    if (refused != null) {
                        return refused;
                    }
                    Map<String, Long> counts = copy(lines, progress, size);
                    if (dryRun) {
                        status.setRollbackOnly();
                        return new Outcome(null, false, null, ForumExport.describe(counts));
                    }
                    secrets.restorePublicIdKey(String.valueOf(header.get("publicIdKey")));
                    if (header.get("emailHashKey") instanceof String emailKey) {
                        secrets.restoreEmailHashKey(emailKey);
                    }
                    if (header.get("addressKey") instanceof String addressKey) {
                        secrets.restoreAddressKey(addressKey);
                    }
                    String described = ForumExport.describe(counts);
                    audit.recordImport(ACTION, "export " + exportId + " of " + file.getFileName() + ": " + described);
                    return new Outcome(null, false, null, described);
                });
            } catch (MalformedFile e) {
                return malformed(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static Outcome malformed(MalformedFile e) {
        return new Outcome(null, false, e, null);
    }

    private Outcome refusal(String exportId, String publicIdKey) {
        boolean empty = true;
        for (BulkTable table : ForumTables.ALL) {
            if (table.before() == null && check.hasRows(table)) {
                empty = false;
                break;
            }
        }
        if (empty) {
            if (secrets.publicIdKeyConfigured() && !secrets.publicIdKey().equals(publicIdKey)) {
                return new Outcome("FORUM_ID_SECRET is set to another key than the exported site's: its public ids "
                        + "would all change. Unset it (the exported key is kept in the database) or set it to the "
                        + "exported site's.", false, null, null);
            }
            return null;
        }
        if (audit.hasEntry(ACTION, "export " + exportId + " ")) {
            return new Outcome("This export (" + exportId + ") is imported already: nothing to do.", true, null, null);
        }
        return new Outcome("The database is not empty: import forum moves a whole site into an empty database "
                + "(a fresh FORUM_DATA_DIR, or a new external database).", false, null, null);
    }

    /** Every record, table by table in export order, each table one COPY; then the statements that finish them. */
    private Map<String, Long> copy(Lines lines, Progress progress, long size) {
        Map<String, BulkTable> byRecord = new LinkedHashMap<>();
        for (BulkTable table : ForumTables.ALL) {
            byRecord.put(table.record(), table);
        }
        List<String> order = new ArrayList<>(byRecord.keySet());
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> after = new ArrayList<>();
        long[] records = {0};
        return jdbc.execute(connection -> {
            int at = -1;
            BulkTable current = null;
            CopyRows rows = null;
            while (true) {
                Map<String, Object> record = lines.next();
                if (record == null) {
                    throw new MalformedFile(lines.number(), 1, "expected more records and an end record (the file ends early)");
                }
                Object type = record.get("type");
                if ("end".equals(type)) {
                    if (rows != null) {
                        rows.finish();
                    }
                    check(lines, record, counts);
                    break;
                }
                if (current == null || !current.record().equals(type)) {
                    int next = order.indexOf(String.valueOf(type));
                    if (next < 0 || next <= at) {
                        throw new MalformedFile(lines.number(), 1, next < 0
                                ? "expected a record type of " + order + ", not " + type
                                : "expected " + type + " records before the later types (the export's order)");
                    }
                    if (rows != null) {
                        rows.finish();
                    }
                    at = next;
                    current = byRecord.get(String.valueOf(type));
                    if (current.before() != null) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(current.before());
                        }
                    }
                    rows = CopyRows.start(connection, current.copy());
                    after.addAll(current.after());
                }
                for (String column : current.columns()) {
                    if (!record.containsKey(column)) {
                        throw new MalformedFile(lines.number(), 1, "expected a field " + column + " in a " + type + " record");
                    }
                    rows.value(record.get(column));
                }
                rows.endRow();
                counts.merge(current.record(), 1L, Long::sum);
                records[0]++;
                progress.records("importing", records[0]);
            }
            for (String statement : after) {
                if (statement.strip().startsWith("SELECT")) {
                    sql.list(statement, row -> true);
                } else {
                    sql.update(statement);
                }
            }
            return counts;
        });
    }

    private static void check(Lines lines, Map<String, Object> end, Map<String, Long> counts) {
        if (!(end.get("counts") instanceof Map<?, ?> expected)) {
            throw new MalformedFile(lines.number(), 1, "expected the counts in the end record");
        }
        for (Map.Entry<?, ?> count : expected.entrySet()) {
            long have = counts.getOrDefault(String.valueOf(count.getKey()), 0L);
            if (!(count.getValue() instanceof Long want) || want != have) {
                throw new MalformedFile(lines.number(), 1, "expected " + count.getValue() + " " + count.getKey()
                        + " records as the end record says, found " + have);
            }
        }
    }

    /** The file's lines as flat JSON objects (a nested object only in the end record), numbered for errors. */
    private static final class Lines {
        private final BufferedReader in;
        private int number;

        Lines(BufferedReader in) {
            this.in = in;
        }

        int number() {
            return number;
        }

        Map<String, Object> next() {
            try {
                String line;
                do {
                    line = in.readLine();
                    number++;
                    if (line == null) {
                        return null;
                    }
                } while (line.isBlank());
                try (JsonParser parser = JSON.createParser(line)) {
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        throw new MalformedFile(number, 1, "expected a JSON object on each line");
                    }
                    Map<String, Object> object = object(parser);
                    if (parser.nextToken() != null) {
                        throw new MalformedFile(number, (int) parser.currentLocation().getColumnNr(),
                                "expected the end of the line after one JSON object");
                    }
                    return object;
                } catch (JsonParseException e) {
                    throw new MalformedFile(number, e.getLocation() == null ? 1 : (int) e.getLocation().getColumnNr(),
                            "expected JSON: " + e.getOriginalMessage());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Map<String, Object> object(JsonParser parser) throws IOException {
            Map<String, Object> object = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                object.put(name, switch (value) {
                    case VALUE_NULL -> null;
                    case VALUE_TRUE -> Boolean.TRUE;
                    case VALUE_FALSE -> Boolean.FALSE;
                    case VALUE_NUMBER_INT -> parser.getLongValue();
                    case VALUE_STRING -> parser.getText();
                    case START_OBJECT -> object(parser);
                    default -> throw new MalformedFile(number, (int) parser.currentLocation().getColumnNr(),
                            "expected a string, number, true, false or null for " + name);
                });
            }
            return object;
        }
    }
}
