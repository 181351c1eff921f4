package news.forum.live;

import com.zaxxer.hikari.HikariConfig;
import io.micronaut.context.annotation.Context;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The instance's one listening connection. It LISTENs on the channel that the outbox trigger notifies, on a thread of
 * its own, outside the pool, and hands each notice to the hub. When the connection breaks (PostgreSQL restarted), it
 * reconnects with a growing pause and then has the hub read every followed thread again from the outbox, so notices
 * lost meanwhile cost a delay, never an event.
 */
@Context
final class NotificationListener {

    static final String CHANNEL = "forum_thread_event";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    private static final int WAIT_MILLIS = 5_000;

    private final LiveHub hub;
    private final HikariConfig datasource;
    private final Duration backoffMax;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    NotificationListener(LiveHub hub, DataSource dataSource, DataSourceResolver resolver, LiveSettings settings) {
        this.hub = hub;
        this.datasource = (HikariConfig) resolver.resolve(dataSource);
        this.backoffMax = settings.reconnectBackoffMax();
        this.thread = new Thread(this::run, "forum-live-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        long backoff = 100;
        boolean lost = false;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lost) {
                    LOG.info("Live events: listening again on PostgreSQL channel {}; catching up from the outbox", CHANNEL);
                } else {
                    LOG.info("Live events: listening on PostgreSQL channel {} (one connection for this instance)", CHANNEL);
                }
                hub.catchUpAll();
                backoff = 100;
                lost = false;
                listen(listening.unwrap(PGConnection.class), listening);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!lost) {
                    LOG.warn("Live events: the listening connection failed ({}); reconnecting", e.getMessage());
                }
                lost = true;
                sleep(backoff);
                backoff = Math.min(backoff * 2, backoffMax.toMillis());
            } finally {
                connection = null;
            }
        }
    }

    private void listen(PGConnection notices, Connection listening) throws SQLException {
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] batch = notices.getNotifications(WAIT_MILLIS);
            if (batch != null && batch.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification notice : batch) {
                    deliver(notice.getParameter());
                }
            } else if (System.nanoTime() - quietSince > Duration.ofSeconds(15).toNanos()) {
                // a quiet channel and a dead connection look alike: ask the server something now and then
                try (Statement statement = listening.createStatement()) {
                    statement.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void deliver(String payload) {
        int colon = payload.indexOf(':');
        try {
            hub.notified(Long.parseLong(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1)));
        } catch (RuntimeException e) {
            LOG.warn("Live events: ignoring an unreadable notice {}", payload);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (datasource.getUsername() != null) {
            properties.setProperty("user", datasource.getUsername());
        }
        if (datasource.getPassword() != null) {
            properties.setProperty("password", datasource.getPassword());
        }
        properties.setProperty("ApplicationName", "forum live events");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(datasource.getJdbcUrl(), properties);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        running = false;
        thread.interrupt();
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
