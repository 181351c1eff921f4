package news.forum.web;

import news.forum.account.Role;
import news.forum.account.RoleRequest;
import news.forum.comment.EditCommentRequest;
import news.forum.comment.VoteRequest;
import news.forum.support.Api;
import news.forum.support.ApiTestBase;
import news.forum.support.Response;
import news.forum.support.WholeDatabase;
import news.forum.thread.LockRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SQL-looking, forged and out-of-range values in every parameter a client controls (sort, limit, cursor, parent,
 * path variables) get a 4xx problem, never a 5xx, and the database is exactly as it was.
 */
@WholeDatabase
class InjectionTest extends ApiTestBase {

    private static final List<String> SQL = List.of(
            "1 OR 1=1", "1' OR '1'='1", "1; DROP TABLE comment; --", "1) UNION SELECT password_hash FROM account --",
            "' OR ''='", "1/**/OR/**/1=1", "$1", "%", "_", "\\", "1\u0000", "(SELECT 1)", "pg_sleep(10)");
    private static final List<String> NUMBERS = List.of(
            "-1", "0", "1e3", "0x10", "1.5", "+1", " 1", "99999999999999999999", "9223372036854775808", "١");

    @Test
    void sortLimitAndCursorRefuseWhatIsNotTheirsWith400() {
        Api.Session reader = api.newUser();
        String thread = api.newThread();
        for (int i = 0; i < 3; i++) {
            api.postComment(thread, reader.token(), "comment " + i, null).expectStatus(201);
        }
        String before = db.snapshot();
        List<String> refused = new ArrayList<>();
        for (String value : concat(SQL, List.of("oldest;", "oldest--", "created_at DESC", "id", "1", "Oldest ", "top)"))) {
            expect4xx(api.send(c -> c.page(thread, value, null, null)), "sort=" + value, 400, refused);
        }
        for (String value : concat(SQL, NUMBERS, List.of("201", "1;DELETE FROM comment", "10 OR 1=1"))) {
            expect4xx(api.send(c -> c.page(thread, null, value, null)), "limit=" + value, 400, refused);
        }
        List<String> cursors = new ArrayList<>(SQL);
        for (String raw : List.of("o|0|1 OR 1=1|", "o|0|1|000000000001' OR '1'='1", "o|0|-1|", "o|0|0|",
                "o|0|9223372036854775808|", "o|99999999999|1|", "o|0|1|000000000001|extra", "x|0|1|", "t|0|1|",
                "o|0|1|00000000000G", "o|0|1|" + "000000000001".repeat(64), "o|0|1;DROP TABLE comment|", "")) {
            cursors.add(Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }
        cursors.add("A".repeat(2_000));
        cursors.add("====");
        for (String cursor : cursors) {
            if (cursor.isEmpty()) {
                continue; // no cursor: the first page
            }
            expect4xx(api.send(c -> c.page(thread, null, null, cursor)), "after=" + cursor, 400, refused);
        }
        assertThat(refused).isEmpty();
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(api.send(c -> c.page(thread, null, null, null)).expectStatus(200).list("comments")).hasSize(3);
    }

    @Test
    void forgedParentIdsAndPathVariablesChangeNothing() {
        Api.Session reader = api.newUser();
        String admin = api.admin().token();
        String thread = api.newThread();
        String comment = api.postComment(thread, reader.token(), "target", null).expectStatus(201).path("id");
        String before = db.snapshot();
        List<String> refused = new ArrayList<>();
        for (String value : concat(SQL, NUMBERS, List.of(comment + " OR 1=1", comment + ";DELETE FROM comment"))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("body", "reply");
            body.put("parentId", value);
            expect4xx(api.call(c -> c.post(thread, null, null)).as(reader).body(body).send(), "parentId=" + value, 0,
                    refused);
        }
        for (String value : concat(SQL, NUMBERS)) {
            String id = value; // each path variable percent-encoded by the client
            expect4xx(api.send(c -> c.thread(id)), "GET thread " + value, 0, refused);
            expect4xx(api.send(c -> c.page(id, null, null, null)), "GET comments of " + value, 0, refused);
            expect4xx(api.send(c -> c.comment(id)), "GET comment " + value, 0, refused);
            expect4xx(api.send(reader, c -> c.edit(id, new EditCommentRequest("edited"))), "PATCH " + value, 0,
                    refused);
            expect4xx(api.send(admin, c -> c.delete(id)), "DELETE " + value, 0, refused);
            expect4xx(api.send(admin, c -> c.vote(id, new VoteRequest(BigDecimal.valueOf(1)))), "vote " + value, 0, refused);
            expect4xx(api.send(admin, c -> c.lock(id, new LockRequest(null, null))), "lock " + value, 0, refused);
            expect4xx(api.send(c -> c.article(id)), "GET article " + value, 0, refused);
            expect4xx(api.send(admin, c -> c.changeRole(id, new RoleRequest(Role.ADMIN))), "role " + value, 0, refused);
            expect4xx(api.send(reader.token(), c -> c.source(id)), "source " + value, 0, refused);
            expect4xx(api.call(c -> c.login(null)).body(Map.of("username", value, "password", Api.PASSWORD)).send(),
                    "login " + value, 0, refused);
            expect4xx(api.call(c -> c.refresh(null)).body(Map.of("refresh_token", value)).send(), "refresh " + value, 0,
                    refused);
            Response embed = api.send(c -> c.embedArticle(id, "https://news.example/" + value));
            if (embed.status() != 200 || embed.path("article") != null) {
                expect4xx(embed, "embed article " + value, 0, refused);
            }
            expect4xx(api.call(c -> c.postFirst(id, null, null)).as(reader)
                    .body(Map.of("title", value, "url", "https://evil.example/" + encode(value), "body", "x")).send(),
                    "embed post " + value, 0, refused);
        }
        assertThat(refused).isEmpty();
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat((String) api.send(c -> c.comment(comment)).expectStatus(200).path("bodyHtml")).contains("target");
    }

    /** A 4xx problem ({@code status} exactly, unless 0); anything else is recorded for the report. */
    private static void expect4xx(Response response, String what, int status, List<String> refused) {
        boolean ok = response.status() >= 400 && response.status() < 500
                && (status == 0 || response.status() == status)
                && response.contentType() != null && response.contentType().startsWith("application/problem+json");
        if (!ok) {
            refused.add(abbreviate(what) + " -> " + response.status() + " " + abbreviate(response.body()));
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
