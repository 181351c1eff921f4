package news.forum.account;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
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
 * <li>Login attempts per client address, right or wrong: generous (readers behind one NAT share an address), yet one
 *     address cannot keep the password hashing busy for everyone else.</li>
 * <li>Wrong passwords per client address: the address that guesses is slowed, whichever names it tries.</li>
 * <li>Wrong passwords per name <em>and</em> address: guessing one account from one address stops early, yet
 *     the owner, signing in from an address that has not been failing, always gets through; a correct password
 *     clears the name's bucket.</li>
 * <li>Registrations per client address.</li>
 * </ul>
 * The two budgets of wrong passwords are checked before the attempt and spent only once it has failed, so attempts
 * still in flight spend nothing: a correct password is never refused for the owner's own concurrent sign-ins.
 * The buckets are {@link TokenBuckets}, shared with the posting and flagging budgets.
 */
@Singleton
class AccountThrottle {

    private final TokenBuckets buckets;
    private final Budget attemptsPerAddress;
    private final Budget loginPerAddress;
    private final Budget loginPerAccount;
    private final Budget registrationPerAddress;

    AccountThrottle(TokenBuckets buckets,
                    @Value("${forum.throttle.login.address-attempts:120}") long addressAttempts,
                    @Value("${forum.throttle.login.attempts-period:1m}") Duration attemptsPeriod,
                    @Value("${forum.throttle.login.address-failures:100}") long addressFailures,
                    @Value("${forum.throttle.login.account-failures:10}") long accountFailures,
                    @Value("${forum.throttle.login.period:15m}") Duration loginPeriod,
                    @Value("${forum.throttle.registration.per-address:30}") long registrations,
                    @Value("${forum.throttle.registration.period:1h}") Duration registrationPeriod) {
        this.buckets = buckets;
        this.attemptsPerAddress = new Budget("login-attempts", addressAttempts, attemptsPeriod);
        this.loginPerAddress = new Budget("login-address", addressFailures, loginPeriod);
        this.loginPerAccount = new Budget("login-account", accountFailures, loginPeriod);
        this.registrationPerAddress = new Budget("register-address", registrations, registrationPeriod);
    }

    /** Runs a login attempt if the budgets allow one; every attempt spends one try, a refused password (401) more. */
    <T> T login(InetAddress client, String usernameKey, Supplier<T> attempt) {
        String address = subject(client);
        ConsumptionProbe attemptProbe = bucket(attemptsPerAddress, address).tryConsumeAndReturnRemaining(1);
        if (!attemptProbe.isConsumed()) {
            throw ProblemException.tooManyRequests("too-many-logins", "Too many sign-ins",
                    "Too many sign-ins came from this address; try again later.", retryAfter(attemptProbe));
        }
        BucketProxy perAddress = bucket(loginPerAddress, address);
        EstimationProbe addressProbe = perAddress.estimateAbilityToConsume(1);
        if (!addressProbe.canBeConsumed()) {
            throw tooManyFailures(addressProbe, "from this address");
        }
        String nameAtAddress = address + "|" + usernameKey;
        BucketProxy perAccount = bucket(loginPerAccount, nameAtAddress);
        EstimationProbe accountProbe = perAccount.estimateAbilityToConsume(1);
        if (!accountProbe.canBeConsumed()) {
            throw tooManyFailures(accountProbe, "for this username from this address");
        }
        T result;
        try {
            result = attempt.get();
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.UNAUTHORIZED) {
                perAddress.tryConsume(1);
                perAccount.tryConsume(1);
            }
            throw e;
        }
        if (accountProbe.getRemainingTokens() < loginPerAccount.capacity()) {
            buckets.reset(loginPerAccount, nameAtAddress);
        }
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

    private static ProblemException tooManyFailures(EstimationProbe probe, String where) {
        return ProblemException.tooManyRequests("too-many-logins", "Too many failed logins",
                "Too many wrong passwords " + where + "; try again later.",
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private static Duration retryAfter(ConsumptionProbe probe) {
        return TokenBuckets.retryAfter(probe);
    }

    private static String subject(InetAddress client) {
        return TokenBuckets.subject(client);
    }
}
