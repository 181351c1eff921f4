package news.forum.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** The publisher's backend of the tests: signs its readers' sign-in tokens as the README tells a publisher to. */
public final class SsoTokenSigner {

    /** The publisher of application-test.yml. */
    public static final String SECRET = "test-publisher-sso-secret-of-256-bits-or-more-42";
    public static final String ISSUER = "https://publisher.example";
    public static final String AUDIENCE = "https://comments.publisher.example";

    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;

    public SsoTokenSigner(JWSAlgorithm algorithm, JWSSigner signer) {
        this.algorithm = algorithm;
        this.signer = signer;
    }

    public static SsoTokenSigner hs256(String secret) {
        try {
            return new SsoTokenSigner(JWSAlgorithm.HS256, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a good token for this reader, to be edited by a test: valid for five minutes from now. */
    public static JWTClaimsSet.Builder claims(String audience, String subject, String username, String name) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", username)
                .claim("name", name);
    }

    public String sign(JWTClaimsSet claims) {
        return sign(new JWSHeader(algorithm), claims);
    }

    public String sign(JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
