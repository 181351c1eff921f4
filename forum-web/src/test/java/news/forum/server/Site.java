package news.forum.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a test's forum keeps its data: a fresh embedded data directory, or, when CI's second pass names an external
 * PostgreSQL (DATASOURCES_DEFAULT_URL), a fresh schema of its own in it, so each site starts empty either way.
 */
final class Site implements AutoCloseable {

    private final Path dataDirectory;
    private final String schema;

    private Site(Path dataDirectory, String schema) {
        this.dataDirectory = dataDirectory;
        this.schema = schema;
    }

    static Site fresh(Path dataDirectory) throws SQLException {
        String url = System.getenv("DATASOURCES_DEFAULT_URL");
        if (url == null || url.isBlank()) {
            return new Site(dataDirectory, null);
        }
        String schema = "transfer_" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return new Site(dataDirectory, schema);
    }

    boolean external() {
        return schema != null;
    }

    /** What the server and the commands are started with to use this site's data. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("FORUM_DATA_DIR", dataDirectory.toString());
        if (schema != null) {
            String url = System.getenv("DATASOURCES_DEFAULT_URL");
            environment.put("DATASOURCES_DEFAULT_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            environment.put("DATASOURCES_DEFAULT_USERNAME", System.getenv().getOrDefault("DATASOURCES_DEFAULT_USERNAME", ""));
            environment.put("DATASOURCES_DEFAULT_PASSWORD", System.getenv().getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""));
            environment.put("FORUM_JWT_SECRET", System.getenv().getOrDefault("FORUM_JWT_SECRET",
                    "transfer-test-signing-secret-of-at-least-256-bits-0123456789"));
        }
        return environment;
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getenv("DATASOURCES_DEFAULT_USERNAME"),
                System.getenv("DATASOURCES_DEFAULT_PASSWORD"));
    }

    @Override
    public void close() throws SQLException {
        if (schema != null) {
            try (Connection connection = connect(System.getenv("DATASOURCES_DEFAULT_URL"));
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
