package news.forum.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs a reader's sign-in token as a publisher's backend does, with the shared HS256 secret: for the demo
 * publisher only, which runs beside the forum and holds the forum's secret. A real publisher signs its own.
 */
@Singleton
public class PublisherTokens {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** A reader as the publisher knows them. */
    public record Reader(String subject, String username, String name) {
    }

    private final SsoSettings settings;

    PublisherTokens(SsoSettings settings) {
        this.settings = settings;
    }

    /** Whether tokens can be made here: single sign-on by a shared secret. */
    public boolean available() {
        return settings.enabled() && settings.sharedSecret().isPresent();
    }

    public Optional<String> sign(Reader reader) {
        Optional<byte[]> secret = settings.sharedSecret();
        if (!available() || secret.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(reader.subject())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", reader.username())
                .claim("name", reader.name())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.get()));
            return Optional.of(jwt.serialize());
        } catch (JOSEException e) {
            throw new IllegalStateException("The shared secret cannot sign", e);
        }
    }
}
