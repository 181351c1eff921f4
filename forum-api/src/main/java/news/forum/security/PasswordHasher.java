package news.forum.security;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import news.forum.web.ProblemException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). Argon2 reads the whole password, so
 * nothing is truncated; the length cap in the password policy keeps one hash from being a denial of service.
 * A stored hash behind {@link #LOCKED} (as in /etc/shadow) is locked: no password matches it.
 * <p>
 * A hash costs tens of milliseconds of one core and 19 MiB, so a flood of logins could take every core from the
 * readers. Hashes run on threads of their own, {@code forum.passwords.concurrency} of them (by default half the
 * processors, at least one), never on the event loop nor on the pool that serves reads (on a JDK with virtual
 * threads, a hash there would also pin one of the few carrier threads every read needs). A few more requests may
 * wait for a turn; beyond that a request is refused at once (429 with Retry-After) instead of joining a queue that
 * grows: {@link #isFull()} lets a caller refuse before doing any other work. Call it outside any transaction: it
 * holds no connection.
 */
@Singleton
public class PasswordHasher {

    public static final String LOCKED = "!";

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /** Verified against when the account does not exist, so both failures cost the same time. */
    private final String decoy = encoder.encode("decoy password that matches nothing");
    private final ExecutorService hashing;
    private final int admitted;
    private final AtomicInteger inside = new AtomicInteger();

    PasswordHasher(@Value("${forum.passwords.concurrency:0}") int concurrency) {
        int threads = concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        AtomicInteger named = new AtomicInteger();
        this.hashing = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "password-hashing-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // hashing, plus two waiting for each turn: a wait of two hashes at most
        this.admitted = threads * 3;
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

    /**
     * Whether a hash asked for now would be refused as busy: a cheap look, no turn is taken (the hash itself
     * checks again), so that a sign-in refused anyway costs no database work.
     */
    public boolean isFull() {
        return inside.get() >= admitted;
    }

    private <T> T gated(Callable<T> work) {
        if (inside.incrementAndGet() > admitted) {
            inside.decrementAndGet();
            throw busy();
        }
        Future<T> turn = null;
        try {
            turn = hashing.submit(work);
            return turn.get();
        } catch (RejectedExecutionException e) {
            throw busy();
        } catch (InterruptedException e) {
            turn.cancel(true);
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            inside.decrementAndGet();
        }
    }

    @PreDestroy
    void close() {
        hashing.shutdownNow();
    }

    /** The refusal when too many hashes are under way. */
    public static ProblemException busy() {
        return ProblemException.tooManyRequests("logins-busy", "Too many sign-ins at once",
                "The server is checking many passwords right now; try again in a moment.", Duration.ofSeconds(1));
    }
}
