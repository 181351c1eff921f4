package news.forum.security;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Singleton;

/**
 * Resolves the signing secret before any connection to the database is tried, so a misconfigured server
 * says what is missing instead of failing later on something else.
 */
@Singleton
final class SettingsBeforeDatabase implements BeanInitializedEventListener<DatasourceConfiguration> {

    SettingsBeforeDatabase(ForumJwtSignature signature) {
        // constructing the signature validates FORUM_JWT_SECRET; nothing else to keep
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        return event.getBean();
    }
}
