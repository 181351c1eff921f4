package news.forum.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import news.forum.account.ExternalIdentity;
import news.forum.web.ProblemException;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Checks a publisher's sign-in token (a JWS, parsed and verified by Nimbus JOSE+JWT) against the contract: signed
 * with the configured algorithm and key only (an unsigned token, another algorithm, and HS256 keyed with the public
 * key are refused before any signature is computed), {@code iss} and {@code aud} as configured, {@code iat} not in
 * the future, {@code exp} not past and at most an hour after {@code iat}, a {@code jti} (its single use is checked in
 * the database, {@link SsoReplays}), a {@code sub} of at most 255 characters, and 8 KB at most in all. Every refusal
 * is a 401 saying what was wrong; the clock skew allowed on each side is {@code forum.sso.clock-skew}.
 */
@Singleton
class SsoTokens {

    static final int MAXIMUM_TOKEN_LENGTH = 8192;
    static final Duration MAXIMUM_LIFETIME = Duration.ofHours(1);
    static final int MAXIMUM_SUBJECT_LENGTH = 255;
    static final int MAXIMUM_ID_LENGTH = 255;

    /** A token that passed every check but its single use. */
    record Verified(ExternalIdentity identity, String jti, Instant expiresAt) {
    }

    private final SsoSettings settings;

    SsoTokens(SsoSettings settings) {
        this.settings = settings;
    }

    Verified verify(String token, String audience, Instant now) {
        if (token.length() > MAXIMUM_TOKEN_LENGTH) {
            throw refused("The token is longer than 8 KB.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("The token is not a signed JWT (an unsigned one, alg none, is never accepted).");
        }
        JWSHeader header = jwt.getHeader();
        if (!settings.algorithm().equals(header.getAlgorithm())) {
            throw refused("The token is signed with " + header.getAlgorithm() + "; this forum accepts "
                    + settings.algorithm() + " only.");
        }
        try {
            if (!jwt.verify(settings.verifier())) {
                throw refused("The token's signature does not match the publisher's key.");
            }
        } catch (JOSEException e) {
            throw refused("The token's signature cannot be checked with the publisher's key.");
        }
        Duration skew = settings.clockSkew();
        if (!settings.issuer().equals(string(claims, "iss"))) {
            throw refused(claims.getClaim("iss") == null ? "The token has no issuer (iss)."
                    : "The token's issuer (iss) is not the one this forum trusts.");
        }
        List<String> audiences = claims.getAudience();
        if (audiences.isEmpty()) {
            throw refused("The token has no audience (aud).");
        }
        if (!audiences.contains(audience)) {
            throw refused("The token's audience (aud) is not this forum (" + audience + ").");
        }
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (issued == null) {
            throw refused("The token has no issue time (iat).");
        }
        if (expires == null) {
            throw refused("The token has no expiry (exp).");
        }
        if (issued.toInstant().isAfter(now.plus(skew))) {
            throw refused("The token is issued in the future (iat); check the publisher's clock.");
        }
        if (!expires.toInstant().isAfter(now.minus(skew))) {
            throw refused("The token has expired (exp).");
        }
        if (Duration.between(issued.toInstant(), expires.toInstant()).compareTo(MAXIMUM_LIFETIME) > 0) {
            throw refused("The token is valid for more than an hour after its issue (exp - iat > 3600 s).");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(skew))) {
            throw refused("The token is not valid yet (nbf).");
        }
        String jti = string(claims, "jti");
        if (jti == null || jti.isEmpty()) {
            throw refused("The token has no id (jti): every token must be single use.");
        }
        if (jti.length() > MAXIMUM_ID_LENGTH) {
            throw refused("The token's id (jti) is longer than 255 characters.");
        }
        String subject = string(claims, "sub");
        if (subject == null || subject.isEmpty()) {
            throw refused("The token names no reader (sub).");
        }
        if (subject.codePointCount(0, subject.length()) > MAXIMUM_SUBJECT_LENGTH || subject.chars().anyMatch(c -> c == 0)) {
            throw refused("The token's reader id (sub) is longer than 255 characters.");
        }
        ExternalIdentity identity = new ExternalIdentity(settings.issuer(), subject, string(claims, "username"),
                string(claims, "name"), email(string(claims, "email")));
        return new Verified(identity, jti, expires.toInstant().plus(skew));
    }

    /** A string claim; absent when missing or of another type. */
    private static @Nullable String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text ? text : null;
    }

    /** An address the publisher verified, kept only when it is plausibly one. */
    private static @Nullable String email(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String address = value.strip();
        int at = address.indexOf('@');
        boolean plausible = address.length() <= 254 && at > 0 && at == address.lastIndexOf('@') && at < address.length() - 1
                && address.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        return plausible ? address : null;
    }

    static ProblemException refused(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "sso-token-refused", "Sign-in token refused", detail);
    }
}
