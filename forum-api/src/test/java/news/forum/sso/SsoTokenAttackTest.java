package news.forum.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import news.forum.support.ApiTestBase;
import news.forum.support.WholeDatabase;
import news.forum.support.Response;
import news.forum.support.SsoTokenSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every token the contract refuses gets a 401 problem, and the database stays exactly as it was. */
@WholeDatabase
class SsoTokenAttackTest extends ApiTestBase {

    private final SsoTokenSigner publisher = SsoTokenSigner.hs256(SsoTokenSigner.SECRET);

    private String audience() {
        return SsoTokenSigner.AUDIENCE;
    }

    private JWTClaimsSet.Builder good() {
        return SsoTokenSigner.claims(audience(), "victim-" + UUID.randomUUID(), "victim", "Victim");
    }

    private String snapshot() {
        return db.snapshot() + " tokenIds=" + db.count("SELECT count(*) FROM sso_token_use")
                + " ssoAccounts=" + db.count("SELECT count(*) FROM account WHERE sso_issuer IS NOT NULL");
    }

    private void assertRefused(String why, String token) {
        String before = snapshot();
        Response answer = api.call(c -> c.signIn(null)).body(Map.of("token", token)).send();
        assertProblem(answer, 401);
        assertThat(answer.json()).as(why).doesNotContainKeys("access_token", "refresh_token");
        assertThat(snapshot()).as(why).isEqualTo(before);
    }

    @Test
    void tokensSignedWrongOrWithAnotherAlgorithmAreRefused() throws Exception {
        assertRefused("another key",
                SsoTokenSigner.hs256("a-different-secret-that-is-also-long-enough-42").sign(good().build()));
        assertRefused("alg none", new PlainJWT(good().build()).serialize());
        assertRefused("alg none, with the signature of the real key kept", noneWithSignature(publisher.sign(good().build())));
        assertRefused("HS384 with the right secret", new SsoTokenSigner(JWSAlgorithm.HS384,
                new MACSigner(SsoTokenSigner.SECRET.getBytes(StandardCharsets.UTF_8))).sign(good().build()));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertRefused("RS256", new SsoTokenSigner(JWSAlgorithm.RS256,
                new RSASSASigner((RSAPrivateKey) rsa.generateKeyPair().getPrivate())).sign(good().build()));
        String real = publisher.sign(good().build());
        String[] parts = real.split("\\.");
        String edited = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                good().claim("username", "admin").build().toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused("claims edited after signing", edited);
        assertRefused("an unknown critical header", publisher.sign(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .criticalParams(java.util.Set.of("exp-policy")).customParam("exp-policy", "lax").build(), good().build()));
        assertRefused("garbage", "x.y.z");
        assertRefused("empty", "");
    }

    @Test
    void tokensWithWrongOrMissingClaimsAreRefused() {
        Instant now = Instant.now();
        assertRefused("another issuer", publisher.sign(good().issuer("https://evil.example").build()));
        assertRefused("no issuer", publisher.sign(good().issuer(null).build()));
        assertRefused("another audience", publisher.sign(good().audience("https://other-forum.example").build()));
        assertRefused("no audience", publisher.sign(good().audience((String) null).build()));
        // the origin the request was sent to is no audience: it is the client's to write (Host)
        assertRefused("the forum's address as the request names it",
                publisher.sign(good().audience(api.base().toString().replaceAll("/$", "")).build()));
        assertRefused("no expiry", publisher.sign(good().expirationTime(null).build()));
        assertRefused("expired", publisher.sign(good().issueTime(Date.from(now.minusSeconds(1200)))
                .expirationTime(Date.from(now.minusSeconds(600))).build()));
        assertRefused("valid for more than an hour", publisher.sign(good()
                .expirationTime(Date.from(now.plusSeconds(3600 + 120))).build()));
        assertRefused("issued in the future", publisher.sign(good().issueTime(Date.from(now.plusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(900))).build()));
        assertRefused("no issue time", publisher.sign(good().issueTime(null).build()));
        assertRefused("no token id", publisher.sign(good().jwtID(null).build()));
        assertRefused("no subject", publisher.sign(good().subject(null).build()));
        assertRefused("a subject over 255 characters", publisher.sign(good().subject("s".repeat(256)).build()));
        assertRefused("over 8 KB", publisher.sign(good().claim("padding", "p".repeat(8200)).build()));
    }

    @Test
    void aTokenIsUsedOnceAReplayIsRefused() {
        String token = publisher.sign(good().build());
        api.call(c -> c.signIn(null)).body(Map.of("token", token)).send().expectStatus(200);
        assertRefused("the same token again", token);
        Response replay = api.call(c -> c.signIn(null)).body(Map.of("token", token)).send();
        assertThat((String) replay.path("detail")).contains("used before");
    }

    @Test
    void aSubjectOfExactly255CharactersIsTaken() {
        api.call(c -> c.signIn(null)).body(Map.of("token", publisher.sign(good().subject("s" + UUID.randomUUID()
                + "x".repeat(255 - 37)).build()))).send().expectStatus(200);
    }

    @Test
    void aRequestWithoutATokenIsA400() {
        String before = snapshot();
        assertProblem(api.call(c -> c.signIn(null)).body(new LinkedHashMap<>()).send(), 400);
        assertThat(snapshot()).isEqualTo(before);
    }

    /** The header says alg none; the rest of a real token is kept. */
    private static String noneWithSignature(String real) {
        String[] parts = real.split("\\.");
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + "." + parts[2];
    }
}
