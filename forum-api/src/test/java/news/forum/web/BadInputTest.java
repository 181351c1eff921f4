package news.forum.web;

import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.ForumClient;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client sends, the answer is a clear 4xx problem, never a 5xx, and nothing is half-written. */
@WholeDatabase
class BadInputTest extends ApiTestBase {

    /** Bodies that are not JSON or not the request's shape; JSON a lenient decoder would take is in StrictJsonTest. */
    private static final List<String> BAD_BODIES = List.of(
            "", "{", "}", "[]", "null", "123", "\"text\"", "{\"body\":", "{\"body\": null}",
            "{\"body\": [\"x\", \"y\"]}", "{\"body\": {\"nested\": true}}", "{\"username\": {}, \"password\": []}",
            "{\"value\": \"up\"}", "{\"value\": 1.5}", "{\"role\": 7}",
            "{\"title\": [], \"url\": {}}", "{\"parentId\": {\"$gt\": \"\"}}",
            "[".repeat(5000) + "]".repeat(5000), "{\"body\":\"\\uZZZZ\"}", "\u0000\u0001", "{'body':'single quotes'}");

    @Test
    void malformedBodiesOnEveryWriteEndpointGet4xxProblemsAndChangeNothing() {
        Api.Session user = api.newUser();
        String admin = api.admin().token();
        String thread = api.newThread();
        String comment = api.postComment(thread, user.token(), "target", null).path("id");
        List<Endpoint> endpoints = List.of(
                new Endpoint(null, c -> c.register(null)),
                new Endpoint(null, c -> c.login(null)),
                new Endpoint(null, c -> c.refresh(null)),
                new Endpoint(null, c -> c.logout(null)),
                new Endpoint(admin, c -> c.changeRole(user.username(), null)),
                new Endpoint(admin, c -> c.save("bad-input-article", null)),
                new Endpoint(admin, c -> c.lock(thread, null)),
                new Endpoint(user.token(), c -> c.post(thread, null, null)),
                new Endpoint(user.token(), c -> c.edit(comment, null)),
                new Endpoint(admin, c -> c.vote(comment, null)),
                new Endpoint(admin, c -> c.remove(comment, null)),
                new Endpoint(api.newUser().token(), c -> c.flag(comment, null)),
                new Endpoint(admin, c -> c.ban(user.username(), null)),
                new Endpoint(admin, c -> c.moderation(thread, null)));
        String before = db.snapshot();
        for (Endpoint endpoint : endpoints) {
            for (String body : BAD_BODIES) {
                Api.Call call = api.call(endpoint.call()).token(endpoint.token()).body(body);
                Response response = call.send();
                String what = Api.route(endpoint.call()).method() + " " + call.path() + " with " + abbreviate(body);
                if (call.path().endsWith("/lock") && response.status() == 200) {
                    // a lock takes an optional body; an unreadable one must still not be a 5xx
                    api.send(admin, c -> c.unlock(thread)).expectStatus(200);
                    continue;
                }
                assertThat(response.status()).as(what + ": " + response.body()).isBetween(400, 499);
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
                assertThat(response.body()).as(what).doesNotContain("Exception", "news.forum", "io.micronaut", "SQL");
            }
        }
        assertThat(withoutAudit(db.snapshot())).isEqualTo(withoutAudit(before));
    }

    @Test
    void wrongContentTypesAre415Or400() {
        Api.Session user = api.newUser();
        String thread = api.newThread();
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
            Response response = api.call(c -> c.post(thread, null, null)).as(user).body("{\"body\":\"hello\"}")
                    .contentType(type).send();
            assertThat(response.status()).as(type).isIn(400, 415);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isZero();
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        assertProblem(api.get("/api/v1/nothing-here"), 404);
        Response wrongMethod = api.call(c -> c.register(null)).method("DELETE").noBody().send();
        assertThat(wrongMethod.status()).isIn(401, 405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }

    /** A write route and who calls it. */
    private record Endpoint(String token, Consumer<ForumClient> call) {
    }

    private static String withoutAudit(String snapshot) {
        return snapshot.replaceAll("audit=\\d+", "").replaceAll("locks=\\d+", "");
    }

    private static String abbreviate(String body) {
        return body.length() > 40 ? body.substring(0, 40) + "..." : body;
    }
}
