package news.forum.sso;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import news.forum.startup.DemoPasswords;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.SsoTokenSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FORUM_LOCAL_ACCOUNTS=false: readers neither register nor sign in with a password (the demo readers have one), and
 * nothing is written when they try; administrators keep their password, and readers come in by the publisher's token.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAccountsOffTest extends ApiTestBase implements TestPropertyProvider {

    @Inject
    DemoPasswords passwords;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("forum.accounts.local", "false");
    }

    @Test
    void readersComeInOnlyByThePublishersToken() {
        String before = db.snapshot() + " sessions=" + db.count("SELECT count(*) FROM refresh_token");
        Response register = api.register(Api.uniqueName("u"), Api.PASSWORD);
        assertProblem(register, 403);
        assertThat((String) register.path("type")).endsWith("/local-accounts-off");
        Response login = api.post("/api/v1/auth/login", null, Map.of("username", "tariq", "password", passwords.of("tariq")));
        assertProblem(login, 403);
        assertThat((String) login.path("type")).endsWith("/local-accounts-off");
        assertThat(login.json()).doesNotContainKeys("access_token", "refresh_token");
        assertThat(db.snapshot() + " sessions=" + db.count("SELECT count(*) FROM refresh_token")).isEqualTo(before);

        // a wrong password is still only a wrong password: nothing tells whether the name is a reader's
        assertProblem(api.post("/api/v1/auth/login", null, Map.of("username", "tariq", "password", "not the password")), 401);

        // staff keep their passwords (the console needs them)
        Api.Session admin = api.admin();
        assertThat((String) api.get("/api/v1/me", admin.token()).path("role")).isEqualTo("ADMIN");

        String audience = SsoTokenSigner.AUDIENCE;
        Response signedIn = api.post("/api/v1/auth/sso", null, Map.of("token", SsoTokenSigner.hs256(SsoTokenSigner.SECRET)
                .sign(SsoTokenSigner.claims(audience, "off-" + UUID.randomUUID(), Api.uniqueName("r"), "Rana").build())));
        signedIn.expectStatus(200);
        assertThat((String) signedIn.path("account.signIn")).isEqualTo("sso");
        api.postComment(api.newThread(), signedIn.path("access_token"), "Signed in by the publisher", null).expectStatus(201);
    }
}
