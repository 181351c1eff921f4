package news.forum.database;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/**
 * Which PostgreSQL the forum uses: an external one when {@code datasources.default.url} is set
 * (DATASOURCES_DEFAULT_URL), otherwise an embedded one kept under the data directory.
 */
@Singleton
public class DatabaseSettings {

    private final String configuredUrl;
    private final Path dataDirectory;
    private final boolean ephemeral;

    DatabaseSettings(@Nullable @Value("${datasources.default.url:}") String configuredUrl,
                     @Value("${forum.data-dir:forum-data}") String dataDirectory,
                     @Value("${forum.embedded.ephemeral:false}") boolean ephemeral) {
        this.configuredUrl = configuredUrl;
        this.dataDirectory = Path.of(dataDirectory).toAbsolutePath().normalize();
        this.ephemeral = ephemeral;
    }

    public boolean embedded() {
        return configuredUrl == null || configuredUrl.isBlank();
    }

    /** Files that must outlive a restart: the embedded cluster and the generated JWT secret. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Tests run on a throw-away cluster, shared by every application context of one JVM. */
    boolean ephemeral() {
        return ephemeral;
    }
}
