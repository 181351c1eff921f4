package news.forum.sso;

import com.nimbusds.jwt.JWTClaimsSet;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.SsoTokenSigner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /auth/sso with the publisher's token: the account is found by issuer and subject, or made. */
class SsoSignInTest extends ApiTestBase {

    private final SsoTokenSigner publisher = SsoTokenSigner.hs256(SsoTokenSigner.SECRET);

    private String audience() {
        return SsoTokenSigner.AUDIENCE;
    }

    private Response signIn(JWTClaimsSet claims) {
        return api.call(c -> c.signIn(null)).body(Map.of("token", publisher.sign(claims))).send();
    }

    private JWTClaimsSet.Builder claims(String subject, String username, String name) {
        return SsoTokenSigner.claims(audience(), subject, username, name);
    }

    @Test
    void theFirstSignInMakesTheAccountAndTheNextFindItAgainWithTheNameTheTokenGives() {
        String subject = "reader-" + UUID.randomUUID();
        String wished = Api.uniqueName("nadia");
        Response first = signIn(claims(subject, wished, "Nadia K.").claim("email", "nadia@publisher.example").build());
        first.expectStatus(200);
        assertThat(first.json()).containsKeys("access_token", "token_type", "expires_in", "refresh_token", "account");
        assertThat((String) first.path("token_type")).isEqualTo("Bearer");
        assertThat(first.<Map<String, Object>>path("account")).containsEntry("username", wished)
                .containsEntry("displayName", "Nadia K.").containsEntry("role", "USER").containsEntry("signIn", "sso")
                .containsEntry("ban", null);
        String id = first.path("account.id");
        long row = db.rowId(id);
        assertThat(db.count("SELECT count(*) FROM account WHERE id = ? AND sso_issuer = ? AND sso_subject = ?"
                + " AND password_hash IS NULL AND email = 'nadia@publisher.example'", row, SsoTokenSigner.ISSUER, subject))
                .isEqualTo(1);
        api.send((String) first.path("access_token"), c -> c.me()).expectStatus(200);
        String thread = api.newThread();
        api.postComment(thread, first.path("access_token"), "Signed in by my newspaper.", null).expectStatus(201);

        // the display name follows the token at every sign-in; the account stays the same
        Response second = signIn(claims(subject, "someone-else-entirely", "Nadia Khan").build());
        second.expectStatus(200);
        assertThat((String) second.path("account.id")).isEqualTo(id);
        assertThat((String) second.path("account.username")).isEqualTo(wished);
        assertThat((String) second.path("account.displayName")).isEqualTo("Nadia Khan");
        assertThat(db.count("SELECT count(*) FROM account WHERE sso_subject = ?", subject)).isEqualTo(1);
        // a name the display-name rules refuse keeps the one before
        Response third = signIn(claims(subject, wished, "Bad\u0000name").build());
        third.expectStatus(200);
        assertThat((String) third.path("account.displayName")).isEqualTo("Nadia Khan");
        // the refresh token works as a login's
        api.call(c -> c.refresh(null)).body(Map.of("refresh_token", third.path("refresh_token"))).send().expectStatus(200);
    }

    @Test
    void aTakenUsernameOrALookAlikeOfOneIsMadeUnique() {
        String digits = Long.toString(System.nanoTime() % 1_000_000_000L);
        String taken = "paypa" + digits;
        api.register(taken, Api.PASSWORD).expectStatus(201);

        Response sameName = signIn(claims("a-" + UUID.randomUUID(), taken.toUpperCase(), "Paypa").build());
        sameName.expectStatus(200);
        assertThat((String) sameName.path("account.username")).isEqualTo(taken.toUpperCase() + "2");

        // Cyrillic "раура" reads as Latin "paypa"
        String lookAlike = "\u0440\u0430\u0443\u0440\u0430" + digits;
        Response confusable = signIn(claims("b-" + UUID.randomUUID(), lookAlike, "Pavel").build());
        confusable.expectStatus(200);
        assertThat((String) confusable.path("account.username")).isNotEqualTo(lookAlike).startsWith(lookAlike);

        // a wish the username rules refuse is made to follow them; with none at all, the display name, else "reader"
        Response odd = signIn(claims("c-" + UUID.randomUUID(), "<script>x", "Odd One").build());
        odd.expectStatus(200);
        assertThat((String) odd.path("account.username")).startsWith("script");
        JWTClaimsSet nameOnly = claims("d-" + UUID.randomUUID(), null, "Zainab Anwar " + digits).build();
        assertThat((String) signIn(nameOnly).expectStatus(200).path("account.username"))
                .startsWith("Zainab_Anwar_" + digits.substring(0, 3));
        JWTClaimsSet nothing = claims("e-" + UUID.randomUUID(), null, null).build();
        assertThat((String) signIn(nothing).expectStatus(200).path("account.username")).startsWith("reader");
    }

