package news.forum.version;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build (the POM's, written into version.properties by the build), logged at start. */
@Singleton
public class ForumVersion {

    private static final Logger LOG = LoggerFactory.getLogger(ForumVersion.class);

    private final String version;

    ForumVersion() {
        Properties properties = new Properties();
        try (InputStream in = ForumVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("news/forum/version/version.properties is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = properties.getProperty("version");
    }

    public String version() {
        return version;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        LOG.info("Forum {} on Java {} ({})", version, Runtime.version(), System.getProperty("java.vm.name"));
    }
}
