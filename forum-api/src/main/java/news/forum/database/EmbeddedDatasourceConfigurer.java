package news.forum.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Points the default datasource at the embedded PostgreSQL when no URL is configured. It runs before the
 * datasource configuration is validated, so the rest of the application never knows the difference.
 */
@Singleton
final class EmbeddedDatasourceConfigurer implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatasourceConfigurer.class);

    private final DatabaseSettings settings;
    private final BeanContext context;
    private final Duration shutdownGrace;
    private final boolean idSecretConfigured;

    EmbeddedDatasourceConfigurer(DatabaseSettings settings, BeanContext context,
                                 @Value("${micronaut.lifecycle.graceful-shutdown.grace-period:20s}") Duration shutdownGrace,
                                 @io.micronaut.core.annotation.Nullable @Value("${forum.ids.secret:}") String idSecret) {
        this.settings = settings;
        this.idSecretConfigured = idSecret != null && !idSecret.isBlank();
        this.context = context;
        this.shutdownGrace = shutdownGrace;
    }

    private String idKeySource() {
        return idSecretConfigured ? "FORUM_ID_SECRET" : "the key kept in the database";
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (!"default".equals(datasource.getName())) {
            return datasource;
        }
        if (!settings.embedded()) {
            LOG.info("Using external PostgreSQL at {}", datasource.getConfiguredUrl());
            LOG.info("Instance mode: several instances may share this PostgreSQL (tokens signed with FORUM_JWT_SECRET, "
                    + "public ids keyed by {}, throttles in the database, live events through LISTEN/NOTIFY)",
                    idKeySource());
            return datasource;
        }
        EmbeddedPostgres postgres;
        if (settings.ephemeral()) {
            postgres = EmbeddedPostgresServer.ephemeral();
        } else {
            Path cluster = settings.dataDirectory().resolve("postgres");
            // said first, so that a server started in another directory than last time shows it at once
            LOG.info("Data directory: {} ({}; FORUM_DATA_DIR sets another)", settings.dataDirectory(),
                    Files.isDirectory(cluster) ? "the embedded PostgreSQL and generated secrets"
                            : "new: an empty embedded PostgreSQL is made there now");
            postgres = EmbeddedPostgresServer.obtain(cluster, false);
            EmbeddedPostgresServer.stopAfter(cluster, context::isRunning, shutdownGrace.plusSeconds(10));
        }
        datasource.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        datasource.setUsername("postgres");
        datasource.setPassword("");
        LOG.info("Using embedded PostgreSQL at {}", datasource.getUrl());
        LOG.info("Instance mode: {}", settings.ephemeral() ? "test (a throw-away embedded PostgreSQL)"
                : "single instance (the embedded PostgreSQL in " + settings.dataDirectory()
                + " serves this process only; several instances need an external PostgreSQL)");
        return datasource;
    }
}
