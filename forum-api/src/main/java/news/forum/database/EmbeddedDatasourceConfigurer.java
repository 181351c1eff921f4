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

    EmbeddedDatasourceConfigurer(DatabaseSettings settings, BeanContext context,
                                 @Value("${micronaut.lifecycle.graceful-shutdown.grace-period:20s}") Duration shutdownGrace) {
        this.settings = settings;
        this.context = context;
        this.shutdownGrace = shutdownGrace;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (!"default".equals(datasource.getName())) {
            return datasource;
        }
        if (!settings.embedded()) {
            LOG.info("Using external PostgreSQL at {}", datasource.getConfiguredUrl());
            return datasource;
        }
        EmbeddedPostgres postgres;
        if (settings.ephemeral()) {
            postgres = EmbeddedPostgresServer.ephemeral();
        } else {
            Path cluster = settings.dataDirectory().resolve("postgres");
            postgres = EmbeddedPostgresServer.obtain(cluster, false);
            EmbeddedPostgresServer.stopAfter(cluster, context::isRunning, shutdownGrace.plusSeconds(10));
        }
        datasource.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        datasource.setUsername("postgres");
        datasource.setPassword("");
        LOG.info("Using embedded PostgreSQL at {}", datasource.getUrl());
        return datasource;
    }
}
