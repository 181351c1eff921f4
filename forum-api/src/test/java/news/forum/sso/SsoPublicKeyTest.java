package news.forum.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.WholeDatabase;
import news.forum.support.Response;
import news.forum.support.SsoTokenSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher that signs with its private key (RS256 here; ES256 in {@link SsoEcKeyTest}): only its signature counts;
 * the classic confusion of HS256 keyed with the public key is refused, and so is every other algorithm. The audience
 * is configured (FORUM_SSO_AUDIENCE), so the forum's origin is not one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WholeDatabase
class SsoPublicKeyTest extends ApiTestBase {

    static final String AUDIENCE = "https://comments.news.example";

    final KeyPair keys = generate();
    final String publicPem = SsoSettingsTest.pem(keys.getPublic().getEncoded());

    KeyPair generate() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            return rsa.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    SsoTokenSigner publisher() {
        return new SsoTokenSigner(JWSAlgorithm.RS256, new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
    }

    /** A signer of the other kind of public-key algorithm, with a key of its own. */
    SsoTokenSigner otherAlgorithm() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        return new SsoTokenSigner(JWSAlgorithm.ES256, new ECDSASigner((ECPrivateKey) ec.generateKeyPair().getPrivate()));
    }

    /** A key of the same kind as the publisher's, not the publisher's. */
    SsoTokenSigner anotherKeyOfTheSameKind() {
        return new SsoTokenSigner(JWSAlgorithm.RS256, new RSASSASigner((RSAPrivateKey) generate().getPrivate()));
    }

    /** Signed with the publisher's own key, under a header naming another algorithm of its family. */
    String rightKeyOtherFamilyMember(JWTClaimsSet claims) {
        return publisher().sign(new JWSHeader(JWSAlgorithm.RS512), claims);
    }

    @Override
    protected Map<String, String> serverProperties() {
        return Map.of("forum.sso.secret", "", "forum.sso.public-key", publicPem, "forum.sso.audience", AUDIENCE);
    }

    private JWTClaimsSet.Builder claims(String audience) {
        return SsoTokenSigner.claims(audience, "pk-" + UUID.randomUUID(), Api.uniqueName("pk"), "Key Reader");
    }

    private void assertRefused(String why, String token) {
        String before = db.snapshot() + " " + db.count("SELECT count(*) FROM sso_token_use");
        Response answer = api.call(c -> c.signIn(null)).body(Map.of("token", token)).send();
        assertProblem(answer, 401);
        assertThat(db.snapshot() + " " + db.count("SELECT count(*) FROM sso_token_use")).as(why).isEqualTo(before);
    }

    @Test
    void theKeysSignatureSignsInAndNothingElseDoes() throws Exception {
        Response ok = api.call(c -> c.signIn(null)).body(Map.of("token", publisher().sign(claims(AUDIENCE).build()))).send();
        ok.expectStatus(200);
        assertThat((String) ok.path("account.signIn")).isEqualTo("sso");

        // HS256 keyed with the public key, as PEM text and as its DER bytes
        assertRefused("HS256 with the PEM", new SsoTokenSigner(JWSAlgorithm.HS256,
                new MACSigner(publicPem.getBytes(StandardCharsets.UTF_8))).sign(claims(AUDIENCE).build()));
        assertRefused("HS256 with the DER", new SsoTokenSigner(JWSAlgorithm.HS256,
                new MACSigner(keys.getPublic().getEncoded())).sign(claims(AUDIENCE).build()));
        assertRefused("the other public-key algorithm", otherAlgorithm().sign(claims(AUDIENCE).build()));
        assertRefused("alg none", new PlainJWT(claims(AUDIENCE).build()).serialize());
        assertRefused("another key of the same kind", anotherKeyOfTheSameKind().sign(claims(AUDIENCE).build()));
        assertRefused("the right key under another algorithm of its family", rightKeyOtherFamilyMember(claims(AUDIENCE).build()));
        // the configured audience replaces the forum's origin
        assertRefused("the forum's origin as audience", publisher().sign(claims(api.base().toString().replaceAll("/$", "")).build()));
    }
}
