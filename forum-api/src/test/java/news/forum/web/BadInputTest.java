package news.forum.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client sends, the answer is a clear 4xx problem, never a 5xx, and nothing is half-written. */
@MicronautTest(transactional = false)
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
        List<String[]> endpoints = List.of(
                new String[]{"POST", "/api/v1/accounts", null},
                new String[]{"POST", "/api/v1/auth/login", null},
                new String[]{"POST", "/api/v1/auth/refresh", null},
                new String[]{"POST", "/api/v1/auth/logout", null},
                new String[]{"PUT", "/api/v1/accounts/" + user.username() + "/role", admin},
                new String[]{"PUT", "/api/v1/articles/bad-input-article", admin},
                new String[]{"PUT", "/api/v1/threads/" + thread + "/lock", admin},
                new String[]{"POST", "/api/v1/threads/" + thread + "/comments", user.token()},
                new String[]{"PATCH", "/api/v1/comments/" + comment, user.token()},
                new String[]{"PUT", "/api/v1/comments/" + comment + "/vote", admin},
                new String[]{"PUT", "/api/v1/comments/" + comment + "/removal", admin},
                new String[]{"POST", "/api/v1/comments/" + comment + "/flags", api.newUser().token()},
                new String[]{"PUT", "/api/v1/accounts/" + user.username() + "/ban", admin},
                new String[]{"PUT", "/api/v1/threads/" + thread + "/moderation", admin});
        String before = db.snapshot();
        for (String[] endpoint : endpoints) {
            for (String body : BAD_BODIES) {
                Response response = api.send(endpoint[0], endpoint[1], endpoint[2], "application/json", body);
                String what = endpoint[0] + " " + endpoint[1] + " with " + abbreviate(body);
                if (endpoint[1].endsWith("/lock") && response.status() == 200) {
                    // a lock takes an optional body; an unreadable one must still not be a 5xx
                    api.delete(endpoint[1], admin).expectStatus(200);
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
            Response response = api.send("POST", "/api/v1/threads/" + thread + "/comments", user.token(), type,
                    "{\"body\":\"hello\"}");
            assertThat(response.status()).as(type).isIn(400, 415);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(db.count("SELECT count(*) FROM comment WHERE thread_id = ?", db.rowId(thread))).isZero();
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        assertProblem(api.get("/api/v1/nothing-here"), 404);
        Response wrongMethod = api.send("DELETE", "/api/v1/accounts", null, null, null);
        assertThat(wrongMethod.status()).isIn(401, 405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }

    private static String withoutAudit(String snapshot) {
        return snapshot.replaceAll("audit=\\d+", "").replaceAll("locks=\\d+", "");
    }

    private static String abbreviate(String body) {
        return body.length() > 40 ? body.substring(0, 40) + "..." : body;
    }
}
