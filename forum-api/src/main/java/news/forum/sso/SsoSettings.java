package news.forum.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import news.forum.embed.EmbedSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Single sign-on by the publisher's signed token: FORUM_SSO_SECRET (an HS256 key of at least 256 bits) or
 * FORUM_SSO_PUBLIC_KEY (a PEM public key: RSA of at least 2048 bits for RS256, or P-256 for ES256), the issuer
 * FORUM_SSO_ISSUER, and the audience FORUM_SSO_AUDIENCE (by default the forum's public origin, FORUM_PUBLIC_ORIGIN;
 * never one taken from a request's Host header, which the client writes). Resolved at start-up (a context bean), so
 * a short secret, an unreadable key, both at once, a key without an issuer or without an audience stop the server
 * with the reason. Without a key single sign-on is off, except in the demo (FORUM_DEMO=true), where a secret made
 * for the run lets the demo publisher sign its readers in ({@link PublisherTokens}).
 */
@Context
public class SsoSettings {

    private static final Logger LOG = LoggerFactory.getLogger(SsoSettings.class);
    static final int MINIMUM_SECRET_BYTES = 32;
    static final int MINIMUM_RSA_BITS = 2048;
    static final String DEMO_ISSUER = "forum-demo-publisher";
    /** The demo's audience when no public origin is set: its publisher and the forum run in one process. */
    static final String DEMO_AUDIENCE = "forum-demo";

    private final JWSAlgorithm algorithm;
    private final JWSVerifier verifier;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final byte[] sharedSecret;

    SsoSettings(@Nullable @Value("${forum.sso.secret:}") String secret,
                @Nullable @Value("${forum.sso.public-key:}") String publicKey,
                @Nullable @Value("${forum.sso.issuer:}") String issuer,
                @Nullable @Value("${forum.sso.audience:}") String audience,
                @Nullable @Value("${forum.embed.public-origin:}") String publicOrigin,
                @Value("${forum.sso.clock-skew:60s}") Duration clockSkew,
                @Value("${forum.accounts.local:true}") boolean localAccounts,
                @Nullable @Value("${forum.demo:}") String demo) {
        boolean hasKey = publicKey != null && !publicKey.isBlank();
        if ("true".equalsIgnoreCase(demo) && (secret == null || secret.isBlank()) && !hasKey) {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            issuer = DEMO_ISSUER;
            if ((audience == null || audience.isBlank()) && (publicOrigin == null || publicOrigin.isBlank())) {
                audience = DEMO_AUDIENCE;
            }
            LOG.warn("Demo: single sign-on for the demo publisher, with a secret made for this run (set FORUM_SSO_SECRET "
                    + "or FORUM_SSO_PUBLIC_KEY for a real publisher)");
        }
        boolean hasSecret = secret != null && !secret.isBlank();
        if (hasSecret && hasKey) {
            throw new ConfigurationException("Set FORUM_SSO_SECRET or FORUM_SSO_PUBLIC_KEY, not both: the forum accepts "
                    + "tokens signed one way only.");
        }
        if ((hasSecret || hasKey) && (issuer == null || issuer.isBlank())) {
            throw new ConfigurationException("FORUM_SSO_ISSUER must be set with FORUM_SSO_SECRET or FORUM_SSO_PUBLIC_KEY: "
                    + "it is the 'iss' every sign-in token must carry.");
        }
        this.issuer = hasSecret || hasKey ? issuer.strip() : null;
        if (audience == null || audience.isBlank()) {
            audience = publicOrigin == null || publicOrigin.isBlank() ? null
                    : EmbedSettings.originOf(publicOrigin.strip()).orElse(publicOrigin.strip());
        }
        if ((hasSecret || hasKey) && audience == null) {
            throw new ConfigurationException("Set FORUM_SSO_AUDIENCE, or FORUM_PUBLIC_ORIGIN (the default audience), with "
                    + "FORUM_SSO_SECRET or FORUM_SSO_PUBLIC_KEY: it is the 'aud' every sign-in token must carry, and "
                    + "it is never taken from a request.");
        }
        this.audience = hasSecret || hasKey ? audience.strip() : null;
        this.clockSkew = clockSkew;
        this.sharedSecret = hasSecret ? secret.getBytes(StandardCharsets.UTF_8) : null;
        if (hasSecret) {
            this.algorithm = JWSAlgorithm.HS256;
            this.verifier = macVerifier(secret);
        } else if (hasKey) {
            PublicKey key = parsePem(publicKey);
            this.algorithm = key instanceof RSAPublicKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
            this.verifier = keyVerifier(key);
        } else {
            this.algorithm = null;
            this.verifier = null;
        }
        if (enabled()) {
            LOG.info("Single sign-on: {} tokens from issuer '{}'", algorithm, this.issuer);
        }
        if (!enabled() && !localAccounts) {
            LOG.warn("FORUM_LOCAL_ACCOUNTS=false without single sign-on: readers can neither register nor sign in");
        }
    }

    public boolean enabled() {
        return verifier != null;
    }

    JWSAlgorithm algorithm() {
        return algorithm;
    }

    JWSVerifier verifier() {
        return verifier;
    }

    String issuer() {
        return issuer;
    }

    /** The 'aud' every token must carry: FORUM_SSO_AUDIENCE, else FORUM_PUBLIC_ORIGIN; null while off. */
    String audience() {
        return audience;
    }

    Duration clockSkew() {
        return clockSkew;
    }

    /** The HS256 key both sides hold; empty with a public key or without single sign-on. */
    Optional<byte[]> sharedSecret() {
        return Optional.ofNullable(sharedSecret).map(byte[]::clone);
    }

    private static JWSVerifier macVerifier(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MINIMUM_SECRET_BYTES) {
            throw new ConfigurationException("FORUM_SSO_SECRET is too short: it must be at least 256 bits (32 bytes), "
                    + "e.g. the output of `openssl rand -base64 48`, shared with the publisher's backend only.");
        }
        try {
            return new MACVerifier(key);
        } catch (JOSEException e) {
            throw new ConfigurationException("FORUM_SSO_SECRET cannot be used as an HS256 key: " + e.getMessage());
        }
    }

    private static JWSVerifier keyVerifier(PublicKey key) {
        try {
            if (key instanceof RSAPublicKey rsa) {
                if (rsa.getModulus().bitLength() < MINIMUM_RSA_BITS) {
                    throw new ConfigurationException("FORUM_SSO_PUBLIC_KEY: an RSA key must have at least 2048 bits.");
                }
                return new RSASSAVerifier(rsa);
            }
            ECPublicKey ec = (ECPublicKey) key;
            if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                throw new ConfigurationException("FORUM_SSO_PUBLIC_KEY: an EC key must be on the P-256 curve (ES256).");
            }
            return new ECDSAVerifier(ec);
        } catch (JOSEException e) {
            throw new ConfigurationException("FORUM_SSO_PUBLIC_KEY cannot verify signatures: " + e.getMessage());
        }
    }

    /** A PEM "PUBLIC KEY" (SubjectPublicKeyInfo), its line breaks real or written as \n. */
    static PublicKey parsePem(String pem) {
        String text = pem.replace("\\n", "\n").strip();
        if (!text.startsWith("-----BEGIN PUBLIC KEY-----") || !text.contains("-----END PUBLIC KEY-----")) {
            throw new ConfigurationException("FORUM_SSO_PUBLIC_KEY must be a PEM public key, from "
                    + "-----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY----- (e.g. `openssl pkey -pubout`).");
        }
        String body = text.substring("-----BEGIN PUBLIC KEY-----".length(), text.indexOf("-----END PUBLIC KEY-----"))
                .replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("FORUM_SSO_PUBLIC_KEY: the PEM body is not Base64.");
        }
        for (String type : new String[]{"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next key type
            }
        }
        throw new ConfigurationException("FORUM_SSO_PUBLIC_KEY is neither an RSA nor an EC public key.");
    }
}
