package news.forum.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the default datasource at the embedded PostgreSQL when no URL is configured. It runs before the
 * datasource configuration is validated, so the rest of the application never knows the difference.
 */
@Singleton
final class EmbeddedDatasourceConfigurer implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatasourceConfigurer.class);

    private final DatabaseSettings settings;

    EmbeddedDatasourceConfigurer(DatabaseSettings settings) {
        this.settings = settings;
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
        EmbeddedPostgres postgres = settings.ephemeral()
                ? EmbeddedPostgresServer.ephemeral()
                : EmbeddedPostgresServer.obtain(settings.dataDirectory().resolve("postgres"), false);
        datasource.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
        datasource.setUsername("postgres");
        datasource.setPassword("");
        LOG.info("Using embedded PostgreSQL at {}", datasource.getUrl());
        return datasource;
    }
}