    @Test
    void rolesAreNeverTakenFromTheTokenAndABanStaysThroughSignIns() {
        String subject = "f-" + UUID.randomUUID();
        Response first = signIn(claims(subject, Api.uniqueName("mod"), "Would-be admin")
                .claim("roles", List.of("ADMIN")).claim("role", "ADMIN").build());
        first.expectStatus(200);
        assertThat((String) first.path("account.role")).isEqualTo("USER");
        String username = first.path("account.username");

        // a role given here stays: the token neither grants nor takes one
        api.call(c -> c.changeRole(username, null)).token(api.admin().token()).body(Map.of("role", "MODERATOR")).send().expectStatus(200);
        assertThat((String) signIn(claims(subject, username, "Mod").build()).path("account.role")).isEqualTo("MODERATOR");
        api.call(c -> c.changeRole(username, null)).token(api.admin().token()).body(Map.of("role", "USER")).send().expectStatus(200);

        api.call(c -> c.ban(username, null)).token(api.admin().token()).body(Map.of("reason", "Spamming")).send().expectStatus(200);
        Response banned = signIn(claims(subject, username, "Still me").build());
        banned.expectStatus(200);
        assertThat((String) banned.path("account.ban.reason")).isEqualTo("Spamming");
        assertProblem(api.postComment(api.newThread(), banned.path("access_token"), "let me in", null), 403);
    }

    @Test
    void anAccountThePublisherSignsInHasNoPasswordHere() {
        Response signedIn = signIn(claims("g-" + UUID.randomUUID(), Api.uniqueName("nopw"), "No Password").build());
        String token = signedIn.expectStatus(200).path("access_token");
        String username = signedIn.path("account.username");
        assertProblem(api.call(c -> c.login(null)).body(Map.of("username", username, "password", Api.PASSWORD)).send(), 401);
        Response change = api.call(c -> c.changePassword(null)).token(token).body(Map.of("current", "", "new", Api.PASSWORD + "!")).send();
        assertProblem(change, 409);
        assertThat((String) change.path("type")).endsWith("/no-password");
        // its display name is the publisher's to change
        assertProblem(api.call(c -> c.changeProfile(null)).token(token).body(Map.of("displayName", "Mine")).send(), 409);
    }

    @Test
    void theSameReadersFirstSignInsRacingMakeOneAccount() throws Exception {
        String subject = "h-" + UUID.randomUUID();
        String wished = Api.uniqueName("race");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> tries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                JWTClaimsSet claims = claims(subject, wished, "Racer").build();
                tries.add(() -> signIn(claims));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(tries)) {
                ids.add(answer.get().expectStatus(200).path("account.id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.count("SELECT count(*) FROM account WHERE sso_subject = ?", subject)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key LIKE ?", wished.toLowerCase() + "%")).isEqualTo(1);
    }

    /**
     * A reader's new display name from the publisher racing a local account taking the same name (PATCH /me), and a
     * first sign-in racing a registration of the wished-for username with the same display name: the sign-in is
     * never a 5xx, and exactly one account ends with the name.
     */
    @Test
    void signInsRacingOthersTakingTheSameNamesNeverFailAndKeepOneOwnerOfEachName() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String subject = "race-" + UUID.randomUUID();
                String oldName = "Before " + Api.uniqueName("n");
                signIn(claims(subject, Api.uniqueName("kept"), oldName).build()).expectStatus(200);
                Api.Session local = api.newUser();
                String wanted = "Wanted " + Api.uniqueName("n");
                JWTClaimsSet renaming = claims(subject, Api.uniqueName("kept"), wanted).build();
                CountDownLatch start = new CountDownLatch(1);
                Future<Response> sso = pool.submit(() -> {
                    start.await();
                    return signIn(renaming);
                });
                Future<Response> patch = pool.submit(() -> {
                    start.await();
                    return api.call(c -> c.changeProfile(null)).token(local.token()).body(Map.of("displayName", wanted)).send();
                });
                start.countDown();
                Response signedIn = sso.get();
                Response patched = patch.get();
                assertThat(signedIn.status()).as("sign-in: " + signedIn.body()).isEqualTo(200);
                assertThat(patched.status()).as("PATCH /me: " + patched.body()).isIn(200, 422);
                assertThat(db.count("SELECT count(*) FROM account WHERE display_name = ?", wanted)).isEqualTo(1);
                assertThat(signedIn.<String>path("account.displayName"))
                        .isEqualTo(patched.status() == 200 ? oldName : wanted);

                String wished = Api.uniqueName("first");
                String name = "First " + Api.uniqueName("n");
                JWTClaimsSet first = claims("race-" + UUID.randomUUID(), wished, name).build();
                CountDownLatch go = new CountDownLatch(1);
                Future<Response> creating = pool.submit(() -> {
                    go.await();
                    return signIn(first);
                });
                Future<Response> registering = pool.submit(() -> {
                    go.await();
                    return api.call(c -> c.register(null))
                            .body(Map.of("username", wished, "password", Api.PASSWORD, "displayName", name)).send();
                });
                go.countDown();
                Response created = creating.get();
                Response registered = registering.get();
                assertThat(created.status()).as("first sign-in: " + created.body()).isEqualTo(200);
                assertThat(registered.status()).as("registration: " + registered.body()).isIn(201, 409, 422);
                assertThat(created.<String>path("account.username")).startsWith(wished);
                if (registered.status() == 201) {
                    assertThat(created.<String>path("account.username")).isNotEqualTo(wished);
                    assertThat(created.<String>path("account.displayName")).isNotEqualTo(name);
                }
                assertThat(db.count("SELECT count(*) FROM account WHERE display_name = ?", name)).isEqualTo(1);
                assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ?", wished)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
