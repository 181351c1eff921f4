package news.forum.account;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import news.forum.throttle.TokenBuckets;
import news.forum.throttle.TokenBuckets.Budget;
import news.forum.web.ProblemException;

import java.net.InetAddress;
import java.time.Duration;
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
 * The buckets are {@link TokenBuckets}, shared with the posting and flagging budgets.
 */
@Singleton
class AccountThrottle {

    private final TokenBuckets buckets;
    private final Budget loginPerAddress;
    private final Budget loginPerAccount;
    private final Budget registrationPerAddress;

    AccountThrottle(TokenBuckets buckets,
                    @Value("${forum.throttle.login.address-failures:100}") long addressFailures,
                    @Value("${forum.throttle.login.account-failures:10}") long accountFailures,
                    @Value("${forum.throttle.login.period:15m}") Duration loginPeriod,
                    @Value("${forum.throttle.registration.per-address:30}") long registrations,
                    @Value("${forum.throttle.registration.period:1h}") Duration registrationPeriod) {
        this.buckets = buckets;
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
        buckets.reset(loginPerAccount, address + "|" + usernameKey);
        return result;
    }

    /**
     * Runs an action a signed-in owner confirms with the account's password (a change of password, leaving) under the
     * same budgets as a login, so a stolen session cannot be used to guess the password; a wrong one is a 403.
     */
    <T> T confirmation(InetAddress client, String usernameKey, Supplier<T> attempt) {
        try {
            return login(client, usernameKey, attempt);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.UNAUTHORIZED) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "wrong-password", "Wrong password",
                        "The password is wrong.");
            }
            throw e;
        }
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

    private BucketProxy bucket(Budget budget, String subject) {
        return buckets.bucket(budget, subject);
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
        return TokenBuckets.retryAfter(probe);
    }

    private static String subject(InetAddress client) {
        return TokenBuckets.subject(client);
    }
}
