package news.forum.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a backup holds, written as the archive's {@code forum-backup.properties}: the schema version it was taken at,
 * each table with its columns and row count, and each sequence's value. A restore rebuilds the schema at that
 * version with the project's own migrations, then loads the rows into exactly these columns.
 */
record BackupManifest(int format, String schemaVersion, Instant takenAt, String postgresVersion,
                      List<Table> tables, Map<String, Long> sequences) {

    static final String ENTRY = "forum-backup.properties";
    static final int FORMAT = 1;

    record Table(String name, List<String> columns, long rows) {
        String entry() {
            return "tables/" + name + ".copy";
        }
    }

    long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    void write(OutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("format", Integer.toString(format));
        properties.setProperty("schema-version", schemaVersion);
        properties.setProperty("taken-at", takenAt.toString());
        properties.setProperty("postgres-version", postgresVersion);
        properties.setProperty("tables", String.join(",", tables.stream().map(Table::name).toList()));
        for (Table table : tables) {
            properties.setProperty("table." + table.name() + ".columns", String.join(",", table.columns()));
            properties.setProperty("table." + table.name() + ".rows", Long.toString(table.rows()));
        }
        properties.setProperty("sequences", String.join(",", sequences.keySet()));
        sequences.forEach((name, value) -> properties.setProperty("sequence." + name, Long.toString(value)));
        StringWriter text = new StringWriter();
        properties.store(text, "forum backup: every table's rows as PostgreSQL COPY text, taken in one snapshot");
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static BackupManifest read(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        int format = Integer.parseInt(required(properties, "format"));
        if (format != FORMAT) {
            throw new IllegalArgumentException("This backup has format " + format + "; this build reads format " + FORMAT);
        }
        List<Table> tables = new ArrayList<>();
        for (String name : list(required(properties, "tables"))) {
            tables.add(new Table(name, list(required(properties, "table." + name + ".columns")),
                    Long.parseLong(required(properties, "table." + name + ".rows"))));
        }
        Map<String, Long> sequences = new LinkedHashMap<>();
        for (String name : list(properties.getProperty("sequences", ""))) {
            sequences.put(name, Long.parseLong(required(properties, "sequence." + name)));
        }
        return new BackupManifest(format, required(properties, "schema-version"),
                Instant.parse(required(properties, "taken-at")), properties.getProperty("postgres-version", "?"),
                List.copyOf(tables), sequences);
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("The backup's manifest has no " + key + ": not a forum backup, or damaged");
        }
        return value;
    }

    private static List<String> list(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }
}
