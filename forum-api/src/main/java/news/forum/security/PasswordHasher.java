package news.forum.security;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane). Argon2 reads the whole password, so
 * nothing is truncated; the length cap in the password policy keeps hashing from being a denial of service.
 * A stored hash behind {@link #LOCKED} (as in /etc/shadow) is locked: no password matches it.
 */
@Singleton
public class PasswordHasher {

    public static final String LOCKED = "!";

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /** Verified against when the account does not exist, so both failures cost the same time. */
    private final String decoy = encoder.encode("decoy password that matches nothing");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (hash.startsWith(LOCKED)) {
            // as long as a check, so a locked account answers like any wrong password
            spendTimeOfOneCheck(password);
            return false;
        }
        return encoder.matches(password, hash);
    }

    public void spendTimeOfOneCheck(String password) {
        encoder.matches(password, decoy);
    }
}
