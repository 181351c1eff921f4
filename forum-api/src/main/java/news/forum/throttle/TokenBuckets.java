package news.forum.throttle;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * Token buckets (Bucket4j) kept in PostgreSQL's {@code throttle_bucket}, so every instance behind a load balancer
 * spends the same budgets. Each bucket is read and written in a short transaction of its own, outside the
 * request's, and committed without waiting for its WAL flush: a crash can forget the last fraction of a second of
 * spending (a client gets a few tokens back), never a comment, and a post does not pay an extra disk flush for its
 * budget. A bucket's id carries its budget, so a changed setting starts fresh buckets; rows are removed once their
 * bucket would be full again.
 */
@Singleton
public class TokenBuckets {

    /** So many tokens, all refilled evenly over the period. */
    public record Budget(String name, long capacity, Duration period) {

        public Budget {
            if (capacity < 1 || period.isNegative() || period.isZero()) {
                throw new ConfigurationException("The " + name + " budget must allow at least one request per"
                        + " positive period (got " + capacity + " per " + period + ")");
            }
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                    .build();
        }

        String id(String subject) {
            return name + ":" + capacity + "/" + period.toSeconds() + "s:" + subject;
        }
    }

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    TokenBuckets(DataSource dataSource, DataSourceResolver resolver) {
        // the pool itself, not the transaction-bound wrapper: Bucket4j commits its own short transactions
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(new AsynchronousCommits(resolver.resolve(dataSource)))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    public BucketProxy bucket(Budget budget, String subject) {
        return buckets.builder().build(budget.id(subject), budget::configuration);
    }

    /** Forgets what the subject spent: its bucket starts full again. */
    public void reset(Budget budget, String subject) {
        buckets.removeProxy(budget.id(subject));
    }

    /** Drops the rows of buckets that have filled up again. */
    @Scheduled(initialDelay = "1m", fixedDelay = "5m")
    public void removeFullBuckets() {
        int removed;
        do {
            removed = buckets.removeExpired(1000);
        } while (removed == 1000);
    }

    /** How long until the refused request could pass. */
    public static Duration retryAfter(ConsumptionProbe probe) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** The client address as budgets count it: IPv4 whole, IPv6 by its /64 (the block one subscriber gets). */
    public static String subject(InetAddress client) {
        if (client instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(client.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return client.getHostAddress();
    }

    /**
     * The pool, handing out connections whose transactions commit without waiting for the WAL flush
     * ({@code SET LOCAL synchronous_commit = off}, undone by the commit itself, so the pooled connection comes back
     * as it went out).
     */
    private record AsynchronousCommits(DataSource pool) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return asynchronous(pool.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return asynchronous(pool.getConnection(username, password));
        }

        private static Connection asynchronous(Connection connection) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, arguments) -> {
                        try {
                            Object result = method.invoke(connection, arguments);
                            if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(arguments[0])) {
                                try (Statement statement = connection.createStatement()) {
                                    statement.execute("SET LOCAL synchronous_commit = off");
                                }
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            if (method.getName().equals("rollback") && e.getCause() instanceof SQLException) {
                                // Bucket4j rolls back after a failure; on a connection that died with the database
                                // the rollback fails too and would hide the first error (which says "unavailable")
                                return null;
                            }
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return pool.isWrapperFor(type);
        }
    }
}
