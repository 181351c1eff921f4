package news.forum.sso;

import news.forum.startup.DemoPasswords;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.WholeDatabase;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WholeDatabase
class LocalAccountsOffTest extends ApiTestBase {

    @Override
    protected Map<String, String> serverProperties() {
        return Map.of("forum.accounts.local", "false");
    }

    @Test
    void readersComeInOnlyByThePublishersToken() {
        String before = db.snapshot() + " sessions=" + db.count("SELECT count(*) FROM refresh_token");
        Response register = api.register(Api.uniqueName("u"), Api.PASSWORD);
        assertProblem(register, 403);
        assertThat((String) register.path("type")).endsWith("/local-accounts-off");
        Response login = api.call(c -> c.login(null)).body(Map.of("username", "tariq", "password", bean(DemoPasswords.class).of("tariq"))).send();
        assertProblem(login, 403);
        assertThat((String) login.path("type")).endsWith("/local-accounts-off");
        assertThat(login.json()).doesNotContainKeys("access_token", "refresh_token");
        assertThat(db.snapshot() + " sessions=" + db.count("SELECT count(*) FROM refresh_token")).isEqualTo(before);

        // a wrong password is still only a wrong password: nothing tells whether the name is a reader's
        assertProblem(api.call(c -> c.login(null)).body(Map.of("username", "tariq", "password", "not the password")).send(), 401);

        // staff keep their passwords (the console needs them)
        Api.Session admin = api.admin();
        assertThat((String) api.send(admin.token(), c -> c.me()).path("role")).isEqualTo("ADMIN");

        String audience = SsoTokenSigner.AUDIENCE;
        Response signedIn = api.call(c -> c.signIn(null)).body(Map.of("token", SsoTokenSigner.hs256(SsoTokenSigner.SECRET)
                .sign(SsoTokenSigner.claims(audience, "off-" + UUID.randomUUID(), Api.uniqueName("r"), "Rana").build()))).send();
        signedIn.expectStatus(200);
        assertThat((String) signedIn.path("account.signIn")).isEqualTo("sso");
        api.postComment(api.newThread(), signedIn.path("access_token"), "Signed in by the publisher", null).expectStatus(201);
    }
}
