package news.forum.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import news.forum.web.ProblemException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). Argon2 reads the whole password, so
 * nothing is truncated; the length cap in the password policy keeps one hash from being a denial of service.
 * A stored hash behind {@link #LOCKED} (as in /etc/shadow) is locked: no password matches it.
 * <p>
 * A hash costs tens of milliseconds of one core and 19 MiB, so a flood of logins could take every core from the
 * readers. At most {@code forum.passwords.concurrency} hashes run at once (by default half the processors, at least
 * one), and a few more requests may wait a moment for a turn; beyond that a request is refused at once (429 with
 * Retry-After) instead of joining a queue that grows. Call it outside any transaction: it holds no connection.
 */
@Singleton
public class PasswordHasher {

    public static final String LOCKED = "!";

    /** How long a request waits for a turn to hash, at most: many hashes' time on an idle machine, a few on a busy one. */
    private static final Duration TURN = Duration.ofSeconds(1);

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /** Verified against when the account does not exist, so both failures cost the same time. */
    private final String decoy = encoder.encode("decoy password that matches nothing");
    private final Semaphore hashing;
    private final int admitted;
    private final AtomicInteger inside = new AtomicInteger();

    PasswordHasher(@Value("${forum.passwords.concurrency:0}") int concurrency) {
        int permits = concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.hashing = new Semaphore(permits, true);
        // hashing, plus two waiting for each turn
        this.admitted = permits * 3;
    }

    /** The hash to store; 429 when too many hashes are under way. */
    public String hash(String password) {
        return gated(() -> encoder.encode(password));
    }

    /** Whether the password matches; 429 when too many hashes are under way. */
    public boolean matches(String password, String hash) {
        if (hash.startsWith(LOCKED)) {
            // as long as a check, so a locked account answers like any wrong password
            spendTimeOfOneCheck(password);
            return false;
        }
        return gated(() -> encoder.matches(password, hash));
    }

    /** As long as a check of a real account takes, so an unknown name answers no faster. */
    public void spendTimeOfOneCheck(String password) {
        gated(() -> encoder.matches(password, decoy));
    }

    private <T> T gated(Supplier<T> work) {
        if (inside.incrementAndGet() > admitted) {
            inside.decrementAndGet();
            throw busy();
        }
        try {
            if (!hashing.tryAcquire(TURN.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
            try {
                return work.get();
            } finally {
                hashing.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            inside.decrementAndGet();
        }
    }

    private static ProblemException busy() {
        return ProblemException.tooManyRequests("logins-busy", "Too many sign-ins at once",
                "The server is checking many passwords right now; try again in a moment.", Duration.ofSeconds(1));
    }
}
