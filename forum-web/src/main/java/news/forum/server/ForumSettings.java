package news.forum.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import news.forum.database.MaintenanceDatabase;

import java.nio.file.Path;

/**
 * The server's own settings (application.yml with the environment's FORUM_* and DATASOURCES_DEFAULT_* over it), read
 * for a command without starting the application: no bean, no database connection, no start-up work.
 */
final class ForumSettings {

    private ForumSettings() {
    }

    static MaintenanceDatabase.Target database() {
        Environment environment = ApplicationContext.builder().deduceEnvironment(false).build().getEnvironment();
        environment.start();
        try {
            return new MaintenanceDatabase.Target(
                    environment.getProperty("datasources.default.url", String.class).orElse(null),
                    environment.getProperty("datasources.default.username", String.class).orElse(null),
                    environment.getProperty("datasources.default.password", String.class).orElse(null),
                    Path.of(environment.getProperty("forum.data-dir", String.class).orElse("forum-data")));
        } finally {
            environment.stop();
        }
    }
}
