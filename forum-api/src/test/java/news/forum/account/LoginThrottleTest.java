package news.forum.account;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.MadeUpAddresses;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test client stands in for a reverse proxy on 127.0.0.1 (trusted here) and names the client in
 * X-Forwarded-For, as nginx or a load balancer would; each test makes up addresses of its own (never sent
 * any traffic: they are only written into the header), so no test spends another's budget.
 */
@Property(name = "forum.throttle.trusted-proxies", value = "127.0.0.1,::1")
@Property(name = "forum.throttle.login.account-failures", value = "3")
@Property(name = "forum.throttle.login.address-failures", value = "6")
@Property(name = "forum.throttle.registration.per-address", value = "3")
@Property(name = "forum.throttle.login.address-attempts", value = "20")
@Property(name = "forum.throttle.login.attempts-period", value = "1h")
class LoginThrottleTest extends ApiTestBase {

    @Test
    void everySignInFromOneAddressCountsRightOrWrongAndOtherAddressesAreNotHeldBack() {
        String name = registerFrom(newAddress());
        String busyAddress = newAddress();
        for (int i = 0; i < 20; i++) {
            login(name, Api.PASSWORD, busyAddress).expectStatus(200);
        }
        // the account's own tokens: other classes sign in beside this one
        String tokensOfName = "SELECT count(*) FROM refresh_token t JOIN account a ON a.id = t.account_id WHERE a.username_key = ?";
        long tokens = db.count(tokensOfName, name.toLowerCase());
        Response refused = login(name, Api.PASSWORD, busyAddress);
        assertProblem(refused, 429);
        assertThat((String) refused.path("type")).endsWith("/too-many-logins");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(db.count(tokensOfName, name.toLowerCase())).as("the refused sign-in issued nothing").isEqualTo(tokens);
        login(name, Api.PASSWORD, newAddress()).expectStatus(200);
    }

    @Test
    void wrongPasswordsForOneNameFromOneAddressEndIn429WhileTheOwnerStillLogsInElsewhere() {
        String owner = registerFrom(newAddress());
        String attacker = newAddress();
        for (int i = 0; i < 3; i++) {
            assertProblem(login(owner, "wrong password " + i, attacker), 401);
        }
        Response throttled = login(owner, "wrong password 4", attacker);
        assertProblem(throttled, 429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat((String) throttled.path("type")).endsWith("/too-many-logins");
        assertProblem(login(owner, Api.PASSWORD, attacker), 429);

        login(owner, Api.PASSWORD, newAddress()).expectStatus(200);
        String ownersPhone = newAddress();
        assertProblem(login(owner, "a typo in it", ownersPhone), 401);
        login(owner, Api.PASSWORD, ownersPhone).expectStatus(200);
    }

    @Test
    void oneAddressGuessingManyNamesIsThrottledAndOthersAreNot() {
        String attacker = newAddress();
        for (int i = 0; i < 6; i++) {
            assertProblem(login(Api.uniqueName("victim"), "wrong password", attacker), 401);
        }
        String victim = registerFrom(newAddress());
        assertProblem(login(victim, Api.PASSWORD, attacker), 429);
        login(victim, Api.PASSWORD, newAddress()).expectStatus(200);
    }

    @Test
    void correctPasswordsSpendNothingAndClearTheNamesFailures() {
        String name = registerFrom(newAddress());
        String address = newAddress();
        for (int i = 0; i < 10; i++) {
            login(name, Api.PASSWORD, address).expectStatus(200);
        }
        // two rounds: four failures stay within the address's six, while the name's three would not without the reset
        for (int round = 0; round < 2; round++) {
            assertProblem(login(name, "mistyped", address), 401);
            assertProblem(login(name, "mistyped again", address), 401);
            login(name, Api.PASSWORD, address).expectStatus(200);
        }
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNotATrustedProxy() {
        String name = registerFrom(newAddress());
        String client = newAddress();
        for (int i = 0; i < 3; i++) {
            // what the client wrote itself (left) changes every time; what the proxies appended does not
            Response refused = api.call(c -> c.login(new LoginRequest(name, "wrong")))
                    .header("X-Forwarded-For", newAddress() + ", " + client + ", 127.0.0.1").send();
            assertProblem(refused, 401);
        }
        assertProblem(login(name, "wrong", client), 429);
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        String name = registerFrom(newAddress());
        String prefix = String.format("2001:db8:%x:%x:", ThreadLocalRandom.current().nextInt(0x10000),
                ThreadLocalRandom.current().nextInt(0x10000));
        for (int i = 1; i <= 3; i++) {
            assertProblem(login(name, "wrong", prefix + "0:0:0:" + Integer.toHexString(i)), 401);
        }
        assertProblem(login(name, Api.PASSWORD, prefix + "ffff:ffff:ffff:ffff"), 429);
        login(name, Api.PASSWORD, "2001:db8:ffff:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + "::1")
                .expectStatus(200);
    }

    @Test
    void registrationsPerAddressAre429AfterTheBudget() {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            register(Api.uniqueName("reg"), address).expectStatus(201);
        }
        String name = Api.uniqueName("reg");
        Response throttled = register(name, address);
        assertProblem(throttled, 429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat((String) throttled.path("type")).endsWith("/too-many-registrations");
        assertThat(db.count("SELECT count(*) FROM account WHERE username_key = ?", name.toLowerCase())).isZero();

        register(name, newAddress()).expectStatus(201);
    }

    @Test
    void budgetsAreSharedThroughTheDatabase() {
        String attacker = newAddress();
        assertProblem(login(Api.uniqueName("victim"), "wrong password", attacker), 401);
        assertThat(db.count("SELECT count(*) FROM throttle_bucket WHERE id LIKE ?", "login-address:%:" + attacker))
                .isEqualTo(1);
    }

    private String registerFrom(String address) {
        String name = Api.uniqueName("thr");
        register(name, address).expectStatus(201);
        return name;
    }

    private Response register(String name, String address) {
        return api.call(c -> c.register(new RegisterRequest(name, Api.PASSWORD, null)))
                .header("X-Forwarded-For", address).send();
    }

    private Response login(String name, String password, String address) {
        return api.call(c -> c.login(new LoginRequest(name, password))).header("X-Forwarded-For", address).send();
    }

    static String newAddress() {
        return MadeUpAddresses.next();
    }
}
