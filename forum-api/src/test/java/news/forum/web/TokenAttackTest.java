package news.forum.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import news.forum.account.Role;
import news.forum.account.RoleRequest;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.WholeDatabase;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Forged, expired and edited tokens all get 401 and change nothing. */
@WholeDatabase
class TokenAttackTest extends ApiTestBase {

    /** The key the server signs with, read from its configuration. */
    private String secret() {
        return context.getRequiredProperty("forum.jwt.secret", String.class);
    }

    @Test
    void aTokenSignedWithTheRightKeyAndRightClaimsIsAccepted() throws Exception {
        Api.Session user = api.newUser();
        String token = sign(secret(), claims(user.id()).build());
        api.send(token, c -> c.me()).expectStatus(200);
    }

    @Test
    void forgedExpiredAndMisaddressedTokensAreRefused() throws Exception {
        Api.Session user = api.newUser();
        String thread = api.newThread();
        Instant now = Instant.now();
        List<String> refused = List.of(
                new PlainJWT(claims(user.id()).build()).serialize(),
                sign("a-completely-different-secret-of-256-bits-or-more!", claims(user.id()).build()),
                sign(secret(), claims(user.id()).expirationTime(Date.from(now.minusSeconds(60))).build()),
                sign(secret(), claims(user.id()).issuer("someone-else").build()),
                sign(secret(), claims(user.id()).audience("another-api").build()),
                sign(secret(), claims(user.id()).subject(null).build()),
                sign(secret(), claims("987654321").build()),
                withKid(sign(secret(), claims(user.id()).build())),
                "Bearer",
                "x.y.z");
        String before = db.snapshot();
        for (String token : refused) {
            assertProblem(api.send(token, c -> c.me()), 401);
            assertProblem(api.postComment(thread, token, "forged", null), 401);
        }
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aTokenWithoutAnEndOrNotValidYetIsRefused() throws Exception {
        Api.Session user = api.newUser();
        String thread = api.newThread();
        Instant now = Instant.now();
        String endless = sign(secret(), claims(user.id()).expirationTime(null).build());
        String notYet = sign(secret(), claims(user.id()).notBeforeTime(Date.from(now.plusSeconds(600))).build());
        String before = db.snapshot();
        for (String token : List.of(endless, notYet)) {
            assertProblem(api.send(token, c -> c.me()), 401);
            assertProblem(api.postComment(thread, token, "with a token that should not work", null), 401);
            assertProblem(api.call(c -> c.lock(thread, null)).token(token).body("{}").send(), 401);
        }
        assertThat(db.snapshot()).isEqualTo(before);
        // a token valid since a moment ago, with an end, is fine
        String valid = sign(secret(), claims(user.id()).notBeforeTime(Date.from(now.minusSeconds(5))).build());
        api.send(valid, c -> c.me()).expectStatus(200);
    }

    @Test
    void aRoleClaimIsNeverTrusted() throws Exception {
        Api.Session user = api.newUser();
        String thread = api.newThread();
        // signed with the real key but claiming ADMIN: the role is read from the database, so still a USER
        String claimsAdmin = sign(secret(), claims(user.id()).claim("roles", List.of("ADMIN")).claim("role", "ADMIN").build());
        assertProblem(api.send(claimsAdmin, c -> c.lock(thread, new LockRequest(null, null))), 403);
        assertProblem(api.send(claimsAdmin, c -> c.changeRole(user.username(), new RoleRequest(Role.ADMIN))), 403);

        // a real token whose payload was edited to claim another role or account: the signature no longer holds
        String[] parts = user.token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String edited = payload.replaceFirst("\\{", "{\"roles\":[\"ADMIN\"],");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(edited.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertProblem(api.send(forged, c -> c.lock(thread, new LockRequest(null, null))), 401);
        String otherSubject = payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"" + api.admin().id() + "\"");
        assertThat(otherSubject).isNotEqualTo(payload);
        String stolen = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(otherSubject.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertProblem(api.send(stolen, c -> c.me()), 401);
        assertThat((Boolean) api.send(c -> c.thread(thread)).path("locked")).isFalse();
    }

    @Test
    void aTokenInTheQueryStringIsIgnored() {
        Api.Session user = api.newUser();
        String me = Api.route(c -> c.me()).path();
        assertProblem(api.get(me + "?access_token=" + user.token()), 401);
        assertProblem(api.get(me + "?token=" + user.token()), 401);
    }

    @Test
    void anOversizedTokenIsRefusedWithoutAServerError() throws Exception {
        Api.Session user = api.newUser();
        String huge = sign(secret(), claims(user.id()).claim("padding", "x".repeat(9000)).build());
        int status = api.send(huge, c -> c.me()).status();
        assertThat(status).isBetween(400, 499);
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("forum")
                .audience("forum-api")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String sign(String key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    /** The same token with a key id no key has: refused for its signature all the same. */
    private static String withKid(String token) throws Exception {
        SignedJWT parsed = SignedJWT.parse(token);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("unknown-key").build(),
                parsed.getJWTClaimsSet());
        jwt.sign(new MACSigner("yet-another-secret-that-is-long-enough-1234".getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
