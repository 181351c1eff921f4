package news.forum.account;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import news.forum.web.ProblemException;

import javax.sql.DataSource;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Budgets for logins and registrations, as token buckets (Bucket4j) stored in PostgreSQL's
 * {@code throttle_bucket}, so every instance behind a load balancer spends the same ones.
 * <ul>
 * <li>Wrong passwords per client address: the address that guesses is slowed, whichever names it tries.</li>
 * <li>Wrong passwords per name <em>and</em> address: guessing one account from one address stops early, yet
 *     the owner, signing in from an address that has not been failing, always gets through; a correct
 *     password refunds the address's token and clears the name's bucket.</li>
 * <li>Registrations per client address.</li>
 * </ul>
 * IPv6 clients are counted per /64, the block one subscriber gets. A bucket's id carries its budget, so a
 * changed setting starts fresh buckets; rows are removed once their bucket would be full again.
 */
@Singleton
class AccountThrottle {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Budget loginPerAddress;
    private final Budget loginPerAccount;
    private final Budget registrationPerAddress;

    /** So many tokens, all refilled evenly over the period. */
    private record Budget(String name, long capacity, Duration period) {
        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                    .build();
        }

        String id(String subject) {
            return name + ":" + capacity + "/" + period.toSeconds() + "s:" + subject;
        }
    }

    AccountThrottle(DataSource dataSource, DataSourceResolver resolver,
                    @Value("${forum.throttle.login.address-failures:100}") long addressFailures,
                    @Value("${forum.throttle.login.account-failures:10}") long accountFailures,
                    @Value("${forum.throttle.login.period:15m}") Duration loginPeriod,
                    @Value("${forum.throttle.registration.per-address:30}") long registrations,
                    @Value("${forum.throttle.registration.period:1h}") Duration registrationPeriod) {
        // the pool itself, not the transaction-bound wrapper: Bucket4j commits its own short transactions
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(resolver.resolve(dataSource))
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.loginPerAddress = new Budget("login-address", addressFailures, loginPeriod);
        this.loginPerAccount = new Budget("login-account", accountFailures, loginPeriod);
        this.registrationPerAddress = new Budget("register-address", registrations, registrationPeriod);
    }

    /** Runs a login attempt if the budgets allow one; only a refused password (401) spends them. */
    <T> T login(InetAddress client, String usernameKey, Supplier<T> attempt) {
        String address = subject(client);
        BucketProxy perAddress = bucket(loginPerAddress, address);
        BucketProxy perAccount = bucket(loginPerAccount, address + "|" + usernameKey);
        ConsumptionProbe addressProbe = perAddress.tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            throw tooManyLogins(addressProbe, "from this address");
        }
        ConsumptionProbe accountProbe = perAccount.tryConsumeAndReturnRemaining(1);
        if (!accountProbe.isConsumed()) {
            perAddress.addTokens(1);
            throw tooManyLogins(accountProbe, "for this username from this address");
        }
        T result;
        try {
            result = attempt.get();
        } catch (ProblemException e) {
            if (e.status() != HttpStatus.UNAUTHORIZED) {
                refund(perAddress, perAccount);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            refund(perAddress, perAccount);
            throw e;
        }
        perAddress.addTokens(1);
        buckets.removeProxy(perAccountId(address, usernameKey));
        return result;
    }

    /** Runs a registration if the address has budget left; every attempt counts. */
    <T> T registration(InetAddress client, Supplier<T> attempt) {
        ConsumptionProbe probe = bucket(registrationPerAddress, subject(client)).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ProblemException.tooManyRequests("too-many-registrations", "Too many registrations",
                    "Too many accounts were registered from this address; try again later.", retryAfter(probe));
        }
        return attempt.get();
    }

    /** Drops the rows of buckets that have filled up again. */
    @Scheduled(initialDelay = "1m", fixedDelay = "5m")
    public void removeFullBuckets() {
        int removed;
        do {
            removed = buckets.removeExpired(1000);
        } while (removed == 1000);
    }

    private String perAccountId(String address, String usernameKey) {
        return loginPerAccount.id(address + "|" + usernameKey);
    }

    private BucketProxy bucket(Budget budget, String subject) {
        return buckets.builder().build(budget.id(subject), budget::configuration);
    }

    private static void refund(BucketProxy perAddress, BucketProxy perAccount) {
        perAddress.addTokens(1);
        perAccount.addTokens(1);
    }

    private static ProblemException tooManyLogins(ConsumptionProbe probe, String where) {
        return ProblemException.tooManyRequests("too-many-logins", "Too many failed logins",
                "Too many wrong passwords " + where + "; try again later.", retryAfter(probe));
    }

    private static Duration retryAfter(ConsumptionProbe probe) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** The address as counted: IPv4 whole, IPv6 by its /64. */
    static String subject(InetAddress client) {
        if (client instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(client.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return client.getHostAddress();
    }
}
