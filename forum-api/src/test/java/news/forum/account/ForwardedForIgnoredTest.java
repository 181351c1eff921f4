package news.forum.account;

import io.micronaut.context.annotation.Property;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With no trusted proxy configured (the default), a client cannot dodge its budget by writing headers. */
@Property(name = "forum.throttle.login.account-failures", value = "3")
class ForwardedForIgnoredTest extends ApiTestBase {

    @Test
    void aForgedForwardedForDoesNotBuyMoreGuesses() {
        String name = Api.uniqueName("forged");
        api.register(name, Api.PASSWORD).expectStatus(201);
        String body = api.toJson(Map.of("username", name, "password", "wrong password"));
        for (int i = 0; i < 3; i++) {
            assertProblem(api.call(c -> c.login(null)).body(body).headers(
                    "X-Forwarded-For", LoginThrottleTest.newAddress(),
                    "Forwarded", "for=" + LoginThrottleTest.newAddress(),
                    "X-Real-IP", LoginThrottleTest.newAddress()).send(), 401);
        }
        Response throttled = api.call(c -> c.login(null)).body(body)
                .header("X-Forwarded-For", LoginThrottleTest.newAddress()).send();
        assertProblem(throttled, 429);
        assertThat(throttled.header("Retry-After")).matches("[1-9][0-9]*");
    }
}
