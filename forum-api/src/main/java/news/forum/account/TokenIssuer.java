package news.forum.account;

import news.forum.web.PublicIds;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import static news.forum.web.PublicIds.Kind.ACCOUNT;

/**
 * Access tokens are short-lived signed JWTs naming only the account id; refresh tokens are random, stored as
 * SHA-256 hashes, revocable, and replaced by a new one of the same family on every use.
 */
@Singleton
class TokenIssuer {

    private final PublicIds ids;
    private final TokenGenerator generator;
    private final AccountRepository accounts;
    private final SecureRandom random = new SecureRandom();
    private final String issuer;
    private final String audience;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;

    TokenIssuer(TokenGenerator generator, AccountRepository accounts,
                @Value("${micronaut.security.token.jwt.claims-validators.issuer}") String issuer,
                @Value("${micronaut.security.token.jwt.claims-validators.audience}") String audience,
                @Value("${forum.jwt.access-token-seconds:900}") long accessTokenSeconds,
                @Value("${forum.jwt.refresh-token-days:30}") long refreshTokenDays, PublicIds ids) {
        this.ids = ids;
        this.generator = generator;
        this.accounts = accounts;
        this.issuer = issuer;
        this.audience = audience;
        this.accessTokenLifetime = Duration.ofSeconds(accessTokenSeconds);
        this.refreshTokenLifetime = Duration.ofDays(refreshTokenDays);
    }

    /** A new access token and a new stored refresh token of a new family (a sign-in); call inside a transaction. */
    TokenResponse issueWithRefresh(Caller caller) {
        return issueWithRefresh(caller, null);
    }

    /**
     * A new access token and a new stored refresh token, in the given family when it replaces one of its tokens;
     * call inside a transaction.
     */
    TokenResponse issueWithRefresh(Caller caller, @Nullable UUID family) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        accounts.insertRefreshToken(caller.id(), hash(refreshToken), Instant.now().plus(refreshTokenLifetime), family);
        return new TokenResponse(accessToken(caller), "Bearer", accessTokenLifetime.toSeconds(), refreshToken,
                AccountResponse.of(caller, ids));
    }

    private String accessToken(Caller caller) {
        Instant now = Instant.now();
        Map<String, Object> claims = Map.of(
                "sub", ids.format(ACCOUNT, caller.id()),
                "iss", issuer,
                "aud", audience,
                "iat", Date.from(now),
                "exp", Date.from(now.plus(accessTokenLifetime)),
                "jti", UUID.randomUUID().toString());
        return generator.generateToken(claims)
                .orElseThrow(() -> new IllegalStateException("The access token could not be signed"));
    }

    static byte[] hash(String refreshToken) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(refreshToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
